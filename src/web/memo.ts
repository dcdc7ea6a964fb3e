/** The assessment on screen: prongs, route, and each ranked precedent beside the incident, factor by factor. */
import { html } from './html.js';
import { Notice } from './common.js';

interface Authority { name: string; citation: string | null; year: number; proposition: string }
interface Precedent {
  rank: number; case_id: string; case_name: string; citation: string | null; court: string | null; decision_date: string | null;
  eligible: boolean; ineligible_reason: string | null; score: number; matched_factors: string[]; missing_factors: string[];
  extra_factors: string[]; distinguishing_factors: string[]; distinctions: { incident_factor: string; precedent_factor: string; note: string }[];
  holding: string | null; support: { factor: string; sentence: string }[]; flags: string[]; relation_to_incident: string;
}
export interface Assessment {
  not_legal_advice: string;
  incident: { date: string; circuit_label: string; state: string | null; right: string; facts: string | null };
  factor_readings: { id: string; label: string; from: string; words: string | null }[];
  prong1: { standard: string; authorities: Authority[]; note: string };
  prong2: { route: string; summary: string; circuit_rule: { statement: string; verified: boolean; source: string }; authorities: Authority[] };
  precedents: Precedent[];
  consensus: { count: number; circuits: string[] };
  obvious_case: { arguable: boolean; reason: string };
  caveats: string[];
  corpus: { cases_examined: number; knowledge_base: boolean };
}

const words = (s: string): string => s.replace(/_/g, ' ');

function Authorities({ list }: { list: Authority[] }) {
  if (!list.length) return null;
  return html`<ul class="authorities">${list.map((a) => html`<li><em>${a.name}</em>${a.citation ? `, ${a.citation}` : ''} (${a.year}): ${a.proposition}</li>`)}</ul>`;
}

function SideBySide({ p, a }: { p: Precedent; a: Assessment }) {
  const label = new Map(a.factor_readings.map((r) => [r.id, r.label]));
  const rows = [
    ...a.factor_readings.map((r) => ({ id: r.id, incident: true, precedent: p.matched_factors.includes(r.id) })),
    ...p.extra_factors.filter((id) => !label.has(id)).map((id) => ({ id, incident: false, precedent: true })),
  ];
  const distinct = new Map(p.distinctions.map((d) => [d.precedent_factor, d.note]));
  return html`
    <table class="sbs">
      <caption class="sr-only">The incident and ${p.case_name}, factor by factor</caption>
      <thead><tr><th scope="col">Fact</th><th scope="col">Incident</th><th scope="col">${p.case_name}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr class=${r.incident && r.precedent ? 'same' : distinct.has(r.id) ? 'differs' : ''}>
        <th scope="row">${label.get(r.id) ?? words(r.id.replace(/^[a-z]+\./, ''))} <code>${r.id}</code></th>
        <td>${r.incident ? 'yes' : '—'}</td>
        <td>${r.precedent ? 'yes' : '—'}${distinct.has(r.id) ? html`<div class="note">Distinguishes: ${distinct.get(r.id)}</div>` : null}</td>
      </tr>`)}</tbody>
    </table>`;
}

export function Memo({ a }: { a: Assessment }) {
  return html`
    <article id="memo" class="memo" tabindex="-1" aria-label="Assessment memo">
      <h2>Assessment memo</h2>
      <${Notice} text=${a.not_legal_advice} />
      <p>Incident of <strong>${a.incident.date}</strong> in the ${a.incident.circuit_label}; right: ${words(a.incident.right)}. ${a.corpus.cases_examined} decisions examined${a.corpus.knowledge_base ? ' (the built-in knowledge base only)' : ''}.</p>
      <h3>Facts as read</h3>
      <ul>${a.factor_readings.map((r) => html`<li>${r.label} <code>${r.id}</code> ${r.from === 'facts' && r.words ? html`<span class="help">from “${r.words}”</span>` : html`<span class="help">given</span>`}</li>`)}</ul>
      <h3>Prong 1: was a right violated?</h3>
      <p>${a.prong1.standard}</p>
      <${Authorities} list=${a.prong1.authorities} />
      <p class="help">${a.prong1.note}</p>
      <h3>Prong 2: was it clearly established? <span class="tag">${words(a.prong2.route)}</span></h3>
      <p>${a.prong2.summary}</p>
      <p class="help">Circuit rule${a.prong2.circuit_rule.verified ? '' : ' (UNVERIFIED)'}: ${a.prong2.circuit_rule.statement}</p>
      <${Authorities} list=${a.prong2.authorities} />
      <p>Robust consensus: ${a.consensus.count} other circuit${a.consensus.count === 1 ? '' : 's'}${a.consensus.circuits.length ? ` (${a.consensus.circuits.join(', ')})` : ''}. Obvious case: ${a.obvious_case.arguable ? 'arguable' : 'not arguable'} — ${a.obvious_case.reason}</p>
      <h3>Precedents, ranked</h3>
      ${a.precedents.length === 0 ? html`<p>No decision in the store matched.</p>` : null}
      ${a.precedents.map((p) => html`
        <details class="precedent" open=${p.rank <= 3}>
          <summary><span class="rank">${p.rank}</span> <strong>${p.case_name}</strong>${p.citation ? `, ${p.citation}` : ''} (${[p.court, p.decision_date?.slice(0, 4)].filter(Boolean).join(' ')})
            <span class=${p.eligible ? 'tag ok' : 'tag no'}>${p.eligible ? words(p.relation_to_incident) : 'cannot clearly establish'}</span></summary>
          <p><a href=${`/case/${encodeURIComponent(p.case_id)}`}>Open the case</a> · score ${p.score.toFixed(2)}${p.ineligible_reason ? html` · <span class="warn">${p.ineligible_reason}</span>` : null}</p>
          ${p.holding ? html`<blockquote>${p.holding}</blockquote>` : null}
          <${SideBySide} p=${p} a=${a} />
          ${p.support.length ? html`<ul class="support">${p.support.map((s) => html`<li><code>${s.factor}</code>: “${s.sentence}”</li>`)}</ul>` : null}
          ${p.flags.length ? html`<ul class="flags">${p.flags.map((f) => html`<li>${f}</li>`)}</ul>` : null}
        </details>`)}
      <h3>Caveats</h3>
      <ul>${a.caveats.map((c) => html`<li>${c}</li>`)}</ul>
    </article>`;
}
