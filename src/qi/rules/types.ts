/**
 * Shapes of the legal-rule data files in data/qi/ (doctrine.md §1.6, §2.1, §3.1, §3.3–3.4). Field names are the
 * files' own, so a lawyer correcting a row and a developer reading the types see the same words.
 */

/** Keys into a file's `sources` table, or (for a few one-off rows) a literal description. */
export type SourceRef = string | string[];

// --- factors.json ---------------------------------------------------------------------------------------------

export type FactorGroup = 'force' | 'subject' | 'offense' | 'setting' | 'ctx' | 'proc';
/** Short Graham codes (doctrine.md §3.3): G1 severity, G2 threat, G3 resistance/flight, GT totality, PROC, route. */
export type GrahamCode = 'G1' | 'G2' | 'G3' | 'GT' | 'PROC' | 'route';

export interface GrahamFactor {
  code: GrahamCode;
  /** doctrine.md's long id: `G1_SEVERITY`, `G2_THREAT`, `G3_RESIST_FLIGHT`, `GT_TOTALITY`, `PROC`, `route`. */
  id: string;
  label: string;
  description: string;
  source: SourceRef;
}

export interface FactorExample {
  /** The case as doctrine.md names it in the taxonomy (`Campbell`, `Johnson v. D.C.`). */
  name: string;
  /** Knowledge-base id (data/kb/decisions.json) when the case is in the knowledge base. */
  kb?: string;
  note?: string;
  /** The example illustrates the opposite (doctrine.md's "contrast"). */
  contrast?: boolean;
  /** The case states the rule for this factor; its own facts are not coded with it. */
  standard?: boolean;
}

export interface Factor {
  /** doctrine.md §3.4 id, e.g. `force.k9_bite`, `subject.surrendered_hands_up`. */
  id: string;
  label: string;
  group: FactorGroup;
  graham: GrahamCode[];
  /** doctrine.md's own "bears_on" wording. */
  bears_on: string;
  /** Other ids that mean this factor (`force.k9` → `force.k9_bite`). */
  aliases?: string[];
  examples: FactorExample[];
  /** At least one example is a verified case in doctrine.md; false rows say why in `note`. */
  verified: boolean;
  note?: string;
  source: SourceRef;
}

/** Two facts courts treat (or doctrine.md suggests treating) as a material difference between cases. */
export interface DistinguishingPair {
  id: string;
  a: string;
  b: string;
  note: string;
  /** Decisions that drew the distinction: `case` (knowledge-base id) distinguished a KB id or a name only. */
  cases: { case: string; distinguished?: string; distinguished_name?: string }[];
  verified: boolean;
  source: SourceRef;
}

export interface FactorsFile {
  sources: Record<string, string>;
  graham_factors: GrahamFactor[];
  factors: Factor[];
  distinguishing_pairs: DistinguishingPair[];
}

// --- outcomes.json --------------------------------------------------------------------------------------------

export type CanClearlyEstablish = 'yes' | 'if_prong1_violation' | 'no';

export interface OutcomeCode {
  /** doctrine.md §1.6 code, e.g. `AFFIRM_DENIAL`. */
  code: string;
  meaning: string;
  /** Who won on immunity. */
  qi: 'denied' | 'granted' | 'mixed' | 'remanded' | 'none';
  /** Prong results a decision with this code can carry (null — not coded — is always allowed too). */
  prong1: string[];
  prong2: string[];
  can_clearly_establish: CanClearlyEstablish;
  note?: string;
  examples: FactorExample[];
  verified: boolean;
  source: SourceRef;
}

export interface OutcomesFile {
  sources: Record<string, string>;
  outcomes: OutcomeCode[];
}

// --- circuit-rules.json ---------------------------------------------------------------------------------------

/** How an authority counts toward clearly establishing law in a circuit. */
export type AuthorityValue = 'controlling' | 'consensus' | 'weight_only' | 'zero_weight' | 'not_admitted' | 'assumed';

export interface RuleField<V extends string = AuthorityValue> {
  value: V;
  verified: boolean;
  source: SourceRef;
  note?: string;
  /** What sources report for an UNVERIFIED field whose `value` is the documented default (4th Cir. state court). */
  reported_value?: V;
  /** Unpublished opinions can help show the law was NOT clearly established (10th Cir., Grissom). */
  shows_not_clearly_established?: boolean;
}

export const AUTHORITY_FIELDS = [
  'supreme_court', 'own_published', 'state_high_court', 'state_intermediate', 'out_of_circuit', 'unpublished', 'district_court',
] as const;
export type AuthorityField = (typeof AUTHORITY_FIELDS)[number];

export type CircuitRule = { [K in AuthorityField]: RuleField } & {
  /** `1`…`11`, `dc`, `fed` — the same numbering as data/circuits.json. */
  circuit: string;
  /** CourtListener id of the court of appeals. */
  court: string;
  /** doctrine.md's status mark for the row. */
  status: 'verified' | 'partial' | 'unverified';
  /** True when doctrine.md marks the row ✔; individual fields may still be UNVERIFIED defaults. */
  verified: boolean;
  burden: RuleField<'plaintiff' | 'defendant'>;
  rule_cases: string[];
  note?: string;
  source: SourceRef;
};

export interface GlobalRule {
  id: string;
  rule: string;
  value?: number;
  verified: boolean;
  note?: string;
  source: SourceRef;
}

export interface CircuitRulesFile {
  sources: Record<string, string>;
  defaults: Record<AuthorityField | 'burden', string> & { source: SourceRef; note: string };
  supreme_court: Record<string, RuleField>;
  global_rules: GlobalRule[];
  circuits: CircuitRule[];
}

// --- rights.json ----------------------------------------------------------------------------------------------

export interface Right {
  id: string;
  label: string;
  standard: string | null;
  verified: boolean;
  note?: string;
  source: SourceRef;
}

export interface RightsFile {
  sources: Record<string, string>;
  rights: Right[];
}
