/**
 * The memo's layout: Assessment → blocks. Order follows doctrine.md §1.3: the incident as understood (with the
 * factor-from-words table), threshold, prong 1, prong 2 (ranked precedents, close-but-ineligible, consensus,
 * obvious case), caveats, unverified rules, and the not-legal-advice statement first and last.
 */
import { circuitLabel } from '../precedent/standing.js';
import { b, i, type Block, type Inline } from './blocks.js';
import { authorityRuns, citeParts, longDate } from './format.js';
import { closeBlocks, consensusBlocks, eligibleBlocks } from './memo-precedents.js';
import type { Assessment } from './types.js';

function incidentBlocks(a: Assessment): Block[] {
  const inc = a.incident;
  const place = [inc.district ? `district ${inc.district}` : null, inc.state].filter(Boolean).join(', ');
  const rows: Inline[][] = [
    ['Date of the conduct', `${inc.date} (${longDate(inc.date)})`],
    ['Place', `${place ? `${place} — ` : ''}${circuitLabel(inc.circuit)} (circuit per 28 U.S.C. § 41)`],
    ['Actor', inc.actor ?? 'not given (assumed: state or local official, § 1983)'],
    ['Right at issue', inc.right.replace(/_/g, ' ')],
    ['Posture', inc.posture?.replace(/_/g, ' ') ?? 'not given'],
  ];
  const out: Block[] = [
    { kind: 'h', level: 2, text: '1. The incident as understood' },
    { kind: 'table', head: ['Field', 'Value'], rows },
  ];
  if (inc.facts) out.push({ kind: 'p', runs: [b('Facts as given: '), inc.facts] });
  out.push({ kind: 'h', level: 3, text: 'Facts read as factors' });
  if (a.factor_readings.length === 0) {
    out.push({ kind: 'p', runs: 'No factor was identified. Add factor ids (factors:) so precedents can be matched on facts.' });
  } else {
    out.push({
      kind: 'table',
      head: ['Factor', 'Meaning', 'Read from', 'Source', 'Graham'],
      rows: a.factor_readings.map((f) => [
        f.id, f.label, f.words ? `“${f.words}”` : '—', f.from === 'given' ? 'given by you' : `read from the facts (confidence ${f.confidence})`, f.graham.join(', ') || '—',
      ]),
    });
    out.push({ kind: 'note', runs: 'To correct a reading, list the right ids under factors:, or remove a wrong one with -id (for example -subject.reaching).' });
  }
  return out;
}

function prong1Blocks(a: Assessment): Block[] {
  const p = a.prong1;
  const out: Block[] = [
    { kind: 'h', level: 2, text: '3. Prong 1 — on these facts, was a federal right violated?' },
    { kind: 'p', runs: [b('Standard: '), p.standard] },
  ];
  if (p.authorities.length) out.push({ kind: 'list', items: p.authorities.map((r) => [...authorityRuns(r), { t: `: ${r.proposition}.` }]) });
  if (p.graham.length) {
    out.push({ kind: 'table', head: ['Graham consideration', 'Incident factors bearing on it'], rows: p.graham.map((g) => [`${g.code} — ${g.label}`, g.factors.join(', ') || 'none identified']) });
  }
  out.push({ kind: 'p', runs: p.note });
  return out;
}

const ROUTE_LABEL: Record<Assessment['prong2']['route'], string> = {
  controlling_precedent: 'controlling precedent',
  robust_consensus: 'robust consensus (contested)',
  obvious_case: 'obvious case only — rarely accepted',
  none: 'none found',
};

function prong2Head(a: Assessment): Block[] {
  const p = a.prong2;
  const out: Block[] = [
    { kind: 'h', level: 2, text: `4. Prong 2 — was the right clearly established on ${a.incident.date}?` },
    { kind: 'p', runs: [b(`Route: ${ROUTE_LABEL[p.route]}. `), p.summary] },
    { kind: 'list', items: p.authorities.map((r) => [...authorityRuns(r), { t: `: ${r.proposition}.` }]) },
  ];
  // Standard-setting decisions from the store that the framework list above does not already name.
  const named = new Set([...p.authorities, ...a.prong1.authorities].map((r) => r.citation).filter(Boolean));
  const more = a.standards.filter((s) => !s.citation || !named.has(s.citation));
  if (more.length) {
    out.push({ kind: 'p', runs: 'Other binding decisions in the store that state a governing standard, most relied on first:' });
    out.push({ kind: 'list', items: more.map((s) => [...citeParts(s), { t: `${s.holding ? `: ${s.holding}` : ''} (cited by ${s.cited_by} decision${s.cited_by === 1 ? '' : 's'} in the store)` }]) });
  }
  out.push({ kind: 'p', runs: [b('Sources in this circuit. '), p.circuit_rule.statement] });
  return out;
}

function obviousBlocks(a: Assessment): Block[] {
  const o = a.obvious_case;
  return [
    { kind: 'h', level: 3, text: '4.4 The obvious-case route' },
    { kind: 'p', runs: [b(o.arguable ? 'Arguable. ' : 'Not arguable on these facts. '), o.reason] },
    { kind: 'list', items: o.authorities.map((r) => [...authorityRuns(r), { t: `: ${r.proposition}.` }]) },
  ];
}

export function memoBlocks(a: Assessment): Block[] {
  return [
    { kind: 'h', level: 1, text: 'Qualified immunity — research memo' },
    { kind: 'note', runs: [b('Not legal advice. '), a.not_legal_advice.replace(/^Not legal advice\.\s*/, '')] },
    { kind: 'p', runs: [i(`Prepared by clearly ${a.generated.version} on ${a.generated.date} from ${a.corpus.cases_examined} decisions examined${a.corpus.knowledge_base ? ' (built-in knowledge base only)' : ''}. Every case cited below is in the store the memo was made from.`)] },
    ...incidentBlocks(a),
    { kind: 'h', level: 2, text: '2. Threshold' },
    { kind: 'list', items: a.threshold },
    ...prong1Blocks(a),
    ...prong2Head(a),
    ...eligibleBlocks(a),
    ...closeBlocks(a),
    ...consensusBlocks(a),
    ...obviousBlocks(a),
    { kind: 'h', level: 2, text: '5. Caveats' },
    { kind: 'list', items: a.caveats },
    { kind: 'h', level: 2, text: '6. Unverified rules this memo relied on' },
    a.unverified.length ? { kind: 'list', items: a.unverified } : { kind: 'p', runs: 'None: every rule row used is verified in the specification.' },
    { kind: 'rule' },
    { kind: 'note', runs: [b('Not legal advice. '), 'This memo is research assistance assembled from the store and the project’s sourced rules, not a legal opinion. Read every decision before relying on it.'] },
  ];
}
