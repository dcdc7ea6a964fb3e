/**
 * Writes rows the way CourtListener's bulk export does (`COPY … WITH (FORMAT csv, ESCAPE '\', FORCE_QUOTE *,
 * HEADER)`): every non-NULL value quoted, `"` and `\` escaped with a backslash, NULL as an empty unquoted field.
 * Used by the benchmark's generator and by tests to make files in the real format.
 */
export type CsvValue = string | number | boolean | null | undefined;

const escape = (s: string): string => (s.includes('"') || s.includes('\\') ? s.replace(/[\\"]/g, '\\$&') : s);

export function pgCsvValue(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '"t"' : '"f"'; // PostgreSQL's text form of booleans
  return `"${escape(String(v))}"`;
}

export function pgCsvRow(values: readonly CsvValue[]): string {
  return `${values.map(pgCsvValue).join(',')}\n`;
}

/** A header row plus one row per object, columns in `columns` order (missing keys are NULL). */
export function pgCsvTable(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  return columns.join(',') + '\n' + rows.map((r) => pgCsvRow(columns.map((c) => r[c]))).join('');
}
