/**
 * Court from the court part of a citation parenthetical (`6th Cir.`, `S.D.N.Y.`, `Bankr. D. Mass.`): one Map
 * lookup on a normalised key, built on first use from every court's `citation` and `citation_variants`.
 */
import { allCourts } from './data.js';
import { citationKey, MONTH_KEYS } from './normalize.js';
import type { Court } from './types.js';

/** No court string is longer; anything longer is prose, not a parenthetical. */
const MAX_COURT_STRING = 120;

let table: Map<string, Court> | undefined;
let conflicts: string[] = [];

function buildTable(): Map<string, Court> {
  const map = new Map<string, Court>();
  conflicts = [];
  for (const court of allCourts()) {
    for (const form of [court.citation, ...court.citation_variants]) {
      const key = citationKey(form);
      const prior = map.get(key);
      if (prior && prior !== court) conflicts.push(`${form} → ${prior.id} and ${court.id}`);
      else if (key) map.set(key, court);
    }
  }
  return map;
}

/** Citation forms that normalise to the same key for two different courts (should be empty). */
export function citationConflicts(): readonly string[] {
  table ??= buildTable();
  return conflicts;
}

/** Drops a trailing month-day (`june14`, `jan7`) from a key; undefined when there is none. */
function withoutTrailingDate(key: string): string | undefined {
  let end = key.length;
  while (end > key.length - 2 && end > 0 && key.charCodeAt(end - 1) >= 48 && key.charCodeAt(end - 1) <= 57) end--;
  if (end === key.length) return undefined;
  const head = key.slice(0, end);
  const month = MONTH_KEYS.find((m) => head.endsWith(m));
  return month ? head.slice(0, head.length - month.length) : undefined;
}

function lookup(key: string): Court | undefined {
  const t = (table ??= buildTable());
  const hit = t.get(key);
  if (hit) return hit;
  const undated = withoutTrailingDate(key);
  return undated ? t.get(undated) : undefined;
}

/** First index of a character that starts a court subdivision (`Tex. App.—Houston [14th Dist.]`, `C.A.6 (Ohio)`). */
function subdivisionStart(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '—' || ch === '–' || ch === '-' || ch === '[' || ch === '(') return i;
  }
  return -1;
}

/**
 * The court named by the text before the year in a citation parenthetical, or undefined when it names none
 * (`Cal. App.` is a reporter, not a court). Tolerates spacing and period variants, `2nd`/`3rd` ordinals, a
 * trailing month-day date, and a trailing subdivision such as `—Houston [14th Dist.]` or `(Ohio)`.
 */
export function courtFromCitationString(s: string): Court | undefined {
  if (s.length > MAX_COURT_STRING) return undefined;
  const hit = lookup(citationKey(s));
  if (hit) return hit;
  const cut = subdivisionStart(s);
  return cut > 0 ? lookup(citationKey(s.slice(0, cut))) : undefined;
}
