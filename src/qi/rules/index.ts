/**
 * Legal rules as data (doctrine.md §1.6 outcome codes, §2.1 per-circuit sources of clearly established law,
 * §3.1 rights, §3.3–3.4 fact factors and the differences courts treat as material). Typed look-ups over the files
 * in data/qi/; the rules themselves live in the files, each row with its source and `verified` flag.
 */
import { ClearlyError } from '../../errors/index.js';
import { circuitRulesFile, factorsFile, outcomesFile, rightsFile } from './data.js';
import type { RuleFiles } from './validate.js';
import {
  AUTHORITY_FIELDS,
  type CircuitRule,
  type DistinguishingPair,
  type Factor,
  type GlobalRule,
  type GrahamFactor,
  type OutcomeCode,
  type Right,
} from './types.js';

export type * from './types.js';
export { AUTHORITY_FIELDS } from './types.js';
export { validateRules, CIRCUITS, type RuleFiles, type RuleIssue } from './validate.js';
export { qiDataPath } from './data.js';

let factorIndex: Map<string, Factor> | undefined;

/** The factor with this id or alias (`force.k9` → `force.k9_bite`); undefined when the taxonomy has none. */
export function factor(id: string): Factor | undefined {
  if (!factorIndex) {
    factorIndex = new Map();
    for (const f of factorsFile().factors) {
      factorIndex.set(f.id, f);
      for (const a of f.aliases ?? []) factorIndex.set(a, f);
    }
  }
  return factorIndex.get(id.trim());
}

export function allFactors(): readonly Factor[] {
  return factorsFile().factors;
}

export function distinguishingPairs(): readonly DistinguishingPair[] {
  return factorsFile().distinguishing_pairs;
}

export function grahamFactors(): readonly GrahamFactor[] {
  return factorsFile().graham_factors;
}

/** The doctrine.md §1.6 outcome code (case-insensitive), or undefined. */
export function outcomeCode(code: string): OutcomeCode | undefined {
  const want = code.trim().toUpperCase();
  return outcomesFile().outcomes.find((o) => o.code === want);
}

export function allOutcomeCodes(): readonly OutcomeCode[] {
  return outcomesFile().outcomes;
}

/** `6`, `ca6`, `6th`, `6th Cir.`, `dc`, `D.C. Cir.`, `fed` → the circuit number used in data/circuits.json. */
export function normalizeCircuit(input: string): string | undefined {
  const s = input.trim().toLowerCase().replace(/\s*cir(cuit)?\.?$/, '').replace(/[.\s]/g, '');
  if (s === 'dc' || s === 'cadc') return 'dc';
  if (s === 'fed' || s === 'cafc' || s === 'federal') return 'fed';
  const m = /^(?:ca)?(\d{1,2})(?:st|nd|rd|d|th)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 11 ? String(n) : undefined;
}

/**
 * The circuit's sources-of-law rule. Fields whose `verified` is false hold doctrine.md's documented default;
 * `unverifiedFields` lists them so output can say so (issue 4: "UNVERIFIED rows ... say so in output").
 */
export function circuitRule(circuit: string): CircuitRule {
  const number = normalizeCircuit(circuit);
  const rule = number === undefined ? undefined : circuitRulesFile().circuits.find((c) => c.circuit === number);
  if (!rule) {
    throw new ClearlyError('usage', `unknown circuit "${circuit}"`, {
      hint: 'Use 1–11, dc or fed (e.g. "6", "ca6", "6th Cir.").',
    });
  }
  return rule;
}

export function allCircuitRules(): readonly CircuitRule[] {
  return circuitRulesFile().circuits;
}

/** Names of the rule's fields that carry an UNVERIFIED default rather than a verified rule. */
export function unverifiedFields(rule: CircuitRule): string[] {
  return [...AUTHORITY_FIELDS, 'burden' as const].filter((k) => !rule[k].verified);
}

export function globalRule(id: string): GlobalRule | undefined {
  return circuitRulesFile().global_rules.find((r) => r.id === id);
}

export function allGlobalRules(): readonly GlobalRule[] {
  return circuitRulesFile().global_rules;
}

export function right(id: string): Right | undefined {
  return rightsFile().rights.find((r) => r.id === id);
}

export function allRights(): readonly Right[] {
  return rightsFile().rights;
}

/** Resolves a row's `source` keys against its file's `sources` table, for display; unknown keys pass through. */
export function describeSource(file: 'factors' | 'outcomes' | 'circuit-rules' | 'rights', source: string | string[]): string[] {
  const table = { factors: factorsFile, outcomes: outcomesFile, 'circuit-rules': circuitRulesFile, rights: rightsFile }[file]().sources;
  return (Array.isArray(source) ? source : [source]).map((k) => table[k] ?? k);
}

/** The four files as loaded, for validation and for tools that want them whole. */
export function ruleFiles(): RuleFiles {
  return { factors: factorsFile(), outcomes: outcomesFile(), circuitRules: circuitRulesFile(), rights: rightsFile() };
}
