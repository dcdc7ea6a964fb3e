/**
 * The two prongs as the memo states them (doctrine.md §1.3). Prong 1 sets out the merits framework that fits the
 * incident (§3.1 routes the standard by custody status) and sorts the incident's facts under the Graham factors;
 * it does not decide the merits. Prong 2 summarises what the finder found, by route: controlling precedent,
 * robust consensus, obvious case, or none.
 */
import { materiallySimilar } from '../precedent/rank.js';
import { circuitLabel } from '../precedent/standing.js';
import type { CircuitSourceRule, Consensus, Incident, ObviousCaseNote, RankedPrecedent, Rules, SourceSetting, SourceValue } from '../precedent/types.js';
import type { Assessment, AuthorityRef, Route } from './types.js';

type Refs = Map<string, AuthorityRef>;
const pick = (refs: Refs, ...keys: string[]): AuthorityRef[] => keys.map((k) => refs.get(k)).filter((r): r is AuthorityRef => r !== undefined);
const has = (incident: Incident, id: string): boolean => incident.factors.some((f) => f.id === id);

export function prong1(incident: Incident, rules: Rules, refs: Refs): Assessment['prong1'] {
  const graham = rules.grahamFactors()
    .filter((g) => /^G[123T]$/.test(g.code))
    .map((g) => ({ code: g.code, label: g.label, factors: incident.factors.filter((f) => rules.factor(f.id)?.bears_on.includes(g.code)).map((f) => f.id) }));
  const deadly = incident.factors.some((f) => f.id.startsWith('force.firearm') || f.id === 'force.shots_after_down');
  const whole = ['barnes', 'mendez', 'lombardo'];
  if (/^eighth_/.test(incident.right) || has(incident, 'subject.prisoner')) {
    return {
      standard: 'Eighth Amendment (convicted prisoner). The force-specific Eighth Amendment test is UNVERIFIED in this tool’s specification; Hope and Taylor illustrate the obvious-case route for prison conditions and restraint.',
      authorities: pick(refs, 'hope', 'taylor'), graham: [], note: 'State the Eighth Amendment test from the controlling authorities yourself; the tool does not encode it.',
    };
  }
  if (/^fourteenth_/.test(incident.right) || has(incident, 'subject.detainee')) {
    return {
      standard: 'Fourteenth Amendment (pretrial detainee): objective unreasonableness, without proof of the officer’s subjective intent.',
      authorities: pick(refs, 'kingsley', 'lombardo'), graham,
      note: 'The Graham considerations below are listed as the facts bear on them; the Kingsley list of considerations is UNVERIFIED here.',
    };
  }
  if (!/excessive_force$/.test(incident.right)) {
    return {
      standard: `${incident.right.replace(/_/g, ' ')}: this tool encodes the excessive-force merits framework only (doctrine.md §3).`,
      authorities: [], graham: [], note: 'State the merits test for this right from the controlling authorities yourself.',
    };
  }
  return {
    standard: `Fourth Amendment objective reasonableness under the totality of the circumstances${deadly ? ', with the Garner threshold for deadly force' : ''}, judged over the whole encounter.`,
    authorities: pick(refs, 'graham', ...(deadly ? ['garner'] : []), ...whole),
    graham,
    note: 'On the facts as given (at summary judgment, the non-movant’s version — Tolan), the incident’s factors bear on the Graham considerations as listed. Whether they add up to a violation is for the court; the tool does not decide it.',
  };
}

const VALUE_WORDS: Record<SourceValue, string> = {
  controlling: 'controlling', consensus: 'counts toward a robust consensus', weight_only: 'weight only',
  zero_weight: 'no weight', not_admitted: 'not a source',
};

export function ruleStatement(rule: CircuitSourceRule): Assessment['prong2']['circuit_rule'] {
  const c = circuitLabel(rule.circuit);
  const item = (label: string, s: SourceSetting): string => `${label}: ${VALUE_WORDS[s.value]}${s.verified ? '' : ' (UNVERIFIED — documented default)'}`;
  const items = [
    'Supreme Court: controlling',
    item(`published ${c} decisions`, rule.own_published),
    item('highest court of the state where the conduct occurred', rule.state_high_court),
    item('published decisions of other circuits', rule.out_of_circuit),
    item('unpublished opinions', rule.unpublished),
    item('district-court opinions', rule.district_court),
  ];
  const cases = rule.rule_cases.length ? ` Rule-stating authority: ${rule.rule_cases.join('; ')}.` : '';
  const statement = `${c} sources of clearly established law — ${items.join('; ')}.${cases}${rule.verified ? '' : ' This circuit’s row is not verified in the specification.'}`;
  return { circuit: rule.circuit, verified: rule.verified, statement, source: rule.source };
}

export function prong2(incident: Incident, ranked: readonly RankedPrecedent[], consensus: Consensus, obvious: ObviousCaseNote, rule: CircuitSourceRule, refs: Refs): Assessment['prong2'] {
  const controlling = ranked.filter((p) => p.eligible && p.relation_to_incident === 'controlling');
  const squarely = controlling.filter((p) => materiallySimilar(p, incident));
  const distinguished = controlling.filter((p) => p.distinctions.length > 0);
  const names = (ps: RankedPrecedent[]): string => ps.slice(0, 3).map((p) => p.case_name).join('; ');
  let route: Route = 'none';
  let summary: string;
  if (squarely.length > 0) {
    route = 'controlling_precedent';
    summary = `Arguably clearly established: ${squarely.length} controlling decision${squarely.length === 1 ? '' : 's'} decided before ${incident.date} held a violation on facts sharing the incident’s force and the subject’s state (${names(squarely)}). Whether a decision “squarely governs” is for the court; read the distinctions listed for each.`;
  } else if (consensus.count > 0 && consensus.admitted.value === 'consensus') {
    route = 'robust_consensus';
    summary = `No controlling decision with materially similar facts was found. ${consensus.count} other circuit${consensus.count === 1 ? '' : 's'} (${consensus.circuits.map(circuitLabel).join(', ')}) held a violation on materially similar facts before the incident; whether that is a “robust consensus” is contested and there is no fixed number.`;
  } else if (obvious.arguable) {
    route = 'obvious_case';
    summary = 'No eligible precedent with materially similar facts was found; only the obvious-case route remains, and it is rarely accepted (see below).';
  } else {
    summary = 'No eligible precedent with materially similar facts was found in the store. On this record a court would likely hold the right not clearly established, unless the full case law (beyond the store) has such a decision.';
  }
  // A decision of this circuit (or the Supreme Court) that held the right NOT clearly established on like facts
  // before the incident is what the defense will cite, even when it is unpublished (Baxter v. Bracey).
  const contrary = ranked.filter((p) => p.prong2 === 'not_clearly_established' && (p.standing === 'own_circuit' || p.standing === 'supreme_court') &&
    p.decision_date !== null && p.decision_date < incident.date && materiallySimilar(p, incident));
  if (contrary.length > 0) {
    summary += ` Before the incident, ${names(contrary)} ${contrary.length === 1 ? 'held' : 'each held'} on materially similar facts that the right was not clearly established${contrary.some((p) => p.published === false) ? ' (unpublished, but telling)' : ''}; expect the defense to rely on ${contrary.length === 1 ? 'it' : 'them'} unless later controlling law changed the answer.`;
  }
  if (route !== 'controlling_precedent' && distinguished.length > 0) {
    summary += ` Controlling decisions on the same kind of force differ on a fact courts have treated as material: ${names(distinguished)}.`;
  }
  return { route, summary, circuit_rule: ruleStatement(rule), authorities: pick(refs, 'harlow', 'pearson', 'alkidd', 'wesby', 'emmons', 'wilson', 'rivas') };
}
