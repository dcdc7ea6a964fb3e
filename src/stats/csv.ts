/** CSV output (RFC 4180): fields quoted when they hold a comma, quote or line break; CRLF-free, one row a line. */
export type Cell = string | number | boolean | null | undefined;

const field = (v: Cell): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}
