/**
 * What the reader must keep in mind, from the incident (threshold questions of doctrine.md §1.3 step 0, disputed
 * facts, video, posture) and from the result (machine codings, unverified rules, conflicting in-circuit decisions).
 */
import { governingSetting } from '../precedent/eligibility.js';
import { circuitLabel } from '../precedent/standing.js';
import type { CircuitSourceRule, Incident, RankedPrecedent } from '../precedent/types.js';
import type { AuthorityRef } from './types.js';

type Refs = Map<string, AuthorityRef>;
const cite = (refs: Refs, key: string): string => {
  const r = refs.get(key);
  if (!r) return '';
  return r.citation ? `${r.name}, ${r.citation} (${r.year})` : r.name;
};
const has = (incident: Incident, id: string): boolean => incident.factors.some((f) => f.id === id);

export function threshold(incident: Incident, refs: Refs): string[] {
  const out: string[] = [];
  if (incident.actor === 'municipality') {
    out.push(`A municipality has no qualified immunity (${cite(refs, 'owen')}); it is liable only for its own policy or custom (${cite(refs, 'monell')}). The analysis below concerns individual officers.`);
  } else if (incident.actor === 'federal') {
    out.push('A federal officer is sued under Bivens rather than 42 U.S.C. § 1983; the qualified-immunity test below is the same, but whether a Bivens remedy exists is a separate question this tool does not assess.');
  } else {
    out.push('Assumes the defendant is an individual official sued in a personal capacity under 42 U.S.C. § 1983.');
  }
  out.push(`Qualified immunity is an affirmative defense the official must plead (${cite(refs, 'gomez')}).`);
  return out;
}

export function caveats(incident: Incident, precedents: readonly RankedPrecedent[], rule: CircuitSourceRule, refs: Refs, kbOnly: boolean): string[] {
  const out: string[] = [];
  out.push('The facts are the ones given, coded to factors by rule; check the factor table above and correct any misreading (add ids to factors:, or remove one with -id).');
  if (has(incident, 'proc.disputed_facts')) {
    out.push(`Material facts are disputed: at summary judgment the evidence is viewed for the non-movant (${cite(refs, 'tolan')}), a genuine dispute of material fact goes to trial, and an interlocutory appeal lies only on questions of law (${cite(refs, 'johnson')}).`);
  }
  if (has(incident, 'proc.video')) {
    out.push(`There is video: where it blatantly contradicts a party’s version, a court need not adopt that version (${cite(refs, 'scott')}).`);
  } else {
    out.push(`If there is video, it may control over a version it blatantly contradicts (${cite(refs, 'scott')}).`);
  }
  if (!rule.verified) out.push(`The ${circuitLabel(rule.circuit)} rule on sources of clearly established law is UNVERIFIED in the specification; the documented default was used.`);
  const machine = precedents.filter((p) => p.coder === 'machine').length;
  if (machine > 0) out.push(`${machine} listed decision${machine === 1 ? ' was' : 's were'} coded by machine: verify the holding and the facts against the opinion.`);
  const conflicting = precedents.filter((p) => p.standing === 'own_circuit' && p.prong1 === 'no_violation' && p.matched_factors.some((f) => f.startsWith('force.')) && p.distinctions.length === 0 && p.decision_date !== null && p.decision_date < incident.date);
  if (conflicting.length > 0) {
    out.push(`In-circuit decisions on similar force held no violation (${conflicting.slice(0, 3).map((p) => p.case_name).join('; ')}): conflicting in-circuit precedent defeats clearly established status (Lane v. Franks, as characterized in the 8th Cir.’s Graham v. Barnette).`);
  }
  // Notice matters only for a decision that could clearly establish the right; an ineligible one gives none anyway.
  if (precedents.some((p) => p.eligible && p.flags.some((f) => f.startsWith('recent:')))) {
    out.push(`A listed eligible decision came only days or weeks before the incident; whether it gave fair notice is contestable (${cite(refs, 'bryan')}).`);
  }
  out.push('Prong 1 applies today’s merits framework (including Barnes v. Felix, 2025); prong 2 asks only what the law clearly established on the incident date.');
  out.push(kbOnly
    ? 'The store holds only the built-in knowledge base, a curated set of leading decisions: the absence of a precedent here is not evidence that none exists. Import the case law of the circuit for a full search.'
    : 'Only decisions in the store were searched; a precedent missing from the store is not found.');
  return out;
}

/** Which unverified rule rows the assessment relied on, named so a reader can check them. */
export function unverifiedRows(rule: CircuitSourceRule, precedents: readonly RankedPrecedent[]): string[] {
  const out = new Set<string>();
  if (!rule.verified) out.add(`circuit rule: the ${circuitLabel(rule.circuit)} row as a whole (${rule.source})`);
  for (const p of precedents) {
    const g = governingSetting(p.standing, p.published, rule);
    if (g && !g.setting.verified) out.add(`circuit rule: how a ${g.kind} counts in the ${circuitLabel(rule.circuit)} (${g.setting.value}, documented default)`);
    for (const d of p.distinctions) if (!d.verified) out.add(`distinguishing pair ${d.incident_factor} vs ${d.precedent_factor} (not verified as material)`);
  }
  return [...out];
}
