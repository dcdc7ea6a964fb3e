/**
 * Dates to ISO 8601. Sources give full dates, month/year, or a bare year; we keep the precision they give
 * (`2019-07-08`, `2005-04`, `2013`) rather than inventing a day. Text we cannot read is left to the caller to keep
 * verbatim — a date is context, not the payment, so it never rejects a row.
 */

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function isoDay(y: number, m: number, d: number): string | undefined {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? undefined : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** POSIX strptime's %y pivot: 69–99 → 19xx, 00–68 → 20xx. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 4 ? n : n >= 69 ? 1900 + n : 2000 + n;
}

const MS_PER_DAY = 86_400_000;

/**
 * Excel serial day → ISO date. In the 1900 system Excel counts 1900-02-29, a day that never existed (kept for
 * Lotus 1-2-3 compatibility): serials 1–59 are 1900-01-01…1900-02-28, 60 is the phantom day (→ undefined), and from
 * 61 on the epoch is effectively 1899-12-30. The 1904 system (old Mac workbooks) counts from 1904-01-01. The time of
 * day (fraction) is dropped.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = Math.floor(serial);
  let epoch: number;
  if (date1904) {
    if (day < 0) return undefined;
    epoch = Date.UTC(1904, 0, 1);
  } else {
    if (day < 1 || day === 60) return undefined;
    epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  }
  const d = new Date(epoch + day * MS_PER_DAY);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

type Parts = { y?: string; m?: string; d?: string };

/** Compiles a declared format such as `M/D/YYYY` or `DD.MM.YY` (tokens YYYY YY MM M DD D; the rest literal). */
function compileFormat(format: string): (text: string) => Parts | undefined {
  const order: (keyof Parts)[] = [];
  const source = format.replace(/YYYY|YY|MM|M|DD|D|[^YMD]+/g, (tok) => {
    if (tok === 'YYYY') return order.push('y'), '(\\d{4})';
    if (tok === 'YY') return order.push('y'), '(\\d{2})';
    if (tok === 'MM' || tok === 'M') return order.push('m'), '(\\d{1,2})';
    if (tok === 'DD' || tok === 'D') return order.push('d'), '(\\d{1,2})';
    return tok.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  });
  const re = new RegExp(`^${source}$`);
  return (text) => {
    const m = re.exec(text);
    if (!m) return undefined;
    const parts: Parts = {};
    order.forEach((k, i) => (parts[k] = m[i + 1]));
    return parts;
  };
}

const formatCache = new Map<string, (text: string) => Parts | undefined>();

function fromParts(p: Parts): string | undefined {
  if (p.y === undefined) return undefined;
  const y = fullYear(p.y);
  if (p.m === undefined) return y >= 1800 && y <= 2200 ? pad(y, 4) : undefined;
  const m = Number(p.m);
  if (p.d === undefined) return m >= 1 && m <= 12 && y >= 1800 && y <= 2200 ? `${pad(y, 4)}-${pad(m)}` : undefined;
  return isoDay(y, m, Number(p.d));
}

/**
 * Reads a date written as text. With no format (or `auto`/`iso`): ISO `YYYY-MM-DD` (a time part is ignored),
 * US `M/D/YYYY` and `M/D/YY` (every source so far is American), `M/YYYY`, `YYYY-MM` and a bare `YYYY`. A declared
 * format is tried first; ISO and the partial forms stay accepted as a fallback since exports often mix them.
 */
export function parseDateText(input: string, format?: string): string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  if (format && format !== 'auto' && format !== 'iso') {
    let fn = formatCache.get(format);
    if (!fn) formatCache.set(format, (fn = compileFormat(format)));
    const p = fn(text);
    if (p) return fromParts(p);
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.Z+-]*)?$/.exec(text);
  if (m) return fromParts({ y: m[1], m: m[2], d: m[3] });
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(text))) return fromParts({ y: m[1], m: m[2] });
  if ((m = /^(\d{4})$/.exec(text))) return fromParts({ y: m[1] });
  if ((m = /^(\d{1,2})\/(\d{4})$/.exec(text))) return fromParts({ y: m[2], m: m[1] }); // month/year is unambiguous
  if (format && format !== 'auto') return undefined; // a declared day order is not second-guessed
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text))) return fromParts({ y: m[3], m: m[1], d: m[2] });
  return undefined;
}

/** A year cell: `2013`, Excel's `2013` number, or `2013.0` from a float export. */
export function parseYear(input: string): number | undefined {
  const m = /^\s*(\d{4})(?:\.0*)?\s*$/.exec(input);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1800 && y <= 2200 ? y : undefined;
}
