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
const PARTY_WORD = /^\(?[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9.'’&/-]*\)?[.,]?$|^&$|^\d+$|^\*$/;
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

/** `w` is an abbreviation (`ins`, `natl`) of `h`, its letters in order. */
function abbreviates(w: string, h: string): boolean {
  if (!ABBREVIATED.test(w) || h.length <= w.length || h[0] !== w[0]) return false;
  let k = 0;
  for (const c of h) if (c === w[k]) k++;
  return k === w.length;
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

/** `w` is made of `b`'s letters in order, from its first (`labr` for LABOR): a shortened word. */
function lettersOf(w: string, b: string): boolean {
  if (w.length < 3 || b.length <= w.length || b[0] !== w[0]) return false;
  let k = 0;
  for (const c of b) if (c === w[k]) k++;
  return k === w.length;
}

const TITLE_OR_SUFFIX = /^(?:hon|honorable|jr|sr|ii|iii|iv|dr|mr|mrs|ms|esq|etc)$/;

/**
 * The slug's words are the caption party's (`have`, as named) with others that only describe it: a title or suffix,
 * or words that are not the party's own but stand in the caption block after it, whole, abbreviated (`labr`) or as
 * initials (`shhs` for SECRETARY OF HEALTH & HUMAN SERVICES).
 */
function describedParty(want: string[], have: string[], partyWordsPrinted: string[], block: string): boolean {
  if (!have.length || !containsInOrder(want, have) || want.length <= have.length) return false;
  const own = new Set(wordsOf(partyWordsPrinted));
  // Not a name it is also known by ("EMILIO MORRIS, a/k/a EMILIO MORRIS-ANDINO"): that is the party's own.
  const blockWords = wordsOf([block.replace(/\b[adf]\/k\/a\b.*/i, '')]);
  const extras = [...want];
  for (const h of have) extras.splice(extras.indexOf(h), 1);
  const inBlock = (w: string): boolean => blockWords.some((b, i) => {
    if (b === w || abbreviates(w, b) || lettersOf(w, b)) return true;
    // Initials of a run of the block's words, small words skipped or not.
    const run = blockWords.slice(i, i + 8);
    return [run, run.filter((x) => !SMALL_WORD.has(x))].some((r) => r.length >= w.length && r.slice(0, w.length).map((x) => x[0]).join('') === w && w.length >= 3);
  });
  return extras.length > 0 && extras.every((w) => TITLE_OR_SUFFIX.test(w) || (!own.has(w) && inBlock(w)));
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
  // "CNA INSURANCE COMPANY (EUROPE) LIMITED" for the slug "cna-ins-coeurope": the slug ran the parenthesised word
  // into its neighbour, so it is part of the name the slug gives; the party is read with its parenthesis.
  if (block && /\(/.test(block) && !containsInOrder(wordsOf(captionWords), want)) {
    const withParens = partyWords(block, false, true);
    if (withParens.some((w) => w.startsWith('(')) && runTogetherInOrder(wordsOf(withParens), want, ctx.known)) captionWords = withParens;
  }
  // "MICHAEL PERRY AND CONDOMINIUM HOUSING INC." with the slug "perry": the slug says where the first party ends.
  // (Not after a single word: "PRESIDENT AND FELLOWS OF HARVARD COLLEGE" is one body, "president" a cut slug.)
  const and = captionWords.findIndex((w, i) => i > 1 && /^and$/i.test(w) && wordKey(captionWords[i - 1]!) === want[want.length - 1]);
  const words = and > 0 ? captionWords.slice(0, and) : captionWords;
  // The slug gives the party's first words but not its last ("chicopee-fire" for CHICOPEE FIRE FIGHTERS): a person
  // would be named by the surname, so the party is a body and keeps all its words.
  const printed = words.map(wordKey).filter(Boolean);
  const firstWords = want.length >= 2 && printed.length > want.length && want.every((w, i) => printed[i] === w) &&
    !/^united states(?: of america)?$/i.test(words.join(' '));
  const short = firstWords ? words : shortParty(words);
  if (short.length > 12 || !short.every((w) => PARTY_WORD.test(w))) return undefined;
  const have = wordsOf(short);
  const { known } = ctx;
  // The caption's party holds all the slug's words and more: its fuller, properly cased form. (Not when the slug
  // itself joins parties with "and": CourtListener's name then already says more than the first party.)
  // (Or holds them run together: "chardonhato" for CHARDON/HATO.)
  const contains = (short.length > slugWords.length || have.length > want.length) && !want.includes('and') &&
    (containsInOrder(have, want) || (want.some((w) => !known.has(w)) && (have.join('').includes(want.join('')) || runTogetherInOrder(have, want, known))));
  const last = want[want.length - 1] ?? '';
  // The side's last word cut short, a word the text never uses ("argentari" for ARGENTARIA; CourtListener stored
  // some names cut), the others the caption's own. (Abbreviations, "mass", "hosp", are short or listed.)
  const cutWord = want.length === have.length && want.slice(0, -1).every((w, i) => w === have[i]) &&
    !known.has(last) && last.length >= 6 && !ABBREVIATED.test(last) && have[have.length - 1]!.startsWith(last) && have[have.length - 1] !== last;
  // The slug names the party by its initials and a word more ("ibt-local-379" for INTERNATIONAL BROTHERHOOD OF
  // TEAMSTERS, …, LOCAL #379): the caption spells it out.
  const initials = want.length > 1 && want[0]!.length >= 3 && initialsOf(captionWords).includes(want[0]!) && !known.has(want[0]!);
  // The caption extends the slug's last word into the compound surname it prints ("Tirado" → "Tirado-Delgado").
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
  // The slug adds to the caption's party a title, a suffix or the office the caption gives after the name
  // ("hon-hernandez", "tyree-jr", "shalala-shhs", "reich-labr"): the caption's party without them.
  // (Only for a person named by surname: "SECRETARY, … HOUSING AND URBAN DEVELOPMENT" is not "Secretary".)
  const described = !contains && block !== undefined && short.length < words.length && describedParty(want, have, captionWords, block);
  return contains || cutWord || initials || described || compound || absent || misspelt || fragment || laterParty ? short : undefined;
}
