/**
 * Rules where the slug's side names nobody the text does: words the text never uses, a misspelt word, or letter
 * fragments. The caption's party is the name.
 */
import { containsInOrder } from './in-order.js';
import type { Side } from './side-party.js';
import { ABBREVIATED, editDistance, wordsOf } from './word-forms.js';

/** The slug's words appear nowhere in the text. */
export function absent({ want, ctx: { known } }: Side): boolean {
  return want.every((w) => !known.has(w)) && want.length > 0;
}

/**
 * A misspelt slug word ("neveida gonzalez" for NEREIDA-GONZALEZ): the caption holds the slug's other words and a
 * word a letter or two away from it. (A word that begins a word of the text is an
 * abbreviation, "mass" for Massachusetts, not a misspelling.)
 */
export function misspelt({ want, have, block, ctx: { known } }: Side): boolean {
  const knownWant = want.filter((w) => known.has(w));
  return knownWant.length > 0 && containsInOrder(have, knownWant) && want.some((w) => {
    if (known.has(w) || w.length < 4 || ABBREVIATED.test(w) || [...known].some((k) => k.startsWith(w))) return false;
    // The word misspelt may be of a name the party is also known by ("a/k/a OLGA ROE ABREU" for the slug "abreau").
    return [...have, ...(block ? wordsOf([block]) : [])].some((h) => !want.includes(h) && editDistance(w, h) <= 2);
  });
}

/** A slug side of one- and two-letter fragments ("vimar-seguros-v-m" for M/V SKY REEFER) names nobody. */
export function fragment({ want }: Side): boolean {
  return want.every((w) => w.length <= 2) && !/^(?:us|usa)$/.test(want.join(''));
}
