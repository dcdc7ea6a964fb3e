/**
 * The payouts ledger as the store keeps it (issue 6): record types, validation, ids, content hashes and the column
 * list. Shared by every store implementation, like records.ts for cases, so that "inserted / updated / unchanged"
 * and the stored fields mean the same thing on SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ClearlyError } from '../errors/index.js';
import { docketKey } from '../payouts/docket.js';
import { PAYER_TYPES, type OfficerLink, type Payout } from '../payouts/types.js';
import { stableStringify } from './records.js';
import type { CaseRecord, Checkpoint, QiCodingRecord, RejectInput } from './types.js';

/**
 * A stored payout. `source_file` is the file's base name: the upsert key is (file name, sheet, row), so importing
 * the same file again from another directory changes nothing.
 */
export interface PayoutRecord extends Payout {
  id: string;
  /** `payouts:<file name>`: the key of the file's rejects and resume checkpoint. */
  import_key: string;
  /** `docketKey(docket_number)`, the join key for cases. */
  docket_key?: string;
  /** Cases in the store this payout is linked to by docket number (see src/payouts/link.ts). */
  case_ids: string[];
}

/** A stored officer-roster row (FiveThirtyEight `*_police_edited.csv`): not a payment, kept so every row counts. */
export interface PayoutOfficerRecord extends OfficerLink {
  id: string;
  import_key: string;
  docket_key?: string;
}

/** One committed slice of a payout import (same atomicity as `CaseBatch`: all of it, checkpoint included, or none). */
export interface PayoutBatch {
  payouts: Payout[];
  officer_rows?: OfficerLink[];
  rejects?: RejectInput[];
  checkpoint?: Checkpoint;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface PayoutUpsertResult extends WriteCounts {
  /** Ids of the batch's payouts, in order. */
  ids: string[];
  officer_rows: WriteCounts;
}

/** Filters for listing payouts; all given terms must hold. Text terms compare without regard to case. */
export interface PayoutFilter {
  /** Equal to the payout's `city` or its `jurisdiction` (`Chicago`, `Chicago, IL`, `Minnesota`). */
  city?: string;
  state?: string;
  source_format?: string;
  /** File name (a path is reduced to its base name). */
  source_file?: string;
  payer_type?: string;
  /** Only payouts linked to this case. */
  case_id?: string;
}

export interface PayoutCaseLink {
  payout_id: string;
  case_id: string;
  docket_key: string;
}

export interface PayoutLedgerStats {
  payouts: number;
  total_cents: number;
  officer_rows: number;
  /** Payouts linked to at least one case, and the number of links. */
  linked_payouts: number;
  case_links: number;
  /** Per file, by file name. */
  files: { source_file: string; payouts: number; officer_rows: number; total_cents: number }[];
}

/** A case with the QI coding that counts for it (human over machine), for corpus analytics. */
export interface CodedCase {
  case: CaseRecord;
  coding: QiCodingRecord;
}

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

export const payoutImportKey = (file: string): string => `payouts:${basename(file)}`;
export const payoutIdFor = (file: string, sheet: string | undefined, line: number): string =>
  'p_' + sha1(`${basename(file)}\0${sheet ?? ''}\0${line}`).slice(0, 16);
export const officerRowIdFor = (file: string, line: number): string => 'po_' + sha1(`${basename(file)}\0${line}`).slice(0, 16);

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function bad(p: { source_file?: unknown; source_line?: unknown }, message: string): ClearlyError {
  const file = typeof p.source_file === 'string' ? p.source_file : undefined;
  const line = typeof p.source_line === 'number' ? p.source_line : undefined;
  return new ClearlyError('bad_data', `payout ${file ?? '?'}:${line ?? '?'}: ${message}`, { location: { ...(file ? { file } : {}), ...(line ? { line } : {}) } });
}

function checkSource(p: { source_file?: unknown; source_line?: unknown }): void {
  if (typeof p.source_file !== 'string' || basename(p.source_file) === '') throw bad(p, 'source_file is required');
  if (!Number.isInteger(p.source_line) || (p.source_line as number) < 1) throw bad(p, 'source_line must be a positive integer');
}

/** Validates a payout and returns the stored record (without its case links) and its content hash. */
export function normalizePayout(p: Payout): { record: Omit<PayoutRecord, 'case_ids'>; hash: string } {
  checkSource(p);
  if (!Number.isSafeInteger(p.amount_cents)) throw bad(p, `amount_cents must be an integer number of cents, not ${String(p.amount_cents)}`);
  if (!(PAYER_TYPES as readonly string[]).includes(p.payer_type)) throw bad(p, `payer_type ${String(p.payer_type)} is not one of ${PAYER_TYPES.join(', ')}`);
  for (const f of ['incident_date', 'filed_date', 'closed_date', 'paid_date'] as const) {
    const d = p[f];
    if (d !== undefined && !PARTIAL_DATE.test(d)) throw bad(p, `${f} "${d}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  for (const f of ['allegation_categories', 'plaintiff_names', 'officer_names', 'caveat_ids'] as const) {
    if (!Array.isArray(p[f])) throw bad(p, `${f} must be a list`);
  }
  const key = docketKey(p.docket_number);
  const record: Omit<PayoutRecord, 'case_ids'> = {
    ...p,
    source_file: basename(p.source_file),
    id: payoutIdFor(p.source_file, p.source_sheet, p.source_line),
    import_key: payoutImportKey(p.source_file),
    ...(key ? { docket_key: key } : {}),
  };
  return { record, hash: sha1(stableStringify(record)) };
}

export function normalizeOfficerRow(o: OfficerLink): { record: PayoutOfficerRecord; hash: string } {
  checkSource(o);
  if (!Array.isArray(o.officer_names)) throw bad(o, 'officer_names must be a list');
  const key = docketKey(o.docket_number);
  const record: PayoutOfficerRecord = {
    ...o,
    source_file: basename(o.source_file),
    id: officerRowIdFor(o.source_file, o.source_line),
    import_key: payoutImportKey(o.source_file),
    ...(key ? { docket_key: key } : {}),
  };
  return { record, hash: sha1(stableStringify(record)) };
}

/** Column kinds: `json` lists/objects, `flag` true-or-absent booleans; the rest map one to one. */
export type ColumnKind = 'text' | 'int' | 'json' | 'flag';

/** Every field of a PayoutRecord except `case_ids` (a join), in table order. Required fields are never null. */
export const PAYOUT_COLUMNS: readonly (readonly [keyof Omit<PayoutRecord, 'case_ids'>, ColumnKind])[] = [
  ['id', 'text'], ['import_key', 'text'], ['source_file', 'text'], ['source_sheet', 'text'], ['source_line', 'int'],
  ['source_row_id', 'text'], ['source_format', 'text'], ['jurisdiction', 'text'], ['city', 'text'], ['state', 'text'],
  ['agency', 'text'], ['payer_type', 'text'], ['payer_name', 'text'], ['payer_raw', 'text'], ['payer_basis', 'text'],
  ['amount_cents', 'int'], ['amount_field', 'text'], ['amount_raw', 'text'], ['amount_rounded', 'flag'],
  ['other_expenses_cents', 'int'], ['total_incurred_cents', 'int'], ['incident_date', 'text'], ['filed_date', 'text'],
  ['closed_date', 'text'], ['paid_date', 'text'], ['unparsed', 'json'], ['claims_made_year', 'int'], ['year_paid', 'int'],
  ['allegation_text', 'text'], ['allegation_categories', 'json'], ['outcome', 'text'], ['matter_name', 'text'],
  ['court', 'text'], ['plaintiff_names', 'json'], ['docket_number', 'text'], ['docket_key', 'text'],
  ['claim_number', 'text'], ['officer_names', 'json'], ['defendant_text', 'text'], ['caveat_ids', 'json'],
];

export const OFFICER_ROW_COLUMNS: readonly (readonly [keyof PayoutOfficerRecord, ColumnKind])[] = [
  ['id', 'text'], ['import_key', 'text'], ['source_file', 'text'], ['source_line', 'int'], ['jurisdiction', 'text'],
  ['docket_number', 'text'], ['docket_key', 'text'], ['officer_names', 'json'],
];

/** Record → column values (absent → null), in the order of `columns`. */
export function toRow<R>(record: R, columns: readonly (readonly [keyof R, ColumnKind])[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, kind] of columns) {
    const v = record[name];
    row[name as string] = v === undefined || v === null ? null : kind === 'json' ? JSON.stringify(v) : kind === 'flag' ? (v ? 1 : null) : v;
  }
  return row;
}

/** Column values → record; null columns are left out, as the readers leave out absent fields. */
export function fromRow<R>(row: Record<string, unknown>, columns: readonly (readonly [keyof R, ColumnKind])[]): R {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of columns) {
    const v = row[name as string];
    if (v === null || v === undefined) continue;
    out[name as string] = kind === 'json' ? JSON.parse(v as string) : kind === 'flag' ? true : kind === 'int' ? Number(v) : v;
  }
  return out as R;
}
