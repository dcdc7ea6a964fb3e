/** Plain-text tables for terminal output, and exact dollar strings from cents (no floating point). */
export type TableCell = string | number;

/** Columns padded to their widest cell; `right` lists the column indexes aligned to the right (numbers). */
export function table(header: readonly string[], rows: readonly (readonly TableCell[])[], right: readonly number[] = []): string {
  const all = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

/** 123456 → "1234.56", -5 → "-0.05": for CSV, where "$1,234.56" would need quoting and parsing. */
export function cents2(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 0.4567 → "46%"; null → "—". */
export const percent = (x: number | null, digits = 0): string => (x === null ? '—' : `${(x * 100).toFixed(digits)}%`);
