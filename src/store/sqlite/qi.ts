/** QI codings: one row per (case, coder); the human row, when present, is the one that counts. */
import { ClearlyError } from '../../errors/index.js';
import { stableStringify } from '../records.js';
import type { QiCodingInput, QiCodingRecord } from '../types.js';
import type { Statements } from './connection.js';
import { toCoding, type CodingRow } from './rows.js';

// Human rows sort first, so the first row per case is the one that counts.
const EFFECTIVE = "ORDER BY coder = 'human' DESC";

export function putQiCoding(sql: Statements, input: QiCodingInput): void {
  if (input.coder !== 'machine' && input.coder !== 'human') {
    throw new ClearlyError('bad_data', `QI coding for ${input.case_id}: coder must be machine or human, not ${String(input.coder)}`);
  }
  if (!sql.get('SELECT 1 FROM cases WHERE id = ?', input.case_id)) {
    throw new ClearlyError('not_found', `cannot store a QI coding: case ${input.case_id} is not in the store`, { location: { id: input.case_id } });
  }
  // An identical re-coding keeps its row and created_at, so re-running the coder over the corpus changes nothing.
  sql.run(`INSERT INTO qi_codings (case_id, coder, coding, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (case_id, coder) DO UPDATE SET coding = excluded.coding, created_at = excluded.created_at
    WHERE qi_codings.coding IS NOT excluded.coding`,
  input.case_id, input.coder, stableStringify(input.coding), input.created_at ?? new Date().toISOString());
  refreshQiFacets(sql, input.case_id);
}

/**
 * Rewrites the case's rows in qi_effective / qi_effective_factors (migration 3) from the coding that counts:
 * what the QI filters of search and listCases read. Same expressions as the migration's backfill.
 */
function refreshQiFacets(sql: Statements, caseId: string): void {
  sql.run('DELETE FROM qi_effective WHERE case_id = ?', caseId);
  sql.run('DELETE FROM qi_effective_factors WHERE case_id = ?', caseId);
  const effective = `(SELECT case_id, coding FROM qi_codings WHERE case_id = @id ${EFFECTIVE} LIMIT 1)`;
  sql.run(`INSERT INTO qi_effective (case_id, decides_qi, outcome)
    SELECT q.case_id, coalesce(json_type(q.coding, '$.decides_qi') = 'true', 0),
           CASE WHEN json_type(q.coding, '$.outcome') = 'text' THEN json_extract(q.coding, '$.outcome') END
    FROM ${effective} q`, { id: caseId });
  sql.run(`INSERT OR IGNORE INTO qi_effective_factors (factor, case_id)
    SELECT json_extract(f.value, '$.id'), q.case_id FROM ${effective} q, json_each(q.coding, '$.factors') f
    WHERE json_type(q.coding, '$.factors') = 'array' AND f.type = 'object' AND json_type(f.value, '$.id') = 'text'`, { id: caseId });
}

export function getQiCoding(sql: Statements, caseId: string): QiCodingRecord | null {
  const row = sql.get<CodingRow>(`SELECT * FROM qi_codings WHERE case_id = ? ${EFFECTIVE} LIMIT 1`, caseId);
  return row ? toCoding(row) : null;
}

export function getQiCodings(sql: Statements, caseIds: string[]): Map<string, QiCodingRecord> {
  const out = new Map<string, QiCodingRecord>();
  const rows = sql.all<CodingRow>(`SELECT * FROM qi_codings WHERE case_id IN (SELECT value FROM json_each(?))
    ${EFFECTIVE}`, JSON.stringify(caseIds));
  for (const row of rows) if (!out.has(row.case_id)) out.set(row.case_id, toCoding(row));
  return out;
}

export function listQiCodings(sql: Statements, caseId: string): QiCodingRecord[] {
  return sql.all<CodingRow>(`SELECT * FROM qi_codings WHERE case_id = ? ${EFFECTIVE}`, caseId).map(toCoding);
}
