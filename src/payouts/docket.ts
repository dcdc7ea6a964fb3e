/**
 * Docket numbers → a key for linking payouts to cases. The same federal civil case is written many ways:
 * CM/ECF's `1:16-cv-00379-LMM` (office, year, type, number, judge initials), Chicago's `2016 C 08033`, Milwaukee's
 * `07C0297`, Boston's `09-10542-GAO`, Los Angeles' `CV13-07493`, San Francisco's `C08-04338`, Detroit's
 * `10cv10675`. All of them name a year and a sequence number within the court, so the key is `f:<yy>-<number>`:
 * office number, case type (civil is all a payout can be), leading zeros and judge initials are dropped.
 *
 * Anything else (state court numbers such as `49D06-1706-CT-023833`, `13-CP-10-01416`, `BC 553097`) is keyed on
 * its letters and digits alone (`s:49D061706CT023833`), so only the same text written with other spacing or
 * punctuation matches. A key says nothing about the court: callers must also require the same state.
 */

const PREFIX = /^(?:civil\s+action\s+no\.?|case\s+no\.?|no\.?|ca\s*#|c\.?a\.?\s+no\.?|docket\s+no\.?)\s*/i;

// [office:] year [sep] [type] [sep] number [-JUDGE INITIALS or -CIV-JUDGE…], and nothing after it.
const FEDERAL = /^(?:\d{1,2}:)?(\d{2}|(?:19|20)\d{2})\s*-?\s*(?:(cv|civ|c)\s*-?\s*)?(\d{1,6})((?:\s*-\s*[a-z]{1,12})*)$/i;
// Type first: `CV13-07493`, `C08-04338` (the Central and Northern Districts of California write it so).
const TYPE_FIRST = /^(?:cv|c)\s*(\d{2})\s*-\s*(\d{1,6})((?:\s*-\s*[a-z]{1,12})*)$/i;

/** Spreadsheet exports turn numeric dockets into floats (`126892.0`); the `.0` is not part of the number. */
const FLOAT_TAIL = /^(\d+)\.0+$/;

export function docketKey(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  let t = text.trim().replace(PREFIX, '').trim();
  const float = FLOAT_TAIL.exec(t);
  if (float) t = float[1]!;
  const fed = FEDERAL.exec(t);
  // `yy-nnnn` with no type and no dash is just a number (`2016123`); require the dash or a type letter.
  if (fed && (fed[2] !== undefined || /^(?:\d{1,2}:)?\d{2,4}\s*-/.test(t))) return federalKey(fed[1]!, fed[3]!);
  const first = TYPE_FIRST.exec(t);
  if (first) return federalKey(first[1]!, first[2]!);
  const alnum = t.toUpperCase().replace(/[^A-Z0-9]/g, '');
  // A key needs a digit and some length, or every "N/A" and "pending" would link to each other.
  return alnum.length >= 4 && /\d/.test(alnum) ? `s:${alnum}` : undefined;
}

function federalKey(year: string, number: string): string {
  return `f:${year.slice(-2)}-${String(Number(number))}`;
}
