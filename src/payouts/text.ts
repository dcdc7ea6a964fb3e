/** Small text helpers shared by the readers: encoding checks, header keys, name lists. */

/**
 * Typical mojibake: UTF-8 bytes decoded as Windows-1252/Latin-1 and re-encoded, so `é` shows as `Ã©` and `’` as
 * `â€™`. The lead byte of a 2–4 byte sequence becomes one of Â–ô and each continuation byte (0x80–0xBF) becomes
 * either a Latin-1 symbol or one of the cp1252 punctuation characters listed. Real names rarely contain such pairs.
 */
const CP1252_CONT = '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00f4][\\u0080-\\u00bf${CP1252_CONT}]`);

/** Why a text cell cannot be trusted, or undefined if it looks fine. */
export function encodingProblem(text: string): string | undefined {
  // U+FFFD is what the UTF-8 decoder substitutes for invalid bytes: the file is not UTF-8 (often Windows-1252).
  if (text.includes('\ufffd')) return 'invalid UTF-8 (the file is probably not UTF-8; re-save it as UTF-8)';
  const m = MOJIBAKE.exec(text);
  if (m) return `mojibake ${JSON.stringify(m[0])} (text was double-encoded; fix the export)`;
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return 'control characters in text (binary data?)';
  return undefined;
}

/** Header key used to match declared column names: case, spacing and trailing blanks do not matter. */
export function headerKey(name: string): string {
  return name.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

/** Cell text cleaned for storage: trimmed, inner whitespace runs (incl. the CRs of Windows exports) kept readable. */
export function clean(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/** Values that mean "no name given" in officer and plaintiff columns. */
const NOT_A_NAME =
  /^(?:unknown|various|none(?: named)?|n\/?a|\(?not provided\)?|see .*|deputy|officers?|-+|\?+|(?:the )?city of .*|.*\b(?:county|department|pd|officers?)|.*\bpolice officers)$/i;

/**
 * Splits a free-text list of people. `;` and newlines always separate; commas separate only when every piece has
 * at least two words (`Ann Dimascio, John Crowley`), so `Smith, John` stays one name. A leading `Officer(s)` title
 * is dropped; placeholders like `Unknown`, `Various`, `(not provided)` are not names.
 */
export function splitNames(text: string | undefined): string[] {
  const t = clean(text);
  if (!t) return [];
  const out: string[] = [];
  for (const chunk of t.split(/\s*[;\n]\s*/)) {
    const byComma = chunk.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/);
    const pieces = byComma.length > 1 && byComma.every((p) => p.trim().split(/\s+/).length >= 2) ? byComma : [chunk];
    for (const p of pieces) {
      const name = p.replace(/^(?:officers?|deputies|deputy|ofc\.?|p\.?o\.?)\s+/i, '').trim();
      if (name && !NOT_A_NAME.test(name)) out.push(name);
    }
  }
  return out;
}

/** The start of a raw row for a rejects report. */
export function excerpt(raw: string, max = 200): string {
  const one = raw.replace(/\r?\n/g, '\\n');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
