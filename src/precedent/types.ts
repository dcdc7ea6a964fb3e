/**
 * The precedent finder's nouns: the Incident (the query), the rules it consults (per-circuit sources of clearly
 * established law, the factor taxonomy, distinguishing pairs, the fact coder) and what it returns — each
 * candidate decision with its eligibility, similarity and reasons. Field names are snake_case where they are
 * part of the `clearly assess --json` contract.
 */
import type { FactorHit, Posture, QiCoding } from '../qi/types.js';
import type { CaseRecord } from '../store/index.js';
import type { GeneralStandard } from './standards.js';

/** `state`/`local` officials are sued under 42 U.S.C. § 1983, `federal` ones under Bivens (doctrine.md §1.3). */
export type ActorType = 'state' | 'local' | 'federal' | 'municipality';

/** A factor of the incident and where it came from: named by the user, or read from the facts text. */
export interface IncidentFactor {
  id: string;
  from: 'given' | 'facts';
  /** The words it was read from (facts only). */
  evidence?: string;
  span?: [number, number];
  confidence: number;
}

export interface Incident {
  /** ISO date of the conduct; only law decided strictly before it counts (doctrine.md §1.5). */
  date: string;
  /** Postal code, when given or derived from the district. */
  state: string | null;
  /** Federal district court id (`ohsd`), when given. */
  district: string | null;
  /** `1`…`11`, `dc`; derived from state or district when not given (28 U.S.C. § 41). */
  circuit: string;
  actor: ActorType | null;
  right: string;
  facts: string | null;
  factors: IncidentFactor[];
  posture: Posture | null;
  /** Where the incident was read from, for messages. */
  origin?: string;
}

/**
 * How a kind of authority counts in a circuit (data/qi/circuit-rules.json): `controlling` can by itself clearly
 * establish law; `consensus` counts toward a robust consensus of persuasive authority; `weight_only` cannot by
 * itself; `zero_weight` is given no weight; `not_admitted` is not a source.
 */
export type SourceValue = 'controlling' | 'consensus' | 'weight_only' | 'zero_weight' | 'not_admitted';

export interface SourceSetting {
  value: SourceValue;
  /** False when doctrine.md does not verify it for this circuit and the documented default is used. */
  verified: boolean;
  note: string | null;
}

/** One row of the per-circuit sources rule (doctrine.md §2.1), normalised from the rules data. */
export interface CircuitSourceRule {
  circuit: string;
  own_published: SourceSetting;
  /** Highest court of the state where the conduct occurred (controlling in the 11th Cir.). */
  state_high_court: SourceSetting;
  state_intermediate: SourceSetting;
  /** Published decisions of other circuits. */
  out_of_circuit: SourceSetting;
  unpublished: SourceSetting;
  district_court: SourceSetting;
  /** Whether the row as a whole is verified in doctrine.md. */
  verified: boolean;
  /** The rule-stating cases, as the data names them. */
  rule_cases: string[];
  source: string;
}

export interface FactorInfo {
  id: string;
  label: string;
  /** Graham factor codes the fact is usually argued under (`G1`, `G2`, `G3`, `GT`, `PROC`, `route`). */
  bears_on: string[];
}

/** Two facts courts have treated as a material difference (Baxter v. Campbell; Rivas-Villegas v. LaLonde). */
export interface DistinguishingPair {
  a: string;
  b: string;
  note: string;
  source: string;
  /** False when the specification does not verify that this difference is material. */
  verified: boolean;
}

/** What the finder consults; `defaultRules()` builds it from the project's data, tests pass small ones. */
export interface Rules {
  circuitRule(circuit: string): CircuitSourceRule;
  /** Decisions this many days or fewer before the incident are flagged "recent — notice contestable". */
  recentDays(): number;
  factor(id: string): FactorInfo | undefined;
  /** Every factor id in the taxonomy (for "did you mean" hints). */
  factorIds(): readonly string[];
  /** Graham factor codes (`G1`…) with their labels (doctrine.md §3.3). */
  grahamFactors(): readonly { code: string; label: string }[];
  distinguishingPairs(): readonly DistinguishingPair[];
  /** The rights the rules data knows (`fourth_amendment_excessive_force`…). */
  right(id: string): { id: string; label: string } | undefined;
  rightIds(): readonly string[];
  factorsFromText(text: string): FactorHit[];
}

/** How a court stands to the incident's jurisdiction. */
export type CourtStanding =
  | 'supreme_court'
  | 'own_circuit'
  | 'state_high_court'
  | 'other_circuit'
  | 'district_court'
  | 'state_court'
  | 'unknown_court';

/** How a listed decision can bear on prong 2. Part of the JSON contract (`relation_to_incident`). */
export type RelationToIncident =
  | 'controlling'
  | 'persuasive_consensus'
  | 'ineligible';

export interface Eligibility {
  eligible: boolean;
  /** First reason the decision cannot clearly establish the law for this incident; null when eligible. */
  reason: string | null;
  /** Every reason, in the order the rules were checked. */
  reasons: string[];
  standing: CourtStanding;
  relation: RelationToIncident;
  /** Warnings that do not make it ineligible: decided only days before, unverified circuit rule, later reversal. */
  flags: string[];
}

export interface Distinction {
  incident_factor: string;
  precedent_factor: string;
  note: string;
  source: string;
  verified: boolean;
}

export interface Candidate {
  case: CaseRecord;
  coding: QiCoding | null;
  coder: 'machine' | 'human' | null;
  /** Short text of what the case is about (holding, evidence sentences) used for text similarity. */
  digest: string;
  /** Full-text rank signal from the store's search, 0..1; 0 when the case came from the knowledge base only. */
  fts: number;
}

export interface RankedPrecedent {
  case_id: string;
  case_name: string;
  citation: string | null;
  /** Court label for people (`6th Cir.`, `U.S. Supreme Court`). */
  court: string | null;
  /** CourtListener court id (`ca6`, `scotus`). */
  court_id: string | null;
  /** Circuit of the deciding court (`6`, `dc`), null for the Supreme Court and unknown courts. */
  circuit: string | null;
  decision_date: string | null;
  eligible: boolean;
  ineligible_reason: string | null;
  score: number;
  matched_factors: string[];
  /** Precedent factors that materially distinguish it from the incident (see `distinctions`). */
  distinguishing_factors: string[];
  relation_to_incident: RelationToIncident;
  rank: number;
  standing: CourtStanding;
  /** From the store's precedential status; null when unknown. */
  published: boolean | null;
  distinctions: Distinction[];
  /** Incident factors the precedent does not share. */
  missing_factors: string[];
  /** Incident factors the precedent shares only in a related form (`force.taser_probe` vs `force.taser_repeated`). */
  partial_factors: string[];
  /** Precedent factors the incident does not have (not necessarily material). */
  extra_factors: string[];
  flags: string[];
  reasons: string[];
  /** Score parts (0..1 each but the penalty): `reliance` = how many earlier candidates rely on it (reliance.ts); `posture` 1 when decided in the incident's procedural posture. */
  components: { factors: number; text: number; authority: number; reliance: number; posture: number; penalty: number };
  outcome: string | null;
  prong1: string | null;
  prong2: string | null;
  holding: string | null;
  /** Sentences from the precedent supporting each matched factor. */
  support: { factor: string; sentence: string }[];
  coder: 'machine' | 'human' | null;
  source_url: string | null;
}

export interface Consensus {
  /** Distinct other circuits with an eligible, materially similar published decision holding a violation. */
  circuits: string[];
  count: number;
  case_ids: string[];
  /** How the incident circuit's rule counts out-of-circuit decisions (`consensus`, `not_admitted`…). */
  admitted: SourceSetting;
}

export interface ObviousCaseNote {
  arguable: boolean;
  reason: string;
  /** Incident factors the note rests on. */
  factors: string[];
}

export interface FinderResult {
  precedents: RankedPrecedent[];
  /** Binding decisions stating the governing standard (no fact pattern), most relied on first. */
  standards: GeneralStandard[];
  consensus: Consensus;
  obvious_case: ObviousCaseNote;
  /** Candidates examined (knowledge base + search hits). */
  examined: number;
}
