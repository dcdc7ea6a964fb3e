/**
 * Turning importer input into stored records: default ids, validation and the content hash. Shared by every
 * store implementation so that "inserted / updated / unchanged" means the same thing on SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { ClearlyError } from '../errors/index.js';
import type {
  CaseInput,
  CaseRecord,
  CitationLink,
  CitationLinkInput,
  OpinionRecord,
  PrecedentialStatus,
} from './types.js';

const STATUSES: readonly PrecedentialStatus[] = [
  'published', 'unpublished', 'errata', 'separate', 'in_chambers', 'relating_to', 'unknown',
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');
/**
 * A digest of a string for the content hash, exact for every JS string: SHA-1 of its UTF-8 bytes when it is
 * well-formed (UTF-8 is then one-to-one), else, marked apart, of its UTF-16 code units (lone surrogates would all
 * encode as U+FFFD in UTF-8). `utf8Sha1` is the UTF-8 digest when the caller already has it.
 */
const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();
function digest(s: string, utf8Sha1?: string): string {
  if (isWellFormed(s)) return utf8Sha1 ?? sha1(s);
  return 'u16:' + createHash('sha1').update(s, 'utf16le').digest('hex');
}

/** Deterministic ids let an importer name a case or opinion (e.g. in citation links) before writing it. */
export const caseIdFor = (source: string, sourceId: string): string => 'c_' + sha1(`${source}\0${sourceId}`).slice(0, 16);
export const opinionIdFor = (source: string, sourceId: string): string => 'o_' + sha1(`${source}\0${sourceId}`).slice(0, 16);

/** `F. Supp. 2d` and `F.Supp.2d` are the same reporter; lookups compare this key. */
export const reporterKey = (reporter: string): string => reporter.replace(/[’‘]/g, "'").replace(/\s+/g, '').toLowerCase();

/** JSON with sorted keys, so equal content always hashes equally whatever the input key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map(stableStringify).join(',') + ']';
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + stableStringify(v)).join(',') + '}';
  }
  return JSON.stringify(value ?? null);
}

export interface NormalizedCase {
  record: CaseRecord;
  opinions: OpinionRecord[];
  /** Hash of everything except the internal case id (an existing record keeps its own). */
  hash: string;
}

function bad(input: { source?: unknown; source_id?: unknown }, message: string): ClearlyError {
  const id = `${String(input.source)}:${String(input.source_id)}`;
  return new ClearlyError('bad_data', `case ${id}: ${message}`, { location: { id } });
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function normalizeCase(input: CaseInput): NormalizedCase {
  const { record, opinions, textSha1 } = normalizeParts(input);
  const hash = precomputedHashes.get(input) ?? contentHash(record, opinions, textSha1);
  return { record, opinions, hash };
}

/** The record and opinions, and for each opinion the UTF-8 SHA-1 of its text when this call computed it. */
function normalizeParts(input: CaseInput): Omit<NormalizedCase, 'hash'> & { textSha1: (string | undefined)[] } {
  if (!nonEmpty(input.source) || !nonEmpty(input.source_id)) throw bad(input, 'source and source_id are required');
  if (typeof input.case_name !== 'string') throw bad(input, 'case_name must be a string');
  const date = input.decision_date ?? null;
  if (date !== null && !ISO_DATE.test(date)) throw bad(input, `decision_date "${date}" is not YYYY-MM-DD`);
  const status = input.precedential_status ?? 'unknown';
  if (!STATUSES.includes(status)) throw bad(input, `precedential_status "${status}" is not one of ${STATUSES.join(', ')}`);
  const id = input.id ?? caseIdFor(input.source, input.source_id);
  const record: CaseRecord = {
    id,
    source: input.source,
    source_id: input.source_id,
    case_name: input.case_name,
    case_name_short: input.case_name_short ?? null,
    court_id: input.court_id ?? null,
    circuit: input.circuit ?? null,
    decision_date: date,
    docket_number: input.docket_number ?? null,
    precedential_status: status,
    citations: (input.citations ?? []).map((c) => {
      if (!nonEmpty(c.volume) || !nonEmpty(c.reporter) || !nonEmpty(c.page)) throw bad(input, `citation ${JSON.stringify(c)} lacks volume, reporter or page`);
      return { volume: c.volume.trim(), reporter: c.reporter.trim(), page: c.page.trim(), cite: c.cite ?? `${c.volume.trim()} ${c.reporter.trim()} ${c.page.trim()}` };
    }),
    disposition: input.disposition ?? null,
    subsequent_history: input.subsequent_history ?? null,
    inferred: input.inferred ?? {},
    source_url: input.source_url ?? null,
  };
  const seen = new Set<string>();
  const textSha1: (string | undefined)[] = [];
  const opinions = (input.opinions ?? []).map((o, i): OpinionRecord => {
    if (!nonEmpty(o.source_id)) throw bad(input, 'every opinion needs a source_id');
    if (typeof o.text !== 'string') throw bad(input, `opinion ${o.source_id}: text must be a string`);
    const oid = o.id ?? opinionIdFor(input.source, o.source_id);
    if (seen.has(oid)) throw bad(input, `opinion ${o.source_id} appears twice`);
    seen.add(oid);
    if (o.sha1 == null) textSha1[i] = sha1(o.text);
    return {
      id: oid, case_id: id, type: o.type ?? 'unknown', author: o.author ?? null, text: o.text,
      html: o.html ?? null, source_id: o.source_id, sha1: o.sha1 ?? textSha1[i]!,
    };
  });
  return { record, opinions, textSha1 };
}

/**
 * Marks the content hash format. Version 1 (no prefix) hashed the sorted-key JSON of the whole record, opinion
 * text and HTML included; version 2 hashes the same JSON with each opinion's text and HTML replaced by their own
 * digests (`digest`), so the big strings are hashed once, in place, instead of being copied into one huge JSON string. A
 * record stored with a version 1 hash is therefore reported "updated" (and rewritten) once by its first re-import.
 */
const HASH_VERSION = 'v2:';

function contentHash(record: CaseRecord, opinions: OpinionRecord[], textSha1: (string | undefined)[]): string {
  const { id: _id, ...hashed } = record;
  const ops = opinions.map(({ case_id: _c, text, html, ...o }, i) => ({ ...o, text_sha1: digest(text, textSha1[i]), html_sha1: html === null ? null : digest(html) }));
  return HASH_VERSION + sha1(stableStringify({ ...hashed, opinions: ops }));
}

/**
 * Content hashes computed ahead of the write (the import pipeline hashes on the reader's worker thread), by
 * `caseContentHash` on an identical copy of the input. `normalizeCase` uses one when its input object is a key.
 */
export const precomputedHashes = new WeakMap<CaseInput, string>();

/**
 * The content hash `normalizeCase(input).hash` would compute (throws as it would on invalid input). Fills in each
 * opinion's default `sha1` on the input as a side effect — the value `normalizeCase` would give it anyway — so
 * the text is not digested again at write time.
 */
export function caseContentHash(input: CaseInput): string {
  const { record, opinions, textSha1 } = normalizeParts(input);
  opinions.forEach((o, i) => { input.opinions[i]!.sha1 ??= o.sha1; });
  return contentHash(record, opinions, textSha1);
}

/** `refs[i]` is link i's `cited_ref` while it is unresolved, else null. */
export function normalizeLinks(opinionId: string, links: CitationLinkInput[]): { links: CitationLink[]; refs: (string | null)[]; hash: string } {
  const out = links.map((l): CitationLink => {
    if (typeof l.text !== 'string') throw new ClearlyError('bad_data', `citation link from ${opinionId} has no text`, { location: { id: opinionId } });
    const resolved = l.cited_case_id ?? null;
    return {
      citing_opinion_id: opinionId,
      cited_case_id: resolved,
      text: l.text,
      volume: l.volume ?? null,
      reporter: l.reporter ?? null,
      page: l.page ?? null,
      pin_cite: l.pin_cite ?? null,
      parenthetical: l.parenthetical ?? null,
      signal: l.signal ?? null,
      span: l.span ?? null,
      treatment: l.treatment ?? [],
      depth: l.depth ?? 1,
      // A link without a target must say why, so "unknown" is never silently lost (style.md: keep what failed).
      unresolved_reason: resolved === null ? (l.unresolved_reason ?? 'unresolved') : null,
      origin: l.origin ?? 'engine',
    };
  });
  const refs = links.map((l) => ((l.cited_case_id ?? null) === null ? l.cited_ref ?? null : null));
  return { links: out, refs, hash: linksHash(out, refs) };
}

/** The hash of a link set as normalizeLinks makes it (its objects, in their key order), with its links' refs. */
export function linksHash(links: CitationLink[], refs: (string | null)[]): string {
  // Every link object is built with the same key order, so plain JSON is already canonical (and much cheaper
  // than stableStringify); the prefix keeps these hashes apart from the earlier sorted-key ones. The waiting
  // links' `cited_ref`s count only when there are some, so other link sets keep their hash.
  const json = JSON.stringify(links);
  return 'v2:' + sha1(refs.some((r) => r !== null) ? `${json}\0${JSON.stringify(refs)}` : json);
}

