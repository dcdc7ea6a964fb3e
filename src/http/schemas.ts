/**
 * Zod schemas shared by the routes: they validate requests and are the source of /openapi.json, so the document
 * cannot drift from what the server accepts. Field names follow the store's records (snake_case), the same JSON
 * the CLI prints with --json.
 */
import { z } from '@hono/zod-openapi';
import { allFactors, allOutcomeCodes } from '../qi/rules/index.js';

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().openapi({ description: 'Error catalog code (usage, bad_data, not_found, …) or an HTTP-only code (unauthorized, writes_disabled).' }),
  hint: z.string(),
  location: z.object({ file: z.string().optional(), line: z.number().optional(), id: z.string().optional() }).optional(),
  instance: z.string().optional(),
}).openapi('Problem', { description: 'RFC 9457 problem details' });

const problemContent = { 'application/problem+json': { schema: Problem } };
const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (wrong types, malformed JSON, bad cursor)', 401: 'Missing or wrong API token',
  403: 'Writes are off on this server', 404: 'Not found', 413: 'Request body too large', 422: 'Input could not be read as data',
};

/** Problem responses for a route's `responses`. */
export function problems(...statuses: number[]): Record<number, { description: string; content: typeof problemContent }> {
  return Object.fromEntries(statuses.map((s) => [s, { description: DESCRIPTIONS[s] ?? 'Error', content: problemContent }]));
}

export const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date in YYYY-MM-DD form');

export const CaseCitation = z.object({
  volume: z.string(), reporter: z.string(), page: z.string(), cite: z.string().optional(),
}).openapi('CaseCitation');

export const PRECEDENTIAL = ['published', 'unpublished', 'errata', 'separate', 'in_chambers', 'relating_to', 'unknown'] as const;

export const Case = z.object({
  id: z.string(),
  source: z.string(),
  source_id: z.string(),
  case_name: z.string(),
  case_name_short: z.string().nullable(),
  court_id: z.string().nullable(),
  circuit: z.string().nullable(),
  decision_date: z.string().nullable(),
  docket_number: z.string().nullable(),
  precedential_status: z.enum(PRECEDENTIAL),
  citations: z.array(CaseCitation),
  disposition: z.string().nullable(),
  subsequent_history: z.string().nullable(),
  inferred: z.record(z.string(), z.object({ method: z.string(), confidence: z.number().optional() })),
  source_url: z.string().nullable(),
}).openapi('Case');

/** What a link or hover card needs to know about a case. */
export const CaseSummary = z.object({
  id: z.string(),
  case_name: z.string(),
  court_id: z.string().nullable(),
  decision_date: z.string().nullable(),
  precedential_status: z.enum(PRECEDENTIAL),
  citation: z.string().nullable(),
}).openapi('CaseSummary');

export const Cursor = z.string().max(2000).optional().openapi({ description: 'next_cursor from the previous page' });
export const Limit = z.coerce.number().int().min(1).max(1000).optional().openapi({ description: 'Page size, default 20, at most 1000' });

export const JsonObject = z.record(z.string(), z.unknown());

/** doctrine.md §1.6 outcome codes, from data/qi/outcomes.json. */
export const OutcomeCode = z.enum(allOutcomeCodes().map((o) => o.code) as [string, ...string[]]).openapi('QiOutcomeCode');
/** Fact factor ids of the taxonomy, from data/qi/factors.json. */
export const FactorId = z.enum(allFactors().map((f) => f.id) as [string, ...string[]]).openapi('FactorId');
