/**
 * Money as integer cents, parsed from decimal text exactly. Binary floating point cannot hold 0.1, and Excel writes
 * 271864.78 as `271864.78000000003`; going through a float and rounding would usually work but not provably, so the
 * digits are scaled with BigInt and rounded once, half away from zero, at the cent.
 */

export type AmountResult =
  | { ok: true; cents: number; rounded: boolean }
  | { ok: false; code: 'missing_amount' | 'bad_amount'; reason: string };

// `1234`, `1,234.56`, `.5`, `1.5E+06` (thousands separators and exponents are not mixed: no source writes that).
const PLAIN = /^(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/;

/** Parses `$1,234.56`, `-1234.5`, `(1,234.56)`, `1.5e3`, Excel's `271864.78000000003`; blank → missing. */
export function parseAmount(input: string): AmountResult {
  let s = input.replace(/[\s\u00a0]+/g, '');
  if (s === '') return { ok: false, code: 'missing_amount', reason: 'amount is blank' };
  let negative = false;
  // Accounting notation writes negatives in parentheses.
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  if (s.startsWith('$')) s = s.slice(1);
  else if (s.toUpperCase().startsWith('US$')) s = s.slice(3);
  if (s.startsWith('-') && !negative) {
    negative = true; // `$-100`
    s = s.slice(1);
  }
  const m = PLAIN.exec(s) ?? GROUPED.exec(s);
  if (!m || (m[1] === undefined && !m[2])) {
    return { ok: false, code: 'bad_amount', reason: `amount ${JSON.stringify(input.trim().slice(0, 40))} is not a number` };
  }
  const intDigits = (m[1] ?? '').replace(/,/g, '');
  const fracDigits = m[2] ?? '';
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  if (Math.abs(exponent) > 30) return { ok: false, code: 'bad_amount', reason: `amount ${input.trim()} is out of range` };
  // value = digits × 10^(exponent − fracDigits.length); cents = value × 100.
  const digits = BigInt((intDigits + fracDigits).replace(/^0+(?=\d)/, '') || '0');
  const shift = exponent - fracDigits.length + 2;
  let cents: bigint;
  let rounded = false;
  if (shift >= 0) {
    cents = digits * 10n ** BigInt(shift);
  } else {
    const div = 10n ** BigInt(-shift);
    cents = digits / div;
    const rest = digits % div;
    if (rest !== 0n) {
      rounded = true;
      if (rest * 2n >= div) cents += 1n; // half away from zero (magnitude rounded; sign applied after)
    }
  }
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, code: 'bad_amount', reason: `amount ${input.trim()} is too large` };
  }
  const n = Number(cents);
  return { ok: true, cents: negative && n !== 0 ? -n : n, rounded };
}

/** `123456` → `$1,234.56`, for reports. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}
