/**
 * Search page: query and filters in the URL (shareable, Back works), results with highlighted snippets. The QI
 * filters (decides QI, outcome code, fact factors) come from GET /v1/qi/vocabulary, i.e. from data/qi/.
 */
import { useEffect, useState } from 'preact/hooks';
import { cite, getJson, loadCourts, query, type CaseRecord, type Court } from './api.js';
import { ErrorNote, Meta } from './common.js';
import { html } from './html.js';
import { navigate, type Loc } from './router.js';

interface Hit { case: CaseRecord; opinion_id: string | null; score: number | null; snippet: string; highlights: [number, number][] }
interface Page { items: Hit[]; next_cursor: string | null }

const FIELDS = ['q', 'court', 'circuit', 'after', 'before', 'published', 'decides_qi', 'qi_outcome'] as const;
type Form = Record<(typeof FIELDS)[number], string> & { factor: string[] };
const CIRCUITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'dc', 'fed'];

interface QiVocabulary {
  outcomes: { code: string; meaning: string; qi: string }[];
  factors: { id: string; label: string; group: string }[];
}

function fromParams(p: URLSearchParams): Form {
  return { ...Object.fromEntries(FIELDS.map((f) => [f, p.get(f) ?? ''])), factor: p.getAll('factor') } as Form;
}

let vocabulary: Promise<QiVocabulary> | null = null;
const loadVocabulary = (): Promise<QiVocabulary> => (vocabulary ??= getJson<QiVocabulary>('/v1/qi/vocabulary').catch((e: unknown) => {
  vocabulary = null;
  throw e;
}));

const GROUPS: Record<string, string> = { force: 'Force', subject: 'Subject', offense: 'Offense', setting: 'Setting', ctx: 'Context', proc: 'Procedure' };
const groupName = (g: string): string => GROUPS[g] ?? g.replace(/_/g, ' ');

/** Outcome select, decides-QI select and factor checkboxes (grouped, all of them required when ticked). */
function QiFilters({ form, set, vocab, open }: { form: Form; set: (f: Form) => void; vocab: QiVocabulary | null; open: boolean }) {
  const groups = new Map<string, QiVocabulary['factors']>();
  for (const f of vocab?.factors ?? []) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  const toggle = (id: string, on: boolean): void => set({ ...form, factor: on ? [...form.factor, id] : form.factor.filter((x) => x !== id) });
  const pick = (k: 'decides_qi' | 'qi_outcome') => ({ value: form[k], onInput: (e: Event) => set({ ...form, [k]: (e.target as HTMLSelectElement).value }) });
  return html`
    <div class="filters">
      <label>Decides qualified immunity
        <select name="decides_qi" ...${pick('decides_qi')}>
          <option value="">any</option><option value="true">yes</option><option value="false">no (coded cases only)</option>
        </select>
      </label>
      <label>QI outcome
        <select name="qi_outcome" ...${pick('qi_outcome')}>
          <option value="">any</option>
          ${(vocab?.outcomes ?? []).map((o) => html`<option value=${o.code}>${o.meaning}</option>`)}
        </select>
      </label>
    </div>
    <details class="factor-filter" open=${open}>
      <summary>Fact factors${form.factor.length ? ` (${form.factor.length} ticked)` : ''}</summary>
      <fieldset class="factor-box">
        <legend>Cases coded with every ticked factor</legend>
        ${[...groups].map(([g, list]) => html`
          <div class="factor-group">
            <h3>${groupName(g)}</h3>
            ${list.map((x) => html`<label class="check">
              <input type="checkbox" name="factor" value=${x.id} checked=${form.factor.includes(x.id)}
                onChange=${(e: Event) => toggle(x.id, (e.target as HTMLInputElement).checked)} /> ${x.label}</label>`)}
          </div>`)}
      </fieldset>
    </details>`;
}

export function Snippet({ text, marks }: { text: string; marks: [number, number][] }) {
  const parts = [];
  let at = 0;
  for (const [s, e] of marks) {
    if (s < at) continue;
    parts.push(text.slice(at, s), html`<mark>${text.slice(s, e)}</mark>`);
    at = e;
  }
  parts.push(text.slice(at));
  return html`<p class="snippet">${parts}</p>`;
}

function Filters({ form, set, courts }: { form: Form; set: (f: Form) => void; courts: Court[] }) {
  const field = (k: keyof Form) => ({ value: form[k], onInput: (e: Event) => set({ ...form, [k]: (e.target as HTMLInputElement).value }) });
  return html`
    <div class="filters">
      <label>Court <input name="court" list="court-list" placeholder="e.g. ca6, scotus" ...${field('court')} /></label>
      <datalist id="court-list">${courts.map((c) => html`<option value=${c.id}>${c.name}</option>`)}</datalist>
      <label>Circuit
        <select aria-label="Circuit" name="circuit" ...${field('circuit')}>
          <option value="">any</option>
          ${CIRCUITS.map((c) => html`<option value=${c}>${c === 'dc' ? 'D.C.' : c === 'fed' ? 'Federal' : c}</option>`)}
        </select>
      </label>
      <label>Decided after <input type="date" name="after" ...${field('after')} /></label>
      <label>Decided before <input type="date" name="before" ...${field('before')} /></label>
      <label class="check"><input type="checkbox" name="published" checked=${form.published === 'true'}
        onChange=${(e: Event) => set({ ...form, published: (e.target as HTMLInputElement).checked ? 'true' : '' })} /> Published only</label>
    </div>`;
}

export function SearchPage({ loc }: { loc: Loc }) {
  const applied = fromParams(loc.params);
  const qs = query(applied);
  const [form, setForm] = useState<Form>(applied);
  const [courts, setCourts] = useState<Court[]>([]);
  const [vocab, setVocab] = useState<QiVocabulary | null>(null);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => { document.title = applied.q ? `${applied.q} — clearly search` : 'Search — clearly'; setForm(applied); }, [qs]);
  useEffect(() => { loadCourts().then(setCourts, () => setCourts([])); }, []);
  useEffect(() => { loadVocabulary().then(setVocab, () => setVocab(null)); }, []);
  useEffect(() => {
    if (!qs) { setPage(null); return; }
    let live = true;
    setBusy(true);
    setError(null);
    getJson<Page>(`/v1/search${qs}`).then((p) => live && setPage(p), (e: unknown) => live && setError(e)).finally(() => live && setBusy(false));
    return () => { live = false; };
  }, [qs]);

  const more = async () => {
    if (!page?.next_cursor) return;
    setBusy(true);
    try {
      const next = await getJson<Page>(`/v1/search${query({ ...applied, cursor: page.next_cursor })}`);
      setPage({ items: [...page.items, ...next.items], next_cursor: next.next_cursor });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    navigate(`/search${query(form)}`);
  };

  return html`
    <h1>Search the case law</h1>
    <form class="search" role="search" onSubmit=${submit}>
      <div class="searchbar">
        <label for="q" class="sr-only">Search words</label>
        <input id="q" name="q" type="search" value=${form.q} autofocus placeholder='e.g. "police dog" hands raised'
          onInput=${(e: Event) => setForm({ ...form, q: (e.target as HTMLInputElement).value })} />
        <button type="submit">Search</button>
      </div>
      <${Filters} form=${form} set=${setForm} courts=${courts} />
      <${QiFilters} form=${form} set=${setForm} vocab=${vocab} open=${applied.factor.length > 0} />
      <p class="help">All words must appear; use "quotes" for phrases, OR, NOT, and taser* for prefixes. Leave the words empty to list cases by filter. The QI filters match each case's QI coding.</p>
    </form>
    ${error ? html`<${ErrorNote} error=${error} />` : null}
    ${page ? html`
      <div class="results-head">
        <p aria-live="polite">${page.items.length} result${page.items.length === 1 ? '' : 's'}${page.next_cursor ? ' so far' : ''}</p>
        <p class="exports">Export all: <a href=${`/v1/search/export${query({ ...applied, format: 'csv' })}`} download>CSV</a> · <a href=${`/v1/search/export${query({ ...applied, format: 'ndjson' })}`} download>NDJSON</a></p>
      </div>
      <ol class="results">
        ${page.items.map((h) => html`
          <li>
            <h2><a href=${`/case/${encodeURIComponent(h.case.id)}`}>${h.case.case_name}</a></h2>
            <${Meta} c=${h.case} citation=${cite(h.case)} />
            ${h.snippet ? html`<${Snippet} text=${h.snippet} marks=${h.highlights} />` : null}
          </li>`)}
      </ol>
      ${page.next_cursor ? html`<button class="more" onClick=${more} disabled=${busy}>More results</button>` : null}
    ` : busy ? html`<p>Searching…</p>` : null}`;
}
