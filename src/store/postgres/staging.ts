/**
 * Search vectors computed beside the writer (migration 9). `to_tsvector` over the opinion text is most of an
 * import's server CPU, and one writer connection does every write one batch at a time, so an import was bound by
 * one server backend. An importer that knows its next batch early (`Store.stageCases`) hands it over here: its
 * opinion rows are copied once into the unlogged `opinion_staging` table under a token of their own, and other
 * pooled connections compute `search`, `search_key` and `search_words` there, in their own transactions, while the
 * writer is busy with the previous batch. The writer's transaction then moves the rows into `opinions`
 * (write-cases.ts) and deletes them, so staging never changes what is stored, only which backend computes it:
 * rows the writer finds missing or without vectors (a failed or cleaned-up staging) are copied and computed in
 * its own transaction as before.
 *
 * Left-overs: a killed importer leaves its staged rows behind; they are invisible to everyone else (their token
 * is random) and deleted by the next staging or store open once the backend that staged them (`owner_pid`) is
 * gone. A server crash empties the unlogged table by itself.
 */
import { randomUUID } from 'node:crypto';
import { normalizeCase, type NormalizedCase } from '../records.js';
import type { CaseInput } from '../types.js';
import { copyRows, type CopyValue } from './copy.js';
import type { Db, Sql } from './pool.js';

/** Columns of `opinion_staging` written by COPY (the vectors are computed on the server). */
export const STAGED_FIELDS = ['token', 'ord', 'id', 'ordinal', 'source_id', 'type', 'author', 'text', 'html', 'sha1', 'case_name'] as const;

export interface StagedBatch {
  readonly token: string;
  /** The cases as handed over: the writer uses this staging only for exactly these objects, in this order. */
  readonly cases: readonly CaseInput[];
  /** `normalizeCase` of each case, done once for staging and writing. */
  readonly normalized: NormalizedCase[];
  /** Staging row number of each case's first opinion: opinion j of case i is `firstOrd[i] + j`. */
  readonly firstOrd: number[];
  /** Settles (never rejects) when the staging connections are done, whether they succeeded or not. */
  readonly ready: Promise<void>;
}

const ORPHANED = 'owner_pid NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)';

/**
 * Deletes staged rows whose staging backend no longer exists (a killed import's). Looks before it deletes, so a
 * store opened on a read-only connection with nothing to clean does not fail.
 */
export async function cleanStaging(sql: Sql): Promise<number> {
  if (!(await sql.get(`SELECT 1 FROM opinion_staging WHERE ${ORPHANED} LIMIT 1`))) return 0;
  return sql.run(`DELETE FROM opinion_staging WHERE ${ORPHANED}`);
}

/** Deletes one batch's staged rows (the writer does it in its transaction; this is for batches never written). */
export async function dropStaged(sql: Sql, token: string): Promise<void> {
  await sql.run('DELETE FROM opinion_staging WHERE token = $1', [token]);
}

export function stagedRow(token: string, ord: number, n: NormalizedCase, ordinal: number): CopyValue[] {
  const o = n.opinions[ordinal]!;
  return [token, ord, o.id, ordinal, o.source_id, o.type, o.author, o.text, o.html, o.sha1, n.record.case_name];
}

/**
 * Starts staging `cases` and returns at once, or returns undefined when staging would not pay: invalid cases
 * (the writer reports them), or less opinion text than `thresholdBytes` (small batches are written directly).
 * Cases stored with the same content hash are left out (the writer will find them unchanged), and so are
 * vectors the writer can reuse (same opinion text under the same case name already stored).
 */
export function stageBatch(db: Db, cases: readonly CaseInput[], opts: { thresholdBytes: number; connections: number }): StagedBatch | undefined {
  let normalized: NormalizedCase[];
  try {
    normalized = cases.map(normalizeCase);
  } catch {
    return undefined;
  }
  const firstOrd: number[] = [];
  let ords = 0;
  let bytes = 0;
  for (const n of normalized) {
    firstOrd.push(ords);
    ords += n.opinions.length;
    for (const o of n.opinions) bytes += o.text.length;
  }
  if (bytes < opts.thresholdBytes) return undefined;
  const token = randomUUID();
  const ready = stage(db, token, normalized, firstOrd, Math.max(1, opts.connections)).catch(() => {});
  return { token, cases: [...cases], normalized, firstOrd, ready };
}

async function stage(db: Db, token: string, normalized: NormalizedCase[], firstOrd: number[], connections: number): Promise<void> {
  const stored = new Map((await db.sql.all<{ source: string; source_id: string; content_hash: string }>(
    `SELECT c.source, c.source_id, c.content_hash FROM cases c
     JOIN unnest($1::text[], $2::text[]) AS k(source, source_id) ON c.source = k.source AND c.source_id = k.source_id`,
    [normalized.map((n) => n.record.source), normalized.map((n) => n.record.source_id)],
  )).map((r) => [`${r.source}\0${r.source_id}`, r.content_hash]));
  const rows: { row: CopyValue[]; bytes: number }[] = [];
  normalized.forEach((n, i) => {
    if (stored.get(`${n.record.source}\0${n.record.source_id}`) === n.hash) return; // unchanged: nothing to write
    n.opinions.forEach((o, j) => rows.push({ row: stagedRow(token, firstOrd[i]! + j, n, j), bytes: o.text.length }));
  });
  if (rows.length === 0) return;
  // Contiguous slices of about equal text, one per connection, so the server computes them side by side.
  const total = rows.reduce((s, r) => s + r.bytes, 0);
  const slices: (typeof rows)[] = [[]];
  let acc = 0;
  for (const r of rows) {
    if (acc >= (total * slices.length) / connections && slices.length < connections) slices.push([]);
    slices.at(-1)!.push(r);
    acc += r.bytes;
  }
  // allSettled: `ready` must not settle while a slice is still writing (the writer would copy its rows again).
  await Promise.allSettled(slices.filter((s) => s.length > 0).map((slice, k) => db.session(async (sql) => {
    if (k === 0) await cleanStaging(sql);
    await copyRows(sql.client!, 'opinion_staging', [...STAGED_FIELDS], slice.map((r) => r.row));
    const from = slice[0]!.row[1] as number;
    const to = slice.at(-1)!.row[1] as number;
    // Each vector computed once: OFFSET 0 keeps the planner from copying its expression into the key's call,
    // and the materialised CTE from running the computation again for each row of a nested loop.
    await sql.run(`WITH v AS MATERIALIZED (
        SELECT t.ord, v.search, k.key, k.words FROM opinion_staging t
          CROSS JOIN LATERAL (SELECT clearly_opinion_vector(t.case_name, t.text) AS search OFFSET 0) v
          CROSS JOIN LATERAL clearly_opinion_key(v.search, octet_length(t.text)) k
        WHERE t.token = $1 AND t.ord BETWEEN $2 AND $3
          AND NOT EXISTS (SELECT 1 FROM opinions o JOIN cases c ON c.id = o.case_id
            WHERE o.id = t.id AND o.text = t.text AND c.case_name = t.case_name))
      UPDATE opinion_staging s SET search = v.search, search_key = v.key, search_words = v.words
      FROM v WHERE s.token = $1 AND s.ord = v.ord`, [token, from, to]);
  })));
}
