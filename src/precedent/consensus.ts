/**
 * Two prong-2 routes besides controlling precedent (doctrine.md §1.3 steps 2.2 and 2.4):
 *  - a "robust consensus of cases of persuasive authority" (Wilson v. Layne; 1st, 2d, 8th, 10th Cir. rules;
 *    not a source in the 11th Cir.), counted here as the other circuits with an eligible, materially similar
 *    published decision holding a violation;
 *  - the obvious case (Hope v. Pelzer; Brosseau; Taylor v. Riojas): rare, and none of the Supreme Court
 *    applications verified in the specification involved a split-second use of force.
 */
import { materiallySimilar } from './rank.js';
import type { CircuitSourceRule, Consensus, Incident, ObviousCaseNote, RankedPrecedent } from './types.js';

export function robustConsensus(ranked: readonly RankedPrecedent[], incident: Incident, rule: CircuitSourceRule): Consensus {
  const hits = ranked.filter((p) => p.eligible && p.relation_to_incident === 'persuasive_consensus' && materiallySimilar(p, incident));
  const circuits = [...new Set(hits.map((p) => p.circuit).filter((c): c is string => c !== null && c !== incident.circuit))].sort();
  return { circuits, count: circuits.length, case_ids: hits.map((p) => p.case_id), admitted: rule.out_of_circuit };
}

/** Facts that, on the user's version, describe a subject who posed no threat and was not resisting. */
const SUBMISSIVE = ['subject.compliant', 'subject.surrendered_hands_up', 'subject.surrendered_prone', 'subject.handcuffed', 'subject.incapacitated'];
/** Facts that courts treat as a threat or resistance; with any of them the obvious-case route is unlikely. */
const THREAT = /^subject\.(armed_|weapon_accessible|reaching|flee_|active_resistance)/;

export function obviousCase(incident: Incident): ObviousCaseNote {
  const ids = incident.factors.map((f) => f.id);
  const force = ids.filter((id) => id.startsWith('force.'));
  const threats = ids.filter((id) => THREAT.test(id));
  const submissive = ids.filter((id) => SUBMISSIVE.includes(id));
  const rare = 'The route is rare: the Supreme Court applications verified for this tool (Hope v. Pelzer, a prison hitching post; Taylor v. Riojas, cell conditions) did not involve force used in a split-second encounter.';
  if (ids.includes('force.restraint_conditions')) {
    return { arguable: true, factors: ['force.restraint_conditions'], reason: `Arguable: restraint used as punishment resembles the facts of Hope v. Pelzer. ${rare}` };
  }
  if (force.length > 0 && submissive.length > 0 && threats.length === 0) {
    return {
      arguable: true,
      factors: [...force, ...submissive],
      reason: `Arguable but weak: on the facts given, force (${force.join(', ')}) was used on a subject who was ${submissive.map((s) => s.replace('subject.', '').replace(/_/g, ' ')).join(' and ')} with no stated threat or resistance. ${rare}`,
    };
  }
  if (force.length === 0) return { arguable: false, factors: [], reason: 'Not assessed: no kind of force was identified in the facts.' };
  return {
    arguable: false,
    factors: threats,
    reason: threats.length
      ? `Unlikely: the facts include ${threats.join(', ')}, which courts weigh as threat or resistance. ${rare}`
      : `Unlikely: the facts do not show a compliant or surrendered subject. ${rare}`,
  };
}
