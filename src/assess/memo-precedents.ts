/** The memo's precedent sections: ranked eligible precedents, the close-but-ineligible list, the consensus count. */
import type { RankedPrecedent } from '../precedent/types.js';
import { sharesNoFact } from '../precedent/rank.js';
import { circuitLabel } from '../precedent/standing.js';
import { b, type Block, type Inline } from './blocks.js';
import { citeParts } from './format.js';
import type { Assessment } from './types.js';

const RELATION: Record<string, string> = {
  controlling: 'controlling authority',
  persuasive_consensus: 'persuasive (out of circuit) — counts toward a consensus',
  ineligible: 'cannot clearly establish the right',
};

function distinctionItems(p: RankedPrecedent): Inline[] {
  return p.distinctions.map((d) => [
    b(`${d.precedent_factor}`), ` in the precedent vs ${d.incident_factor} in the incident${d.verified ? '' : ' (not verified as material)'}: ${d.note}`,
  ]);
}

function precedentBlocks(p: RankedPrecedent): Block[] {
  const facts: Inline[] = [
    [b('Decided: '), `${p.decision_date ?? 'unknown'} · ${p.court ?? 'court unknown'} · ${RELATION[p.relation_to_incident]} · score ${p.score}`],
    [b('Outcome: '), `${p.outcome ?? 'not coded'} · prong 1: ${p.prong1 ?? '—'} · prong 2: ${p.prong2 ?? '—'}${p.coder ? ` · coded by ${p.coder}` : ''}`],
  ];
  if (p.holding) facts.push([b('Holding: '), p.holding]);
  facts.push([b('Matched factors: '), p.matched_factors.join(', ') || 'none']);
  if (p.missing_factors.length) facts.push([b('Incident facts it does not share: '), p.missing_factors.join(', ')]);
  const out: Block[] = [
    { kind: 'h', level: 3, text: `${p.rank}. ${p.case_name}` },
    { kind: 'p', runs: citeParts(p) },
    { kind: 'list', items: facts },
  ];
  if (p.distinctions.length) {
    out.push({ kind: 'p', runs: b('Distinguishing facts (courts have treated such differences as material):') });
    out.push({ kind: 'list', items: distinctionItems(p) });
  }
  for (const s of p.support) out.push({ kind: 'quote', text: `${s.factor}: “${s.sentence}”` });
  if (p.flags.length) out.push({ kind: 'list', items: p.flags.map((f) => [b('Note: '), f]) });
  if (p.source_url) out.push({ kind: 'p', runs: `Source: ${p.source_url}` });
  return out;
}

export function eligibleBlocks(a: Assessment): Block[] {
  const eligible = a.precedents.filter((p) => p.eligible);
  const out: Block[] = [{ kind: 'h', level: 3, text: '4.1 Eligible precedents, most similar first' }];
  if (eligible.length === 0) {
    out.push({ kind: 'p', runs: `No decision in the store meets every eligibility rule for an incident in the ${circuitLabel(a.incident.circuit)} on ${a.incident.date} and resembles its facts.` });
    return out;
  }
  out.push({ kind: 'p', runs: 'Each decided before the incident, from a court this circuit counts, still good law on that date, and holding a violation. The score (0–1) combines shared factors, text similarity of the facts, the court’s authority, how many earlier decisions relied on it and whether it was decided in the incident’s procedural posture, minus material distinctions; it orders reading, it does not decide anything.' });
  for (const p of eligible) out.push(...precedentBlocks(p));
  return out;
}

/**
 * Supreme Court grants of qualified immunity on the incident's right that share no fact with it: listed apart, since
 * they are not close on the facts — they are the standard the defense will cite.
 */
function grantBlocks(grants: readonly RankedPrecedent[]): Block[] {
  if (grants.length === 0) return [];
  return [
    { kind: 'p', runs: 'Supreme Court decisions that granted qualified immunity on other facts, on this right or with no particular right recorded. They share no fact with the incident and cannot clearly establish the right (a grant because the law was not clearly established decides nothing about prong 1), but they bind every court and the defense will cite them for how specific the precedent must be. Closest text first, then the most recent.' },
    {
      kind: 'table',
      head: ['#', 'Decision', 'Held', 'Score'],
      rows: grants.map((p) => [String(p.rank), citeParts(p), p.holding ?? `${p.outcome ?? 'outcome not coded'} · prong 2: ${p.prong2 ?? '—'}`, String(p.score)]),
    },
  ];
}

export function closeBlocks(a: Assessment): Block[] {
  const ineligible = a.precedents.filter((p) => !p.eligible);
  const grants = ineligible.filter((p) => sharesNoFact(p, a.incident));
  const close = ineligible.filter((p) => !grants.includes(p));
  const out: Block[] = [{ kind: 'h', level: 3, text: '4.2 Close on the facts but ineligible' }];
  if (close.length === 0) {
    out.push({ kind: 'p', runs: 'None.' }, ...grantBlocks(grants));
    return out;
  }
  out.push({ kind: 'p', runs: 'These resemble the incident but cannot clearly establish the right here; the other side may cite them, and some show how courts drew the line.' });
  out.push({
    kind: 'table',
    head: ['#', 'Decision', 'Why it is ineligible', 'Matched', 'Distinguishing', 'Score'],
    rows: close.map((p) => [
      String(p.rank), citeParts(p), p.reasons.join('; '), p.matched_factors.join(', ') || '—', p.distinguishing_factors.join(', ') || '—', String(p.score),
    ]),
  });
  out.push(...grantBlocks(grants));
  return out;
}

export function consensusBlocks(a: Assessment): Block[] {
  const c = a.consensus;
  const admitted = c.admitted.value === 'consensus'
    ? `The ${circuitLabel(a.incident.circuit)} counts such a consensus${c.admitted.verified ? '' : ' (UNVERIFIED — documented default)'}.`
    : `The ${circuitLabel(a.incident.circuit)} does not count out-of-circuit decisions (${c.admitted.value.replace(/_/g, ' ')}).`;
  const count = c.count === 0
    ? 'No other circuit has an eligible published decision holding a violation on materially similar facts in the store.'
    : `${c.count} other circuit${c.count === 1 ? '' : 's'} (${c.circuits.map(circuitLabel).join(', ')}) held a violation on materially similar facts before the incident.`;
  return [{ kind: 'h', level: 3, text: '4.3 Robust consensus of persuasive authority' }, { kind: 'p', runs: `${count} ${admitted}` }];
}
