/**
 * The slug's words found in order among the caption's: whole, as the start of a word, abbreviated, as the initials of
 * a run of words, or several run together as CourtListener's slugs do when they drop punctuation.
 */
import { abbreviates, lettersOf } from './word-forms.js';

/** Every needle in order in `hay`; a needle may abbreviate a word (`comm` for `commerce`). */
export function containsInOrder(hay: string[], needles: string[]): boolean {
  let i = 0;
  for (const w of hay) if (i < needles.length && (w === needles[i] || (needles[i]!.length >= 3 && w.startsWith(needles[i]!)))) i++;
  return i === needles.length;
}

/** Entity-form abbreviations, never read as the initials of a run of words. */
const ENTITY_ABBREV = /^(?:co|inc|corp|ltd|llc|na|sa|lp|pc|us|usa)$/;

/**
 * Every needle in order in `hay`, where a needle may abbreviate a word (`intl`, `dept`, `utils`) and a short needle may be the
 * initials of a run of hay words ("nh" for NEW HAMPSHIRE in STATE OF NEW HAMPSHIRE PUBLIC UTILITIES COMMISSION, as
 * CourtListener shortens a place).
 */
export function initialsInOrder(hay: string[], needles: string[]): boolean {
  let i = 0;
  for (let j = 0; j < hay.length && i < needles.length; j++) {
    const n = needles[i]!;
    if (hay[j] === n || (n.length >= 3 && hay[j]!.startsWith(n)) || abbreviates(n, hay[j]!) || (n.length >= 4 && lettersOf(n, hay[j]!))) { i++; continue; }
    if (needles.length > 1 && n.length >= 2 && n.length <= 4 && !ENTITY_ABBREV.test(n) && hay.slice(j, j + n.length).map((w) => w[0]).join('') === n) {
      i++;
      // The run's last word stays available: "us-dea-admin" repeats ADMINISTRATION after its initials.
      const next = needles[i];
      j += next !== undefined && next.length >= 3 && hay[j + n.length - 1]!.startsWith(next) ? n.length - 2 : n.length - 1;
    }
  }
  return i === needles.length;
}

/**
 * Every needle in order in `hay`, where a needle the text never uses may run several words together, each by its
 * start ("coeurope" for COMPANY (EUROPE): `co` + `europe`), as CourtListener's slugs do when they drop punctuation.
 */
export function runTogetherInOrder(hay: string[], needles: string[], known: Set<string>): boolean {
  let i = 0;
  for (const needle of needles) {
    const single = (w: string): boolean => w === needle || (needle.length >= 3 && w.startsWith(needle));
    let found = false;
    for (; i < hay.length && !found; i++) {
      if (single(hay[i]!)) found = true;
      else if (!known.has(needle)) {
        const end = spanEnd(hay, i, needle);
        if (end > i + 1) { found = true; i = end - 1; }
      }
    }
    if (!found) return false;
  }
  return true;
}

/** Where a run of hay words from `at`, each cut to a start of two letters or more (or whole), spells `needle`. */
function spanEnd(hay: string[], at: number, needle: string): number {
  if (!needle) return at;
  const w = hay[at];
  if (w === undefined) return -1;
  for (let n = Math.min(w.length, needle.length); n >= 2; n--) {
    if (w.slice(0, n) !== needle.slice(0, n)) continue;
    const end = spanEnd(hay, at + 1, needle.slice(n));
    if (end !== -1) return end;
  }
  return -1;
}
