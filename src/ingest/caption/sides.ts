/**
 * One side of a case name, CourtListener's URL slug against the caption read from the text. The slug is CourtListener's
 * name for the case, often abbreviated ("Poliquin v. Garden"), sometimes cut off, misspelt or another case's; the
 * caption is the court's own but is read by layout and can be wrong. These rules say when the caption's party is
 * the better name for a side; when none applies the slug's words are kept.
 */
import { wordKey } from './casing.js';
import { partyWords, shortParty } from './parties.js';

/** Slug words that abbreviate (`co`, `ins`, `shhs`, `usepa`): absent from the text without being misspelt. */
export const ABBREVIATED = /^(?:co|inc|corp|ltd|llc|assn|dept|natl|intl|ins|mfg|bros|hosp|univ|govt|comm|admin|us|usa|[bcdfghjklmnpqrstvwxz]{2,6}|us[a-z]{1,4})$/;
export const SMALL_WORD = new Set(['of', 'the', 'and', 'a', 'an', 'for', 'in', 'on', 'to', 'de', 'del', 'la', 'y']);
const PARTY_WORD = /^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9.'’&/-]*[.,]?$|^&$|^\d+$/;
/** Things, not persons: "ONE 1987 BMW", "APPROXIMATELY $100,000", "CERTAIN REAL PROPERTY". */
const IN_REM = /^(?:\$|\d|one|two|three|four|five|six|seven|eight|nine|ten|approximately|certain|all|real\s+property|property|parcel|lot|funds|currency)\b/i;

/** Word keys of a party, split at spaces, hyphens and slashes (`F.D.` stays `fd`, `Lindenmeyr/Munroe` is two). */
export const wordsOf = (ws: string[]): string[] => ws.flatMap((w) => w.split(/[\s/-]+/)).map(wordKey).filter(Boolean);

/** A party's initials, with and without its small words: FEDERAL DEPOSIT INSURANCE CORPORATION → `fdic`. */
export function initialsOf(words: string[]): string[] {
  const all = wordsOf(words);
  return [all.map((w) => w[0]).join(''), all.filter((w) => !SMALL_WORD.has(w)).map((w) => w[0]).join('')];
}

/** Every word of a slug side is absent from the text, and one of them is a real word (not an abbreviation). */
export function foreign(side: string[], known: Set<string>): boolean {
  const words = side.filter((w) => !SMALL_WORD.has(w));
  return words.length > 0 && words.every((w) => !known.has(w)) && words.some((w) => w.length >= 4 && !ABBREVIATED.test(w));
}

/** Every needle in order in `hay`; a needle may abbreviate a word (`comm` for `commerce`). */
export function containsInOrder(hay: string[], needles: string[]): boolean {
  let i = 0;
  for (const w of hay) if (i < needles.length && (w === needles[i] || (needles[i]!.length >= 3 && w.startsWith(needles[i]!)))) i++;
  return i === needles.length;
}

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

export interface SideContext {
  /** Word keys of the opinion's first 20,000 characters. */
  known: Set<string>;
  /** Word keys of the heading (first 2,500 characters), where every party of the caption stands. */
  head: Set<string>;
}

/**
 * The caption's words for this side when they name it better than the slug's, else undefined. `laterAllowed`: the
 * slug's other side agreed with the caption, so a slug side naming a later party of the caption may be replaced.
 */
export function captionSide(slugWords: string[], captionWords: string[] | undefined, ctx: SideContext, laterAllowed = false, block?: string): string[] | undefined {
  if (!captionWords?.length) return undefined;
  const want = slugWords.map(wordKey);
  // The caption's party, cut at a comma, is only the start of the slug's ("UNITED AUTOMOBILE" of "united automobile
  // aerospace"): the comma was inside the name, which is read again from the block without cutting at commas.
  const cut = wordsOf(captionWords);
  if (block && cut.length < want.length && cut.every((w, i) => w === want[i])) {
    const whole = partyWords(block, true);
    if (containsInOrder(wordsOf(whole), want)) captionWords = whole;
  }
  // "MICHAEL PERRY AND CONDOMINIUM HOUSING INC." with the slug "perry": the slug says where the first party ends.
  const and = captionWords.findIndex((w, i) => i > 0 && /^and$/i.test(w) && wordKey(captionWords[i - 1]!) === want[want.length - 1]);
  const words = and > 0 ? captionWords.slice(0, and) : captionWords;
  const short = shortParty(words);
  if (short.length > 12 || !short.every((w) => PARTY_WORD.test(w))) return undefined;
  const have = wordsOf(short);
  const { known } = ctx;
  // The caption's party holds all the slug's words and more: its fuller, properly cased form. (Not when the slug
  // itself joins parties with "and": CourtListener's name then already says more than the first party.)
  // (Or holds them run together: "chardonhato" for CHARDON/HATO.)
  const contains = (short.length > slugWords.length || have.length > want.length) && !want.includes('and') &&
    (containsInOrder(have, want) || (want.some((w) => !known.has(w)) && have.join('').includes(want.join(''))));
  // The caption extends the slug's last word into the compound surname it prints ("Tirado" → "Tirado-Delgado").
  const last = want[want.length - 1] ?? '';
  const compound = short.length === 1 && /-/.test(short[0]!) && wordKey(short[0]!.split('-')[0]!) === last && !want.slice(0, -1).some((w) => have.includes(w));
  // The slug's words appear nowhere in the text.
  const absent = want.every((w) => !known.has(w)) && want.length > 0;
  // A misspelt slug word ("neveida gonzalez" for NEREIDA-GONZALEZ): the caption holds the slug's other words and a
  // word a letter or two away from it. (A word that begins a word of the text is an
  // abbreviation, "mass" for Massachusetts, not a misspelling.)
  const knownWant = want.filter((w) => known.has(w));
  const misspelt = knownWant.length > 0 && containsInOrder(have, knownWant) && want.some((w) => {
    if (known.has(w) || w.length < 4 || ABBREVIATED.test(w) || [...known].some((k) => k.startsWith(w))) return false;
    return have.some((h) => !want.includes(h) && editDistance(w, h) <= 2);
  });
  // A slug side of one- and two-letter fragments ("vimar-seguros-v-m" for M/V SKY REEFER) names nobody.
  const fragment = want.every((w) => w.length <= 2) && !/^(?:us|usa)$/.test(want.join(''));
  // CourtListener named a later party of the same caption ("v. Commonwealth of Ma" where the first defendant is
  // ROBERT RUFO): the slug's words all stand in the heading, none in the first party on that side, which is a
  // person or body (not a thing in rem) and not spelt apart by the text ("M ukasey").
  const longWant = want.filter((w) => w.length >= 3 && !SMALL_WORD.has(w));
  const captionKeys = wordsOf(captionWords);
  const laterParty = laterAllowed && longWant.length > 0 && longWant.every((w) => ctx.head.has(w)) &&
    !want.some((w) => captionKeys.includes(w)) && !captionKeys.join('').includes(want.join('')) &&
    !initialsOf(captionWords).includes(want.join('')) && !IN_REM.test(captionWords.join(' ')) &&
    short.length <= 5 && short.every((w) => /^[A-Za-z\u00c0-\u024f]/.test(w));
  return contains || compound || absent || misspelt || fragment || laterParty ? short : undefined;
}
