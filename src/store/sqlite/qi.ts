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
