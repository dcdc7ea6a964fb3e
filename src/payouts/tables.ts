import { ClearlyError } from '../errors/index.js';
import { csvRecords, utf8Chunks } from './csv.js';
import { specNames, type PayoutMapping } from './mapping.js';
import { headerKey } from './text.js';
import type { RejectCode } from './types.js';
import { readWorkbookFile, sheetRows, type Workbook, type XlsxCell, type XlsxRow } from './xlsx.js';

/**
 * CSV and XLSX seen the same way: a header, then data rows with their line (CSV) or row (XLSX) number. Rows that
 * are broken as rows (wrong column count, malformed quoting) carry a `problem` for the mapper to reject.
 */
export interface SourceRow {
  line: number;
  cells: (XlsxCell | undefined)[];
  /** The row as text, for the rejects report. */
  raw: string;
  problem?: { code: RejectCode; reason: string };
}

export interface Table {
  header: string[];
  headerLine: number;
  sheet?: string;
  date1904: boolean;
  rows: AsyncIterable<SourceRow>;
}

export const formatOf = (path: string, mapping?: PayoutMapping): 'csv' | 'xlsx' =>
  mapping?.format ?? (/\.xlsx$/i.test(path) ? 'xlsx' : 'csv');

const text = (c: XlsxCell | undefined): string => (c && c.type !== 'error' ? c.text : '');

async function csvTable(path: string, mapping: PayoutMapping): Promise<Table> {
  const records = csvRecords(utf8Chunks(path), mapping.delimiter ?? ',')[Symbol.asyncIterator]();
  const wanted = typeof mapping.header_row === 'number' ? mapping.header_row : 1;
  let header: { line: number; fields: string[] } | undefined;
  // Records before the header row are a preamble (titles, notes), not data.
  for (let n = 1; n <= wanted; n++) {
    const r = await records.next();
    if (r.done) break;
    if (n === wanted) header = r.value;
  }
  if (!header) {
    throw new ClearlyError('bad_data', `${path}: no header row (the file has fewer than ${wanted} records)`, { location: { file: path } });
  }
  const width = header.fields.length;
  async function* rows(): AsyncGenerator<SourceRow> {
    for (let r = await records.next(); !r.done; r = await records.next()) {
      const rec = r.value;
      const cells = rec.fields.map((f): XlsxCell => ({ type: 'string', text: f }));
      const row: SourceRow = { line: rec.line, cells, raw: rec.raw };
      if (rec.error) row.problem = { code: 'malformed_csv', reason: `malformed CSV: ${rec.error}` };
      else if (rec.fields.length !== width) {
        row.problem = { code: 'column_count', reason: `wrong column count: ${rec.fields.length} fields, the header has ${width}` };
      }
      yield row;
    }
  }
  return { header: header.fields, headerLine: header.line, date1904: false, rows: rows() };
}

const HEADER_SCAN = 30;

/** Finds the header among the first rows: the first row that names an amount column. */
function findHeader(head: XlsxRow[], mapping: PayoutMapping): XlsxRow | undefined {
  const amountKeys = new Set(specNames(mapping.columns.amount).map(headerKey));
  return head.find((r) => r.cells.some((c) => amountKeys.has(headerKey(text(c)))));
}

function mappedColumnKeys(mapping: PayoutMapping): Set<string> {
  const names = [...Object.values(mapping.columns).flatMap(specNames), ...specNames(mapping.payer?.column)];
  return new Set(names.map(headerKey));
}

interface SheetChoice {
  sheet: string;
  header?: XlsxRow;
  score: number;
  rows: number;
}

function inspectSheet(wb: Workbook, sheet: string, mapping: PayoutMapping): SheetChoice {
  const info: { dimension?: string } = {};
  const head: XlsxRow[] = [];
  for (const r of sheetRows(wb, sheet, info)) {
    head.push(r);
    if (head.length >= HEADER_SCAN) break;
  }
  const header = findHeader(head, mapping);
  const keys = mappedColumnKeys(mapping);
  // Distinct names: a sheet repeating a column (`INCIDENT DATE` … `Incident Date`) must not score twice.
  const score = header ? new Set(header.cells.map((c) => headerKey(text(c))).filter((k) => keys.has(k))).size : 0;
  const lastRow = Number(/(\d+)$/.exec(info.dimension ?? '')?.[1] ?? head.at(-1)?.row ?? 0);
  return { sheet, ...(header ? { header } : {}), score, rows: lastRow - (header?.row ?? 0) };
}

async function xlsxTable(path: string, mapping: PayoutMapping): Promise<Table> {
  const wb = await readWorkbookFile(path);
  let choice: SheetChoice;
  if (mapping.sheet !== undefined) choice = inspectSheet(wb, mapping.sheet, mapping);
  else {
    // The combined sheet is the one whose header names the most of our columns; ties go to the longest sheet
    // (the Minnesota workbook also holds a one-row extract and a set-aside 2006 sheet with the same header).
    const all = wb.sheets.map((s) => inspectSheet(wb, s.name, mapping));
    const best = all.sort((a, b) => b.score - a.score || b.rows - a.rows)[0];
    if (!best) throw new ClearlyError('bad_data', `${path}: the workbook has no sheets`, { location: { file: path } });
    choice = best;
  }
  const headerRowNo = typeof mapping.header_row === 'number' ? mapping.header_row : choice.header?.row ?? mapping.header_row_fallback ?? 1;
  let header: XlsxRow | undefined;
  let first: XlsxRow | undefined;
  // A plain loop over next(): `for…of` with `break` would close the generator we keep reading below.
  const it = sheetRows(wb, choice.sheet);
  for (let n = it.next(); !n.done; n = it.next()) {
    if (n.value.row === headerRowNo) header = n.value;
    else if (n.value.row > headerRowNo) {
      first = n.value;
      break;
    }
  }
  if (!header) header = { row: headerRowNo, cells: [] };
  const names = Array.from({ length: header.cells.length }, (_, i) => text(header.cells[i]));
  // Formatted but empty rows are layout, not data.
  const toRow = (r: XlsxRow): SourceRow | undefined =>
    r.cells.some((c) => c !== undefined && (c.type !== 'string' || c.text.trim() !== ''))
      ? { line: r.row, cells: r.cells, raw: r.cells.map((c) => c?.text ?? '').join(',') }
      : undefined;
  async function* rows(): AsyncGenerator<SourceRow> {
    const firstRow = first && toRow(first);
    if (firstRow) yield firstRow;
    for (let n = it.next(); first && !n.done; n = it.next()) {
      const row = toRow(n.value);
      if (row) yield row;
    }
  }
  return { header: names, headerLine: headerRowNo, sheet: choice.sheet, date1904: wb.date1904, rows: rows() };
}

/** Opens a CSV or XLSX payout table as the mapping describes it. */
export function openTable(path: string, mapping: PayoutMapping): Promise<Table> {
  return formatOf(path, mapping) === 'xlsx' ? xlsxTable(path, mapping) : csvTable(path, mapping);
}
