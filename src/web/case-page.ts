/** Case page: metadata, QI coding with its evidence, the opinions with linked citations, cited and citing cases. */
import { useEffect, useState } from 'preact/hooks';
import { cite, getJson, type CaseRecord } from './api.js';
import { ErrorNote, Meta, Notice, safeUrl } from './common.js';
import { html } from './html.js';
import { OpinionText, type CiteView, type Highlight } from './opinion.js';

interface Edge { link: { text: string; unresolved_reason: string | null; treatment: string[] }; citing_case_id: string; case: CaseRecord | null }
interface Coding {
  coder: string;
  coding: {
    decides_qi?: boolean; outcome?: string | null; prong1?: string | null; prong2?: string | null; posture?: string | null; right?: string | null;
    factors?: { id: string; evidence: string; confidence: number }[];
  };
}
interface View {
  case: CaseRecord;
  opinions: { id: string; type: string; author: string | null; text: string; citations: CiteView[]; highlights: Highlight[] }[];
  qi_coding: Coding | null;
  cites: { items: Edge[]; next_cursor: string | null };
  cited_by: { items: Edge[]; next_cursor: string | null };
}

const words = (s: string | null | undefined): string => (s ? s.replace(/_/g, ' ') : '—');

function QiPanel({ coding, view }: { coding: Coding; view: View }) {
  const c = coding.coding;
  const jump = (supports: string) => {
    for (const o of view.opinions) {
      const i = o.highlights.findIndex((h) => h.supports === supports);
      if (i >= 0) {
        const el = document.getElementById(`${o.id}-hl-${i}`);
        el?.scrollIntoView({ block: 'center' });
        el?.setAttribute('tabindex', '-1');
        el?.focus();
        return;
      }
    }
  };
  return html`
    <section class="qi" aria-labelledby="qi-h">
      <h2 id="qi-h">Qualified-immunity coding <small>(${coding.coder})</small></h2>
      <dl class="grid">
        <dt>Decides QI</dt><dd>${c.decides_qi === undefined ? '—' : c.decides_qi ? 'yes' : 'no'}</dd>
        <dt>Outcome</dt><dd>${words(c.outcome)}</dd>
        <dt>Prong 1</dt><dd>${words(c.prong1)}</dd>
        <dt>Prong 2</dt><dd>${words(c.prong2)}</dd>
        <dt>Posture</dt><dd>${words(c.posture)}</dd>
        <dt>Right</dt><dd>${words(c.right)}</dd>
      </dl>
      ${c.factors?.length ? html`
        <h3>Facts coded</h3>
        <ul class="factors">
          ${c.factors.map((f) => html`<li><code>${f.id}</code> — <button class="link" onClick=${() => jump(f.id)}>“${f.evidence.slice(0, 140)}${f.evidence.length > 140 ? '…' : ''}”</button></li>`)}
        </ul>` : null}
      <p class="help">Machine coding is read from the opinion's words and can be wrong: the highlighted sentences are its evidence.</p>
    </section>`;
}

function Edges({ title, edges, side }: { title: string; edges: Edge[]; side: 'cited' | 'citing' }) {
  return html`
    <section aria-label=${title}>
      <h2>${title} <small>(${edges.length}${edges.length === 100 ? '+' : ''})</small></h2>
      ${edges.length === 0 ? html`<p class="help">None in this store.</p>` : html`
      <ul class="edges">
        ${edges.map((e) => {
          const target = side === 'cited' ? e.case : e.case;
          return html`<li>${target ? html`<a href=${`/case/${encodeURIComponent(target.id)}`}>${target.case_name}</a> <span class="meta">${[cite(target), target.decision_date].filter(Boolean).join(' · ')}</span>`
            : html`<span>${e.link.text}</span> <span class="meta">not in this store</span>`}
            ${e.link.treatment.length ? html` <span class="tag">${e.link.treatment.join(', ')}</span>` : null}</li>`;
        })}
      </ul>`}
    </section>`;
}

export function CasePage({ id }: { id: string }) {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setView(null);
    setError(null);
    getJson<View>(`/v1/cases/${encodeURIComponent(id)}`).then((v) => {
      if (!live) return;
      setView(v);
      document.title = `${v.case.case_name} — clearly`;
    }, (e: unknown) => live && setError(e));
    return () => { live = false; };
  }, [id]);
  if (error) return html`<${ErrorNote} error=${error} />`;
  if (!view) return html`<p aria-live="polite">Loading…</p>`;
  const c = view.case;
  const source = safeUrl(c.source_url);
  const linked = view.opinions.reduce((n, o) => n + o.citations.filter((x) => x.target).length, 0);
  return html`
    <article class="case">
      <h1>${c.case_name}</h1>
      <${Meta} c=${c} citation=${c.citations.map((x) => x.cite ?? `${x.volume} ${x.reporter} ${x.page}`).join(', ') || null} />
      ${c.disposition ? html`<p><strong>Disposition:</strong> ${c.disposition}</p>` : null}
      ${c.subsequent_history ? html`<p><strong>Subsequent history:</strong> ${c.subsequent_history}</p>` : null}
      ${source ? html`<p><a href=${source} rel="noopener noreferrer" target="_blank">Source</a></p>` : null}
      ${view.qi_coding ? html`<${QiPanel} coding=${view.qi_coding} view=${view} />` : html`<p class="help">No qualified-immunity coding stored for this case.</p>`}
      <${Notice} />
      <div class="columns">
        <div class="opinions">
          ${view.opinions.map((o) => html`
            <section class="opinion-block" aria-label=${`${o.type} opinion`}>
              <h2>${words(o.type)} opinion${o.author ? html` <small>by ${o.author}</small>` : null}</h2>
              <${OpinionText} id=${o.id} text=${o.text} citations=${o.citations} highlights=${o.highlights} />
            </section>`)}
          <p class="help">${linked} citation${linked === 1 ? '' : 's'} linked to cases in this store; dotted ones are not in it.</p>
        </div>
        <aside class="side">
          <${Edges} title="Cites" edges=${view.cites.items} side="cited" />
          <${Edges} title="Cited by" edges=${view.cited_by.items.map((e) => ({ ...e, case: e.case }))} side="citing" />
        </aside>
      </div>
    </article>`;
}
