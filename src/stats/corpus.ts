/**
 * The coded corpus as analytics see it: one CodedDecision per case whose effective coding (human over machine,
 * as the store returns it) says it decides qualified immunity. Codings are JSON written by the QI coder or a
 * person; fields that are missing or of the wrong type are read as "not coded", never guessed.
 */
import { getCourt } from '../courts/index.js';
import type { CodedCase, JsonValue, Store } from '../store/index.js';
import { analyticsRules, outcomeClass, type OutcomeClass } from './rules.js';

/** `no_outcome`: decides QI but no outcome code; `unclassified`: a code the rules do not list. */
export type DecisionResult = OutcomeClass | 'no_outcome' | 'unclassified';

export interface CodedDecision {
  case_id: string;
  case_name: string;
  /** `1`…`11`, `dc`, `fed`, `scotus`, or `(unknown)`. */
  circuit: string;
  year: number | null;
  coder: 'machine' | 'human';
  outcome: string | null;
  result: DecisionResult;
  posture: string | null;
  right: string | null;
  /** Factor ids of the `force.*` family. */
  forces: string[];
  factors: string[];
  /** Officer-claim ids (`reached_for_waistband`, …). */
  claims: string[];
}

const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const ids = (v: JsonValue | undefined): string[] =>
  Array.isArray(v) ? [...new Set(v.flatMap((x) => (x && typeof x === 'object' && !Array.isArray(x) && typeof x.id === 'string' ? [x.id] : [])))] : [];

function circuitOf(c: CodedCase['case']): string {
  if (c.circuit) return c.circuit.toLowerCase();
  if (c.court_id === 'scotus') return 'scotus';
  const court = c.court_id ? getCourt(c.court_id) : undefined;
  return court?.circuit ?? (court?.level === 'supreme' ? 'scotus' : '(unknown)');
}

/** The decision a coded case represents, or null when the coding says it does not decide QI. */
export function toDecision({ case: c, coding }: CodedCase): CodedDecision | null {
  const j = coding.coding;
  if (j.decides_qi !== true) return null;
  const outcome = str(j.outcome);
  const factors = ids(j.factors);
  const year = c.decision_date ? Number(c.decision_date.slice(0, 4)) : null;
  return {
    case_id: c.id,
    case_name: c.case_name,
    circuit: circuitOf(c),
    year,
    coder: coding.coder,
    outcome,
    result: outcome === null ? 'no_outcome' : outcomeClass(outcome) ?? 'unclassified',
    posture: str(j.posture),
    right: str(j.right),
    forces: factors.filter((f) => f.startsWith('force.')),
    factors,
    claims: ids(j.officer_claims),
  };
}

export interface Corpus {
  decisions: CodedDecision[];
  /** Coded cases whose coding says they do not decide QI. */
  not_qi: number;
  coders: { machine: number; human: number };
}

export async function loadCorpus(store: Store): Promise<Corpus> {
  const corpus: Corpus = { decisions: [], not_qi: 0, coders: { machine: 0, human: 0 } };
  let cursor: string | undefined;
  do {
    const page = await store.listCodedCases({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const cc of page.items) {
      const d = toDecision(cc);
      if (!d) corpus.not_qi++;
      else {
        corpus.decisions.push(d);
        corpus.coders[d.coder]++;
      }
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return corpus;
}

/** True when the decision involves a shooting (any factor listed in the rules' shooting_factors). */
export function isShooting(d: CodedDecision): boolean {
  const shooting = new Set(analyticsRules().shooting_factors.map((f) => f.id));
  return d.factors.some((f) => shooting.has(f));
}

/** True when the coding records an officer's claim that the subject reached for his waistband. */
export function claimsWaistband(d: CodedDecision): boolean {
  const claims = new Set(analyticsRules().waistband_claims.map((c) => c.id));
  return d.claims.some((c) => claims.has(c));
}
