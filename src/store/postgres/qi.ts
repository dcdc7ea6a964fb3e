/** QI codings: one row per (case, coder); the human row, when present, is the one that counts. */
import { ClearlyError } from '../../errors/index.js';
import type { QiCodingInput, QiCodingRecord } from '../types.js';
import type { Sql } from './pool.js';
import { toCoding, type CodingRow } from './rows.js';

// Human rows sort first, so the first row per case is the one that counts.
const EFFECTIVE = "ORDER BY coder = 'human' DESC";

export async function putQiCoding(sql: Sql, input: QiCodingInput): Promise<void> {
  if (input.coder !== 'machine' && input.coder !== 'human') {
    throw new ClearlyError('bad_data', `QI coding for ${input.case_id}: coder must be machine or human, not ${String(input.coder)}`);
  }
  if (!(await sql.get('SELECT 1 FROM cases WHERE id = $1', [input.case_id]))) {
    throw new ClearlyError('not_found', `cannot store a QI coding: case ${input.case_id} is not in the store`, { location: { id: input.case_id } });
  }
  // An identical re-coding keeps its row and created_at, so re-running the coder over the corpus changes nothing.
  await sql.run(`INSERT INTO qi_codings (case_id, coder, coding, created_at) VALUES ($1, $2, $3::jsonb, $4)
    ON CONFLICT (case_id, coder) DO UPDATE SET coding = excluded.coding, created_at = excluded.created_at
    WHERE qi_codings.coding IS DISTINCT FROM excluded.coding`,
  [input.case_id, input.coder, JSON.stringify(input.coding), input.created_at ?? new Date().toISOString()]);
  await refreshQiFacets(sql, input.case_id);
}

/**
 * Rewrites the case's rows in qi_effective / qi_effective_factors (migration 4) from the coding that counts:
 * what the QI filters of search and listCases read. Same expressions as the migration's backfill. Runs inside
 * putQiCoding's write transaction.
 */
async function refreshQiFacets(sql: Sql, caseId: string): Promise<void> {
  const effective = `(SELECT case_id, coding FROM qi_codings WHERE case_id = $1 ${EFFECTIVE} LIMIT 1)`;
  await sql.run('DELETE FROM qi_effective WHERE case_id = $1', [caseId]);
  await sql.run('DELETE FROM qi_effective_factors WHERE case_id = $1', [caseId]);
  await sql.run(`INSERT INTO qi_effective (case_id, decides_qi, outcome)
    SELECT q.case_id, coalesce(q.coding -> 'decides_qi' = 'true'::jsonb, false),
           CASE WHEN jsonb_typeof(q.coding -> 'outcome') = 'string' THEN q.coding ->> 'outcome' END
    FROM ${effective} q`, [caseId]);
  await sql.run(`INSERT INTO qi_effective_factors (case_id, factor)
    SELECT DISTINCT q.case_id, f ->> 'id' FROM ${effective} q,
      jsonb_array_elements(CASE WHEN jsonb_typeof(q.coding -> 'factors') = 'array' THEN q.coding -> 'factors' ELSE '[]'::jsonb END) f
    WHERE jsonb_typeof(f -> 'id') = 'string'`, [caseId]);
}

export async function getQiCoding(sql: Sql, caseId: string): Promise<QiCodingRecord | null> {
  const row = await sql.get<CodingRow>(`SELECT * FROM qi_codings WHERE case_id = $1 ${EFFECTIVE} LIMIT 1`, [caseId]);
  return row ? toCoding(row) : null;
}

export async function getQiCodings(sql: Sql, caseIds: string[]): Promise<Map<string, QiCodingRecord>> {
  const out = new Map<string, QiCodingRecord>();
  const rows = await sql.all<CodingRow>(`SELECT * FROM qi_codings WHERE case_id = ANY($1::text[]) ${EFFECTIVE}`, [caseIds]);
  for (const row of rows) if (!out.has(row.case_id)) out.set(row.case_id, toCoding(row));
  return out;
}

export async function listQiCodings(sql: Sql, caseId: string): Promise<QiCodingRecord[]> {
  return (await sql.all<CodingRow>(`SELECT * FROM qi_codings WHERE case_id = $1 ${EFFECTIVE}`, [caseId])).map(toCoding);
}
