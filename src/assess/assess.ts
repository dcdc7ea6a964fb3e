/**
 * assess: Incident → Assessment. Finds and ranks the precedents (src/precedent), states the two prongs, the
 * robust-consensus count and the obvious-case note, and collects the caveats — all as data for the renderers.
 */
import { findPrecedents, type FindOptions } from '../precedent/find.js';
import { circuitLabel } from '../precedent/standing.js';
import type { Incident, RankedPrecedent, Rules } from '../precedent/types.js';
import type { Store } from '../store/index.js';
import { caveats, threshold, unverifiedRows } from './caveats.js';
import { authorityRefs, sanitizeCitations } from './cite-check.js';
import { prong1, prong2 } from './prongs.js';
import { NOT_LEGAL_ADVICE, type Assessment, type FactorReading } from './types.js';

export const VERSION = '0.1.0';

export interface AssessOptions extends FindOptions {
  /** True when the store holds only the knowledge base (says so in the caveats). */
  kbOnly?: boolean;
  /** Date printed on the memo; tests pin it. */
  today?: string;
}

export function factorReadings(incident: Incident, rules: Rules): FactorReading[] {
  return incident.factors.map((f) => {
    const info = rules.factor(f.id);
    return {
      id: f.id, label: info?.label ?? f.id, from: f.from, words: f.evidence ?? null,
      confidence: Math.round(f.confidence * 100) / 100, graham: info?.bears_on ?? [],
    };
  });
}

/** Quoted sentences may carry citations of cases the store lacks; the memo must not print those. */
async function cleanQuotes(store: Store, ps: RankedPrecedent[]): Promise<RankedPrecedent[]> {
  return Promise.all(ps.map(async (p) => ({
    ...p,
    holding: p.holding === null ? null : await sanitizeCitations(store, p.holding),
    support: await Promise.all(p.support.map(async (s) => ({ ...s, sentence: await sanitizeCitations(store, s.sentence) }))),
  })));
}

export async function assess(store: Store, incident: Incident, rules: Rules, opts: AssessOptions = {}): Promise<Assessment> {
  const found = await findPrecedents(store, incident, rules, opts);
  const refs = await authorityRefs(store);
  const rule = rules.circuitRule(incident.circuit);
  const precedents = await cleanQuotes(store, found.precedents);
  const p2 = prong2(incident, precedents, found.consensus, found.obvious_case, rule, refs);
  p2.circuit_rule.statement = await sanitizeCitations(store, p2.circuit_rule.statement);
  return {
    not_legal_advice: NOT_LEGAL_ADVICE,
    generated: { tool: 'clearly', version: VERSION, date: opts.today ?? new Date().toISOString().slice(0, 10) },
    incident: { ...incident, circuit_label: circuitLabel(incident.circuit) },
    factor_readings: factorReadings(incident, rules),
    threshold: threshold(incident, refs),
    prong1: prong1(incident, rules, refs),
    prong2: p2,
    precedents,
    standards: await Promise.all(found.standards.map(async (st) => ({ ...st, holding: st.holding === null ? null : await sanitizeCitations(store, st.holding) }))),
    consensus: found.consensus,
    obvious_case: { ...found.obvious_case, authorities: ['hope', 'taylor', 'brosseau'].map((k) => refs.get(k)!).filter(Boolean) },
    caveats: caveats(incident, precedents, rule, refs, opts.kbOnly ?? false),
    unverified: unverifiedRows(rule, precedents),
    corpus: { cases_examined: found.examined, knowledge_base: opts.kbOnly ?? false },
  };
}
