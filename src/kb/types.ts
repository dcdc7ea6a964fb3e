/**
 * The built-in knowledge base's rows (data/kb/decisions.json): leading decisions of doctrine.md §4, each traced to
 * its doctrine.md row and public sources. Prongs, posture and factor hits use the QiCoding vocabulary
 * (src/qi/types.ts) so a row turns into a stored QI coding without translation.
 */
import type { FactorHit, Posture, Prong1, Prong2 } from '../qi/types.js';

/** How this decision relates to another: a knowledge-base row (`target`) or a case known by name only. */
export type KbRelationType =
  | 'relied_on'
  | 'distinguished'
  | 'general_standard'
  | 'applied'
  | 'reversed'
  | 'vacated'
  | 'gvr_in_light_of'
  | 'on_remand_from'
  | 'supersedes'
  | 'withdrawn_and_replaced_by'
  | 'modified'
  | 'overruled_in_part'
  | 'discussed';

export interface KbRelation {
  relation: KbRelationType;
  /** Knowledge-base id of the other decision. */
  target?: string;
  /** The other decision's name when it is not in the knowledge base (name-only relation). */
  name?: string;
  citation?: string;
  /** For `distinguished`: the factors the court treated as the material difference. */
  distinguishing_factors?: string[];
  note?: string;
}

export type KbHistoryType = 'reversed' | 'vacated' | 'gvr' | 'withdrawn' | 'superseded' | 'modified' | 'cert_denied' | 'on_remand';

/** Later history of this decision (doctrine.md §6 `subsequent_history`). */
export interface KbHistoryEvent {
  type: KbHistoryType;
  /** ISO date, or null when doctrine.md does not verify one. */
  date: string | null;
  /** When only an upper bound is known (withdrawn no later than the replacing opinion's date). */
  not_later_than?: string;
  /** Knowledge-base id of the decision that made the event. */
  by?: string;
  by_name?: string;
  /** Supreme Court docket number (cert petitions). */
  docket?: string;
  note?: string;
}

export interface KbFlag {
  field: string;
  /** `partial`/`unverified` as doctrine.md marks them; `derived` when the value follows from a doctrine.md rule. */
  status: 'partial' | 'unverified' | 'derived';
  note: string;
}

/** One part of a split decision (AFFIRM_IN_PART_REVERSE_IN_PART). */
export interface KbPart {
  label: string;
  qi: 'granted' | 'denied';
  prong1: Prong1 | null;
  prong2: Prong2 | null;
  factors: string[];
}

export interface KbCitation {
  volume: string;
  reporter: string;
  page: string;
}

export interface KbDecision {
  /** Slug: name and year, e.g. `baxter-v-bracey-2018`. */
  id: string;
  case_name: string;
  case_name_short: string;
  aliases?: string[];
  citations: KbCitation[];
  /** CourtListener court id (`scotus`, `ca6`, `cadc`). */
  court: string;
  /** ISO date, only when doctrine.md verifies it; null otherwise (then `verified` is false). */
  decision_date: string | null;
  decision_year: number;
  /** Null when doctrine.md does not say. */
  published: boolean | null;
  per_curiam?: boolean;
  en_banc?: boolean;
  docket_number: string | null;
  /** A doctrine.md §1.6 outcome code, or null when the posture is not given or not a QI decision. */
  outcome: string | null;
  /** doctrine.md's own wording of the outcome. */
  outcome_text: string;
  prong1: Prong1 | null;
  prong2: Prong2 | null;
  posture: Posture | null;
  /** An id of data/qi/rights.json, or null. */
  right: string | null;
  right_text: string | null;
  /** clearly's own summary of doctrine.md's one-line holding; not the court's words. */
  holding: string;
  parts?: KbPart[];
  factors: FactorHit[];
  relations: KbRelation[];
  subsequent_history: KbHistoryEvent[];
  /** Public addresses (without https://) as doctrine.md gives them. */
  sources: string[];
  /** Where in doctrine.md the row comes from, e.g. `§4.2 #50`. */
  doctrine_ref: string;
  /** Citation, court and decision date are all confirmed (✔) in doctrine.md. */
  verified: boolean;
  flags: KbFlag[];
  /** Overrides the derived "decides qualified immunity" when set. */
  decides_qi?: boolean;
}

export interface KbFile {
  $comment: string;
  version: number;
  decisions: KbDecision[];
}
