/** The payouts ledger on SQLite (issue 6): upserts, listing, per-file totals, case links, coded cases. */
import { basename } from 'node:path';
import { ClearlyError } from '../../errors/index.js';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.js';
import {
  OFFICER_ROW_COLUMNS, PAYOUT_COLUMNS, fromRow, normalizeOfficerRow, normalizePayout, toRow,
  type CodedCase, type PayoutBatch, type PayoutCaseLink, type PayoutFilter, type PayoutLedgerStats, type PayoutRecord,
  type PayoutUpsertResult, type WriteCounts,
} from '../payout-records.js';
import type { Page, PageRequest } from '../types.js';
import type { Statements } from './connection.js';
import { writeCheckpoint, writeRejects } from './imports.js';
import { CASE_COLUMNS, toCase, toCoding, type CaseRow, type CodingRow } from './rows.js';

type Columns = readonly (readonly [string, unknown])[];

/** INSERT … ON CONFLICT DO UPDATE (never REPLACE: a replace would delete the row and cascade to its case links). */
function upsertSql(table: string, columns: Columns, key: string): string {
  const names = [...columns.map(([n]) => n), 'content_hash'];
  const updates = names.filter((n) => n !== 'id').map((n) => `${n} = excluded.${n}`);
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})
    ON CONFLICT (${key}) DO UPDATE SET ${updates.join(', ')}`;
}

const PAYOUT_UPSERT = upsertSql('payouts', PAYOUT_COLUMNS, 'source_file, source_sheet, source_line');
const OFFICER_UPSERT = upsertSql('payout_officer_rows', OFFICER_ROW_COLUMNS, 'source_file, source_line');

const counts = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

/** Runs inside the caller's transaction. */
export function upsertPayouts(sql: Statements, batch: PayoutBatch): PayoutUpsertResult {
  const result: PayoutUpsertResult = { ...counts(), ids: [], officer_rows: counts() };
  for (const p of batch.payouts) {
    const { record, hash } = normalizePayout(p);
    const sheet = record.source_sheet ?? '';
    const old = sql.get<{ content_hash: string }>('SELECT content_hash FROM payouts WHERE source_file = ? AND source_sheet = ? AND source_line = ?',
      record.source_file, sheet, record.source_line);
    result.ids.push(record.id);
    const outcome = !old ? 'inserted' : old.content_hash === hash ? 'unchanged' : 'updated';
    result[outcome]++;
    if (outcome !== 'unchanged') sql.run(PAYOUT_UPSERT, { ...toRow(record, PAYOUT_COLUMNS), source_sheet: sheet, content_hash: hash });
  }
  for (const o of batch.officer_rows ?? []) {
    const { record, hash } = normalizeOfficerRow(o);
    const old = sql.get<{ content_hash: string }>('SELECT content_hash FROM payout_officer_rows WHERE source_file = ? AND source_line = ?',
      record.source_file, record.source_line);
    const outcome = !old ? 'inserted' : old.content_hash === hash ? 'unchanged' : 'updated';
    result.officer_rows[outcome]++;
    if (outcome !== 'unchanged') sql.run(OFFICER_UPSERT, { ...toRow(record, OFFICER_ROW_COLUMNS), content_hash: hash });
  }
  if (batch.rejects) writeRejects(sql, batch.rejects);
  if (batch.checkpoint) writeCheckpoint(sql, batch.checkpoint.import_key, batch.checkpoint.state);
  return result;
}

/** WHERE terms for the filters given (so each combination is one prepared statement that can use its index). */
function filterSql(f: PayoutFilter): { sql: string; params: Record<string, unknown> } {
  const terms: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (term: string, name: string, value: unknown): void => { terms.push(term); params[name] = value; };
  if (f.city !== undefined) add('(lower(p.city) = lower(@city) OR lower(p.jurisdiction) = lower(@city))', 'city', f.city.trim());
  if (f.state !== undefined) add('upper(p.state) = upper(@state)', 'state', f.state.trim());
  if (f.source_format !== undefined) add('p.source_format = @source_format', 'source_format', f.source_format);
  if (f.source_file !== undefined) add('p.source_file = @source_file', 'source_file', basename(f.source_file));
  if (f.payer_type !== undefined) add('p.payer_type = @payer_type', 'payer_type', f.payer_type);
  if (f.case_id !== undefined) add('p.id IN (SELECT payout_id FROM payout_case_links WHERE case_id = @case_id)', 'case_id', f.case_id);
  return { sql: terms.length ? terms.join(' AND ') : '1', params };
}

export function listPayouts(sql: Statements, req: PayoutFilter & PageRequest): Page<PayoutRecord> {
  const limit = pageLimit(req.limit);
  const after = decodeCursor('payouts', req.cursor);
  const f = filterSql(req);
  const rows = sql.all<Record<string, unknown> & { seq: number; id: string }>(
    `SELECT p.* FROM payouts p WHERE ${f.sql} AND p.seq > @after ORDER BY p.seq LIMIT @limit`,
    { ...f.params, after: after?.[0] ?? 0, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const links = new Map<string, string[]>();
  for (const l of sql.all<{ payout_id: string; case_id: string }>(`SELECT payout_id, case_id FROM payout_case_links
    WHERE payout_id IN (SELECT value FROM json_each(?)) ORDER BY case_id`, JSON.stringify(page.map((r) => r.id)))) {
    links.set(l.payout_id, [...(links.get(l.payout_id) ?? []), l.case_id]);
  }
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      ...fromRow<Omit<PayoutRecord, 'case_ids'>>({ ...r, source_sheet: r.source_sheet === '' ? null : r.source_sheet }, PAYOUT_COLUMNS),
      case_ids: links.get(r.id) ?? [],
    })),
    next_cursor: rows.length > limit && last ? encodeCursor('payouts', [last.seq]) : null,
  };
}

export function payoutLedgerStats(sql: Statements): PayoutLedgerStats {
  const totals = sql.get<{ n: number; cents: number | null }>('SELECT count(*) AS n, sum(amount_cents) AS cents FROM payouts')!;
  const files = new Map<string, PayoutLedgerStats['files'][number]>();
  const file = (name: string): PayoutLedgerStats['files'][number] => {
    const hit = files.get(name) ?? { source_file: name, payouts: 0, officer_rows: 0, total_cents: 0 };
    files.set(name, hit);
    return hit;
  };
  for (const r of sql.all<{ f: string; n: number; cents: number }>('SELECT source_file AS f, count(*) AS n, sum(amount_cents) AS cents FROM payouts GROUP BY source_file')) {
    Object.assign(file(r.f), { payouts: r.n, total_cents: r.cents });
  }
  for (const r of sql.all<{ f: string; n: number }>('SELECT source_file AS f, count(*) AS n FROM payout_officer_rows GROUP BY source_file')) file(r.f).officer_rows = r.n;
  const links = sql.get<{ n: number; p: number }>('SELECT count(*) AS n, count(DISTINCT payout_id) AS p FROM payout_case_links')!;
  return {
    payouts: totals.n,
    total_cents: totals.cents ?? 0,
    officer_rows: sql.get<{ n: number }>('SELECT count(*) AS n FROM payout_officer_rows')!.n,
    linked_payouts: links.p,
    case_links: links.n,
    files: [...files.values()].sort((a, b) => (a.source_file < b.source_file ? -1 : a.source_file > b.source_file ? 1 : 0)),
  };
}

/** Replaces every payout→case link with `links` (the linker recomputes them all); returns how many were stored. */
export function replacePayoutCaseLinks(sql: Statements, links: PayoutCaseLink[]): number {
  sql.run('DELETE FROM payout_case_links');
  for (const l of links) {
    if (!sql.get('SELECT 1 FROM payouts WHERE id = ?', l.payout_id)) {
      throw new ClearlyError('not_found', `cannot link payout ${l.payout_id}: it is not in the store`, { location: { id: l.payout_id } });
    }
    if (!sql.get('SELECT 1 FROM cases WHERE id = ?', l.case_id)) {
      throw new ClearlyError('not_found', `cannot link a payout to case ${l.case_id}: it is not in the store`, { location: { id: l.case_id } });
    }
    sql.run('INSERT OR IGNORE INTO payout_case_links (payout_id, case_id, docket_key) VALUES (?, ?, ?)', l.payout_id, l.case_id, l.docket_key);
  }
  return sql.get<{ n: number }>('SELECT count(*) AS n FROM payout_case_links')!.n;
}

/**
 * Coded cases with the coding that counts (the human row when there is one), ordered by case id. Driven from the
 * codings table, so a corpus of a million cases with a few thousand coded costs a few thousand lookups.
 */
export function listCodedCases(sql: Statements, req: PageRequest): Page<CodedCase> {
  const limit = pageLimit(req.limit);
  const after = decodeCursor('coded-cases', req.cursor);
  const rows = sql.all<CaseRow & { q_coder: string; q_coding: string; q_created_at: string }>(
    `SELECT ${CASE_COLUMNS}, q.coder AS q_coder, q.coding AS q_coding, q.created_at AS q_created_at
     FROM qi_codings q JOIN cases c ON c.id = q.case_id
     WHERE q.case_id > @after
       AND (q.coder = 'human' OR NOT EXISTS (SELECT 1 FROM qi_codings h WHERE h.case_id = q.case_id AND h.coder = 'human'))
     ORDER BY q.case_id LIMIT @limit`, { after: (after?.[0] as string | undefined) ?? '', limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ q_coder, q_coding, q_created_at, ...c }) => ({
      case: toCase(c),
      coding: toCoding({ case_id: c.id, coder: q_coder, coding: q_coding, created_at: q_created_at } satisfies CodingRow),
    })),
    next_cursor: rows.length > limit && last ? encodeCursor('coded-cases', [last.id]) : null,
  };
}
