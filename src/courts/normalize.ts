/**
 * Key for court strings as written in citation parentheticals: lowercase letters and digits only, so spacing and
 * period variants collapse (`S.D. N.Y.`, `S.D.N.Y.`, `SDNY` → `sdny`). Ordinals follow the Bluebook (`2nd` → `2d`,
 * `3rd` → `3d`), `circuit` becomes `cir` and West's `Bkrtcy.` becomes `bankr`. Linear in the input length.
 */
export function citationKey(s: string): string {
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38)) continue;
    const n = codes.length;
    // `2nd` → `2d`, `3rd` → `3d`: drop the n/r once its d arrives after a digit.
    if (c === 100 && n >= 2 && (codes[n - 1] === 110 || codes[n - 1] === 114) && isDigit(codes[n - 2])) codes.pop();
    codes.push(c);
  }
  let out = String.fromCharCode(...codes);
  if (out.includes('circuit')) out = out.replace(/circuit/g, 'cir');
  if (out.startsWith('bkrtcy')) out = `bankr${out.slice(6)}`;
  return out;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

/**
 * Key for court names and caption text: lowercase words separated by single spaces; apostrophes dropped
 * (`Hawai'i` → `hawaii`), other punctuation and line breaks become spaces. Linear in the input length.
 */
export function phraseKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Normalised month names and abbreviations, longest first, for stripping a trailing `Jan. 7` date. */
export const MONTH_KEYS: readonly string[] = [
  'september', 'february', 'november', 'december', 'january', 'october', 'august', 'april', 'march', 'sept',
  'june', 'july', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
];
