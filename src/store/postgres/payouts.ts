/** The payouts ledger on PostgreSQL (issue 6): same semantics as src/store/sqlite/payouts.ts, set-based writes. */
import { basename } from 'node:path';
import { ClearlyError } from '../../errors/index.js';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.js';
import {
  OFFICER_ROW_COLUMNS, PAYOUT_COLUMNS, fromRow, normalizeOfficerRow, normalizePayout, toRow,
  type CodedCase, type ColumnKind, type PayoutBatch, type PayoutCaseLink, type PayoutFilter, type PayoutLedgerStats,
  type PayoutRecord, type PayoutUpsertResult, type WriteCounts,
} from '../payout-records.js';
import type { Page, PageRequest } from '../types.js';
import { writeCheckpoint, writeRejects } from './imports.js';
import type { Sql } from './pool.js';
import { CASE_COLUMNS, Params, toCase, toCoding, type CaseRow, type CodingRow } from './rows.js';

type Columns = readonly (readonly [string, ColumnKind])[];
const counts = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

/** Multi-row INSERT … ON CONFLICT DO UPDATE from one text[] per column (never delete+insert: links would cascade). */
async function upsertRows(sql: Sql, table: string, columns: Columns, key: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = [...columns.map(([n]) => n), 'content_hash'];
  const kinds = new Map<string, ColumnKind>(columns);
  const cast = (n: string): string => (kinds.get(n) === 'int' || kinds.get(n) === 'flag' ? `r.${n}::bigint` : `r.${n}`);
  await sql.run(`INSERT INTO ${table} (${names.join(', ')})
    SELECT ${names.map(cast).join(', ')}
    FROM unnest(${names.map((_, i) => `$${i + 1}::text[]`).join(', ')}) WITH ORDINALITY AS r(${names.join(', ')}, ord) ORDER BY r.ord
    ON CONFLICT (${key}) DO UPDATE SET ${names.filter((n) => n !== 'id').map((n) => `${n} = excluded.${n}`).join(', ')}`,
  names.map((n) => rows.map((r) => (r[n] === null || r[n] === undefined ? null : String(r[n])))));
}

/** Decides inserted / updated / unchanged in input order; returns the last version of each row to write. */
function classify<T extends { key: string; hash: string }>(items: T[], old: Map<string, string>, into: WriteCounts): T[] {
  const write = new Map<string, T>();
  for (const it of items) {
    const prev = old.get(it.key);
    const outcome = prev === undefined ? 'inserted' : prev === it.hash ? 'unchanged' : 'updated';
    into[outcome]++;
    if (outcome === 'unchanged') continue;
    old.set(it.key, it.hash);
    write.delete(it.key);
    write.set(it.key, it);
  }
  return [...write.values()];
}

/** Runs inside the caller's transaction. */
export async function upsertPayouts(sql: Sql, batch: PayoutBatch): Promise<PayoutUpsertResult> {
  const result: PayoutUpsertResult = { ...counts(), ids: [], officer_rows: counts() };
  const payouts = batch.payouts.map((p) => {
    const { record, hash } = normalizePayout(p);
    const sheet = record.source_sheet ?? '';
    return { record, hash, sheet, key: `${record.source_file}\0${sheet}\0${record.source_line}` };
  });
  result.ids = payouts.map((p) => p.record.id);
  return finishPayouts(sql, batch, payouts, result);
}

// Existing rows are looked up by their (file, sheet, line) key in one join, not one query per row.
async function finishPayouts(
  sql: Sql, batch: PayoutBatch,
  payouts: { record: Omit<PayoutRecord, 'case_ids'>; hash: string; sheet: string; key: string }[],
  result: PayoutUpsertResult,
): Promise<PayoutUpsertResult> {
  const oldP = new Map((await sql.all<{ f: string; s: string; l: number; h: string }>(
    `SELECT p.source_file AS f, p.source_sheet AS s, p.source_line AS l, p.content_hash AS h FROM payouts p
     JOIN unnest($1::text[], $2::text[], $3::bigint[]) AS k(f, s, l) ON p.source_file = k.f AND p.source_sheet = k.s AND p.source_line = k.l`,
    [payouts.map((p) => p.record.source_file), payouts.map((p) => p.sheet), payouts.map((p) => p.record.source_line)],
  )).map((r) => [`${r.f}\0${r.s}\0${r.l}`, r.h]));
  const writeP = classify(payouts, oldP, result);
  await upsertRows(sql, 'payouts', PAYOUT_COLUMNS, 'source_file, source_sheet, source_line',
    writeP.map((p) => ({ ...toRow(p.record, PAYOUT_COLUMNS), source_sheet: p.sheet, content_hash: p.hash })));

  const officers = (batch.officer_rows ?? []).map((o) => {
    const { record, hash } = normalizeOfficerRow(o);
    return { record, hash, key: `${record.source_file}\0${record.source_line}` };
  });
  const oldO = new Map((await sql.all<{ f: string; l: number; h: string }>(
    `SELECT o.source_file AS f, o.source_line AS l, o.content_hash AS h FROM payout_officer_rows o
     JOIN unnest($1::text[], $2::bigint[]) AS k(f, l) ON o.source_file = k.f AND o.source_line = k.l`,
    [officers.map((o) => o.record.source_file), officers.map((o) => o.record.source_line)],
  )).map((r) => [`${r.f}\0${r.l}`, r.h]));
  const writeO = classify(officers, oldO, result.officer_rows);
  await upsertRows(sql, 'payout_officer_rows', OFFICER_ROW_COLUMNS, 'source_file, source_line',
    writeO.map((o) => ({ ...toRow(o.record, OFFICER_ROW_COLUMNS), content_hash: o.hash })));

  if (batch.rejects) await writeRejects(sql, batch.rejects);
  if (batch.checkpoint) await writeCheckpoint(sql, batch.checkpoint.import_key, batch.checkpoint.state);
  return result;
}

function filterSql(f: PayoutFilter, p: Params): string {
  const terms: string[] = [];
  if (f.city !== undefined) {
    const v = p.add(f.city.trim());
    terms.push(`(lower(p.city) = lower(${v}) OR lower(p.jurisdiction) = lower(${v}))`);
  }
  if (f.state !== undefined) terms.push(`upper(p.state) = upper(${p.add(f.state.trim())})`);
  if (f.source_format !== undefined) terms.push(`p.source_format = ${p.add(f.source_format)}`);
  if (f.source_file !== undefined) terms.push(`p.source_file = ${p.add(basename(f.source_file))}`);
  if (f.payer_type !== undefined) terms.push(`p.payer_type = ${p.add(f.payer_type)}`);
  if (f.case_id !== undefined) terms.push(`p.id IN (SELECT payout_id FROM payout_case_links WHERE case_id = ${p.add(f.case_id)})`);
  return terms.length ? terms.join(' AND ') : 'true';
}

export async function listPayouts(sql: Sql, req: PayoutFilter & PageRequest): Promise<Page<PayoutRecord>> {
  const limit = pageLimit(req.limit);
  const after = Number(decodeCursor('payouts', req.cursor)?.[0] ?? 0);
  if (!Number.isSafeInteger(after)) throw new ClearlyError('usage', 'invalid payouts cursor', { hint: 'Pass next_cursor unchanged.' });
  const p = new Params();
  const where = filterSql(req, p);
  const rows = await sql.all<Record<string, unknown> & { seq: number; id: string }>(
    `SELECT p.* FROM payouts p WHERE ${where} AND p.seq > ${p.add(after)} ORDER BY p.seq LIMIT ${p.add(limit + 1)}`, p.values);
  const page = rows.slice(0, limit);
  const links = new Map<string, string[]>();
  for (const l of await sql.all<{ payout_id: string; case_id: string }>(`SELECT payout_id, case_id FROM payout_case_links
    WHERE payout_id = ANY($1::text[]) ORDER BY case_id`, [page.map((r) => r.id)])) {
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

export async function payoutLedgerStats(sql: Sql): Promise<PayoutLedgerStats> {
  const totals = (await sql.get<{ n: number; cents: number | null }>('SELECT count(*) AS n, sum(amount_cents)::bigint AS cents FROM payouts'))!;
  const files = new Map<string, PayoutLedgerStats['files'][number]>();
  const file = (name: string): PayoutLedgerStats['files'][number] => {
    const hit = files.get(name) ?? { source_file: name, payouts: 0, officer_rows: 0, total_cents: 0 };
    files.set(name, hit);
    return hit;
  };
  for (const r of await sql.all<{ f: string; n: number; cents: number }>('SELECT source_file AS f, count(*) AS n, sum(amount_cents)::bigint AS cents FROM payouts GROUP BY source_file')) {
    Object.assign(file(r.f), { payouts: r.n, total_cents: r.cents });
  }
  for (const r of await sql.all<{ f: string; n: number }>('SELECT source_file AS f, count(*) AS n FROM payout_officer_rows GROUP BY source_file')) file(r.f).officer_rows = r.n;
  const links = (await sql.get<{ n: number; p: number }>('SELECT count(*) AS n, count(DISTINCT payout_id) AS p FROM payout_case_links'))!;
  return {
    payouts: totals.n,
    total_cents: totals.cents ?? 0,
    officer_rows: (await sql.get<{ n: number }>('SELECT count(*) AS n FROM payout_officer_rows'))!.n,
    linked_payouts: links.p,
    case_links: links.n,
    files: [...files.values()].sort((a, b) => (a.source_file < b.source_file ? -1 : a.source_file > b.source_file ? 1 : 0)),
  };
}

/** Replaces every payout→case link with `links`; returns how many were stored. */
export async function replacePayoutCaseLinks(sql: Sql, links: PayoutCaseLink[]): Promise<number> {
  await sql.run('DELETE FROM payout_case_links');
  const missing = async (table: string, ids: string[]): Promise<string | undefined> => {
    const found = new Set((await sql.all<{ id: string }>(`SELECT id FROM ${table} WHERE id = ANY($1::text[])`, [ids])).map((r) => r.id));
    return ids.find((id) => !found.has(id));
  };
  const badPayout = await missing('payouts', links.map((l) => l.payout_id));
  if (badPayout !== undefined) throw new ClearlyError('not_found', `cannot link payout ${badPayout}: it is not in the store`, { location: { id: badPayout } });
  const badCase = await missing('cases', links.map((l) => l.case_id));
  if (badCase !== undefined) throw new ClearlyError('not_found', `cannot link a payout to case ${badCase}: it is not in the store`, { location: { id: badCase } });
  if (links.length > 0) {
    await sql.run(`INSERT INTO payout_case_links (payout_id, case_id, docket_key)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    [links.map((l) => l.payout_id), links.map((l) => l.case_id), links.map((l) => l.docket_key)]);
  }
  return (await sql.get<{ n: number }>('SELECT count(*) AS n FROM payout_case_links'))!.n;
}

/** Coded cases with the coding that counts (human over machine), ordered by case id. */
export async function listCodedCases(sql: Sql, req: PageRequest): Promise<Page<CodedCase>> {
  const limit = pageLimit(req.limit);
  const after = decodeCursor('coded-cases', req.cursor)?.[0] ?? '';
  if (typeof after !== 'string') throw new ClearlyError('usage', 'invalid coded-cases cursor', { hint: 'Pass next_cursor unchanged.' });
  const rows = await sql.all<CaseRow & { q_coder: string; q_coding: CodingRow['coding']; q_created_at: string }>(
    `SELECT ${CASE_COLUMNS}, q.coder AS q_coder, q.coding AS q_coding, q.created_at AS q_created_at
     FROM qi_codings q JOIN cases c ON c.id = q.case_id
     WHERE q.case_id COLLATE "C" > $1
       AND (q.coder = 'human' OR NOT EXISTS (SELECT 1 FROM qi_codings h WHERE h.case_id = q.case_id AND h.coder = 'human'))
     ORDER BY q.case_id COLLATE "C" LIMIT $2`, [after, limit + 1]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ q_coder, q_coding, q_created_at, ...c }) => ({
      case: toCase(c),
      coding: toCoding({ case_id: c.id, coder: q_coder, coding: q_coding, created_at: q_created_at }),
    })),
    next_cursor: rows.length > limit && last ? encodeCursor('coded-cases', [last.id]) : null,
  };
}
