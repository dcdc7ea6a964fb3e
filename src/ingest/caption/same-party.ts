/**
 * Whole-side comparisons of a slug side with the caption's party, for choosing how to write a name: the slug's words
 * foreign to the text, the same party only shorter, or the caption's words with the slug's abbreviations spelled out.
 */
import { wordKey } from './casing.js';
import { ABBREVIATED, SMALL_WORD, abbreviates, wordsOf } from './word-forms.js';

/** Every word of a slug side is absent from the text, and one of them is a real word (not an abbreviation). */
export function foreign(side: string[], known: Set<string>): boolean {
  const words = side.filter((w) => !SMALL_WORD.has(w));
  return words.length > 0 && words.every((w) => !known.has(w)) && words.some((w) => w.length >= 4 && !ABBREVIATED.test(w));
}

/** Entity forms that close a body's name and a slug may leave off ("american-honda-motor-co" for … COMPANY, INC.). */
const ENTITY_TAIL = /^(?:inc|incorporated|ltd|limited|llc|na|sa|lp|pc)$/;

/**
 * The slug's words name the caption's party, only shorter: abbreviated (`co` for COMPANY), without the entity form
 * that closes it (`inc`), or with the given name that a person's name by surname drops (`nenh-roe` for NENH ROE).
 */
export function sameParty(slugWords: string[], captionWords: string[]): boolean {
  const want = slugWords.map(wordKey);
  const printed = wordsOf(captionWords);
  const have = printed[0] === 'the' && want[0] !== 'the' ? printed.slice(1) : printed;
  if (!want.length || want.length > have.length) return false;
  return want.every((w, i) => w === have[i] || abbreviates(w, have[i]!)) && have.slice(want.length).every((h) => ENTITY_TAIL.test(h));
}

/** Some slug word abbreviates a word of the caption's party (`ins` for INSURANCE). */
export function spellsOutSome(slugWords: string[], captionWords: string[]): boolean {
  const have = wordsOf(captionWords);
  return slugWords.map(wordKey).some((w) => have.some((h) => abbreviates(w, h)));
}

/**
 * The caption's words are the slug's with its abbreviations spelled out ("hartford fire ins co" for HARTFORD FIRE
 * INSURANCE COMPANY): word for word, each the same or abbreviated by its letters in order, at least one abbreviated.
 */
export function spelledOut(slugWords: string[], captionWords: string[]): boolean {
  const want = slugWords.map(wordKey);
  const have = wordsOf(captionWords);
  return want.length === have.length && want.some((w, i) => abbreviates(w, have[i]!)) &&
    want.every((w, i) => w === have[i] || abbreviates(w, have[i]!));
}
