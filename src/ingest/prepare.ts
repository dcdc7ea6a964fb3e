/**
 * The per-case work of an import that needs no store: citation extraction of every opinion, the QI coding of the
 * opinion that discusses qualified immunity, and the content hash. Pure functions of the case, so a reader may
 * run them on its own thread (the bulk reader does, on its worker) and hand the results over with the item; the
 * pipeline computes them itself for items that arrive without.
 */
import { findWithText, type FindResult } from '../cite/index.js';
import { codeOpinionIfDecided } from '../qi/index.js';
import type { CaseInput, JsonObject } from '../store/index.js';
import { caseContentHash } from '../store/records.js';
import { engineLinksOf, type EngineLink } from './engine-links.js';

export interface PreparedCase {
  /** Engine links of each opinion, in `case.opinions` order. */
  engine: EngineLink[][];
  /** The machine QI coding when the case's QI opinion decides QI (null: no coding to store; absent: not coded). */
  qi?: JsonObject | null;
  /** `caseContentHash(case)`; absent when the case is invalid (the pipeline rejects it). */
  hash?: string;
}

const MENTIONS_QI = /qualified\s+immunity/i;

/** The opinion to code: the longest one that mentions qualified immunity (the majority or combined one in practice). */
export function qiOpinion(c: CaseInput): CaseInput['opinions'][number] | undefined {
  let best: CaseInput['opinions'][number] | undefined;
  for (const o of c.opinions) if (MENTIONS_QI.test(o.text) && (!best || o.text.length > best.text.length)) best = o;
  return best;
}

/**
 * The machine coding to store for the case, or null when no opinion decides QI. `found(opinion)`, when given,
 * returns the citation pass already made over that opinion's text, so it is not made twice.
 */
export function qiCodingOf(c: CaseInput, found?: (o: CaseInput['opinions'][number]) => FindResult | undefined): JsonObject | null {
  const opinion = qiOpinion(c);
  if (!opinion) return null;
  const f = found?.(opinion);
  const coding = codeOpinionIfDecided(opinion.text, f ? { found: f } : {});
  return coding ? (coding as unknown as JsonObject) : null;
}

export function prepareCase(c: CaseInput, options: { code_qi?: boolean } = {}): PreparedCase {
  const passes = c.opinions.map((o) => (typeof o.text === 'string' ? findWithText(o.text, { html: false }) : undefined));
  const engine = passes.map((f) => (f ? engineLinksOf(f) : []));
  const out: PreparedCase = { engine };
  if (options.code_qi !== false) out.qi = qiCodingOf(c, (o) => passes[c.opinions.indexOf(o)]);
  try {
    out.hash = caseContentHash(c);
  } catch {
    // invalid record: the pipeline's validation rejects it with the reason
  }
  return out;
}
