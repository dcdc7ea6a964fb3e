/**
 * The forms a slug word takes of the caption's words: an abbreviation (`ins` for INSURANCE), initials (`fdic`), a
 * word shortened by its letters (`labr`), a misspelling a letter or two away, or a word the text broke in two.
 */
import { wordKey } from './casing.js';

/** Slug words that abbreviate (`co`, `ins`, `shhs`, `usepa`): absent from the text without being misspelt. */
export const ABBREVIATED = /^(?:co|inc|corp|ltd|llc|assn|dept|natl|intl|ins|mfg|bros|hosp|univ|govt|comm|admin|us|usa|[bcdfghjklmnpqrstvwxz]{2,6}|us[a-z]{1,4})$/;
export const SMALL_WORD = new Set(['of', 'the', 'and', 'a', 'an', 'for', 'in', 'on', 'to', 'de', 'del', 'la', 'y']);

/** Word keys of a party, split at spaces, hyphens and slashes (`F.D.` stays `fd`, `Lindenmeyr/Munroe` is two). */
export const wordsOf = (ws: string[]): string[] => ws.flatMap((w) => w.split(/[\s/-]+/)).map(wordKey).filter(Boolean);

/** A party's initials, with and without its small words: FEDERAL DEPOSIT INSURANCE CORPORATION → `fdic`. */
export function initialsOf(words: string[]): string[] {
  const all = wordsOf(words);
  return [all.map((w) => w[0]).join(''), all.filter((w) => !SMALL_WORD.has(w)).map((w) => w[0]).join('')];
}

/** `w` is `h` shortened: `h` is longer and holds `w`'s letters in order, from its first. */
function shortens(w: string, h: string): boolean {
  if (h.length <= w.length || h[0] !== w[0]) return false;
  let k = 0;
  for (const c of h) if (c === w[k]) k++;
  return k === w.length;
}

/** `w` is an abbreviation (`ins`, `natl`) of `h`, its letters in order. */
export const abbreviates = (w: string, h: string): boolean => ABBREVIATED.test(w) && shortens(w, h);

/** `w` is made of `b`'s letters in order, from its first (`labr` for LABOR): a shortened word. */
export const lettersOf = (w: string, b: string): boolean => w.length >= 3 && shortens(w, b);

/** Edit distance, bounded: enough to tell a misspelling ("neveida"/"nereida") from another word. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * A slug word the text lost a letter of: the caption prints it as two words with a space where the letter was
 * ("NU EZ" for Núñez, the ñ lost in conversion), so the slug's `nunez` is `nu` + one letter + `ez`.
 */
export function brokenInCaption(word: string, captionWords: string[]): boolean {
  const have = wordsOf(captionWords);
  return have.some((a, i) => {
    const b = have[i + 1];
    return b !== undefined && a.length >= 2 && b.length >= 2 && word.length === a.length + b.length + 1 &&
      word.startsWith(a) && word.endsWith(b);
  });
}
