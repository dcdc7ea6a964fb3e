/**
 * The QI coding of one opinion — the shape `clearly code --json` prints (a contract other tools rely on) and the
 * JSON the store keeps in `QiCodingRecord.coding`. Outcome codes are doctrine.md §1.6; factor ids are the
 * taxonomy in data/qi/factors.json (doctrine.md §3.3–3.4).
 */
export type Prong1 = 'violation' | 'no_violation' | 'not_reached';
export type Prong2 = 'clearly_established' | 'not_clearly_established' | 'not_reached';
export type Posture = 'motion_to_dismiss' | 'summary_judgment' | 'interlocutory_appeal' | 'post_trial' | 'other';
export type PrecedentRelation = 'relied_on' | 'distinguished' | 'general_standard';

export interface FactorHit {
  /** Taxonomy id, e.g. `force.k9`, `subject.surrendered_hands_up`. */
  id: string;
  /** The sentence (or phrase) the factor was read from. */
  evidence: string;
  /** 0..1 */
  confidence: number;
  /** [start, end) of the evidence in the text coded, when known. */
  span?: [number, number];
}

export interface PrecedentUse {
  citation: string;
  case_name: string | null;
  relation: PrecedentRelation;
  /** The sentence the relation was read from. */
  evidence?: string;
}

export interface OfficerClaim {
  /** `reached_for_waistband`, `resisted`, `posed_threat`, ... */
  id: string;
  evidence: string;
}

export interface QiCoding {
  decides_qi: boolean;
  /** A doctrine.md §1.6 outcome code, or null. */
  outcome: string | null;
  prong1: Prong1 | null;
  prong2: Prong2 | null;
  posture: Posture | null;
  /** e.g. `fourth_amendment_excessive_force`, `fourth_amendment_false_arrest`, `first_amendment_retaliation`. */
  right: string | null;
  factors: FactorHit[];
  precedents: PrecedentUse[];
  officer_claims?: OfficerClaim[];
  /** How the coding was made: `machine` (this program, with its version) or `human` (who, when). */
  coded_by: { coder: 'machine' | 'human'; method: string; version?: string; who?: string };
  /** Sentences that decided outcome and prongs, for review. */
  evidence?: { field: string; sentence: string }[];
}
