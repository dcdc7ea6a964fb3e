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

/** Words that make a party a body (a department, a board, a company), not a person. */
const ORG_NAME = /\b(?:department|dep't|board|commission|agency|authority|bureau|office|division|service|services|administration|company|corporation|association|council|committee|hospital|university|college|school|district|county|city|town|commonwealth|state)\b/i;

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
  /** Word keys of the caption's lines alone (the heading up to "APPEAL FROM …"; without counsel or judges). */
  parties?: Set<string>;
  /** Word keys the text's body writes only in capitals (`ila`, `nlrb`). */
  acronyms?: Set<string>;
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
  // (Nor a partnership "COMPRISED BY JOHN ROE AND JANE ROE", whose partners are its name.)
  const partners = /\b(?:comprised|composed|consisting)\s+(?:by|of)\b/i.test(captionWords.join(' '));
  const and = partners ? -1 : captionWords.findIndex((w, i) => i > 1 && /^and$/i.test(w) && wordKey(captionWords[i - 1]!) === want[want.length - 1]);
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
    (containsInOrder(have, want) || initialsInOrder(have, want) || (want.some((w) => !known.has(w)) && (have.join('').includes(want.join('')) || runTogetherInOrder(have, want, known))));
  const last = want[want.length - 1] ?? '';
  // The side's last word cut short, a word the text never uses ("argentari" for ARGENTARIA; CourtListener stored
  // some names cut), the others the caption's own. (Abbreviations, "mass", "hosp", are short or listed.)
  const cutWord = want.length === have.length && want.slice(0, -1).every((w, i) => w === have[i]) &&
    !known.has(last) && last.length >= 6 && !ABBREVIATED.test(last) && have[have.length - 1]!.startsWith(last) && have[have.length - 1] !== last;
  // The slug names the party by its initials and a word more ("ibt-local-379" for INTERNATIONAL BROTHERHOOD OF
  // TEAMSTERS, …, LOCAL #379): the caption spells it out.
  // (A word the text writes only in capitals, "ILA", is such initials too.)
  const initials = want.length > 1 && want[0]!.length >= 3 && initialsOf(captionWords).includes(want[0]!) && (!known.has(want[0]!) || !!ctx.acronyms?.has(want[0]!));
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
    // The word misspelt may be of a name the party is also known by ("a/k/a OLGA ROE ABREU" for the slug "abreau").
    return [...have, ...(block ? wordsOf([block]) : [])].some((h) => !want.includes(h) && editDistance(w, h) <= 2);
  });
  // A slug side of one- and two-letter fragments ("vimar-seguros-v-m" for M/V SKY REEFER) names nobody.
  const fragment = want.every((w) => w.length <= 2) && !/^(?:us|usa)$/.test(want.join(''));
  // CourtListener named a later party of the same caption ("v. Commonwealth of Ma" where the first defendant is
  // ROBERT RUFO): the slug's words all stand in the heading, none in the first party on that side, which is a
  // person or body (not a thing in rem) and not spelt apart by the text ("M ukasey").
  const longWant = want.filter((w) => w.length >= 3 && !SMALL_WORD.has(w));
  const captionKeys = wordsOf(captionWords);
  // Initials of any run of the party's words ("epa" in UNITED STATES ENVIRONMENTAL PROTECTION AGENCY) name the party.
  const leadingInitials = captionKeys.flatMap((_, i) => captionKeys.slice(i + 1).flatMap((__, k) => initialsOf(captionKeys.slice(i, i + k + 2))));
  const laterParty = laterAllowed && longWant.length > 0 && longWant.every((w) => ctx.head.has(w)) && !leadingInitials.includes(want.join('')) &&
    !want.some((w) => captionKeys.includes(w)) && !captionKeys.join('').includes(want.join('')) &&
    !initialsOf(captionWords).includes(want.join('')) && !initialsOf(want).some((i) => captionKeys.join('').startsWith(i)) && !IN_REM.test(captionWords.join(' ')) &&
    short.length <= 5 && short.every((w) => /^[A-Za-z\u00c0-\u024f]/.test(w));
  // The slug adds to the caption's party a title, a suffix or the office the caption gives after the name
  // ("hon-hernandez", "tyree-jr", "shalala-shhs", "reich-labr"): the caption's party without them.
  // (Only for a person named by surname: "SECRETARY, … HOUSING AND URBAN DEVELOPMENT" is not "Secretary".)
  const described = !contains && block !== undefined && short.length < words.length && describedParty(want, have, captionWords, block);
  // CourtListener names someone the caption never names ("v. Mosbacher" over BARBARA H. FRANKLIN, ETC., her
  // predecessor in office; "v. IRS" over COMMISSIONER OF INTERNAL REVENUE, the agency for the officer; "v. US Dept
  // of Justice", the counsel's department, over CENTRAL INTELLIGENCE AGENCY): no word of the slug's side stands in
  // the caption's lines, whole, as the start of a word, as initials, abbreviated or spelt apart ("V ERKHOGLYAD" in a
  // letter-spaced caption), while the slug's other side is the caption's. The caption names the party of this case.
  const named = ctx.parties ?? ctx.head;
  const unheard = laterAllowed && longWant.length > 0 && want.length <= 6 && !leadingInitials.includes(want.join('')) &&
    longWant.every((w) => !named.has(w) && !brokenInCaption(w, captionWords) && !captionKeys.join('').includes(w) && ![...named].some((h) => h.startsWith(w)) && !captionKeys.some((h) => abbreviates(w, h) || lettersOf(w, h))) &&
    !IN_REM.test(captionWords.join(' ')) && short.every((w) => /^[A-Za-z\u00c0-\u024f]/.test(w));
  // The slug gives a body's first words and then an abbreviation the caption does not spell ("maine-hhs" for MAINE
  // DEPARTMENT OF HUMAN SERVICES): the caption's body, which begins with those words, is its name.
  const lead = want.findIndex((w) => ABBREVIATED.test(w) && !captionKeys.includes(w) && w.length >= 2 && !/^(?:co|inc|corp|ltd|llc)$/.test(w));
  const abbreviatedTail = lead > 0 && want.slice(lead).every((w) => ABBREVIATED.test(w) && !captionKeys.includes(w)) &&
    want.slice(0, lead).every((w, i) => captionKeys[i] === w) && captionKeys.length > want.length && ORG_NAME.test(words.join(' '));
  // The slug runs the caption's party on into the next one joined to it ("mitre-cor-horowitz" for THE MITRE
  // CORPORATION & BARRY M. HOROWITZ): the first party is the name.
  // (Not the name the party is also known by: "EMILIO ROE, a/k/a EMILIO ROE-POE" for "roe-poe" is the party's own.)
  const core = have.filter((h) => !SMALL_WORD.has(h));
  const runsOn = !!block && !!core.length && want.length > core.length && !want.includes('and') && want[0] === core[0] &&
    containsInOrder(core, want.slice(0, core.length)) && containsInOrder(wordsOf([block.replace(/\b(?:[adf]\/k\/a|a\.?k\.?a\.?)(?=\s).*/i, '')]), want);
  // The slug names a person by the given name the caption prints first ("homer" for HOMER F. … ROE): the surname.
  // (Not a designation in the place of a name: "ANONYMOUS DEFENDANT"; and only in a caption printed in capitals, not
  // a running title read as one.)
  const givenName = want.length === 1 && words.every((w) => w === w.toUpperCase()) && short.length < words.length && wordKey(words[0]!) === want[0] && !short.some((w) => wordKey(w) === want[0]) &&
    !short.some((w) => /^(?:defendants?|appellants?|appellees?|petitioners?|respondents?|plaintiffs?|unknown|anonymous)$/i.test(w));
  // The slug joins two parties with "and" as the caption does, the first a person ("roe-and-poe-corp" for JAY ROE and
  // POE CORP.): the person, by surname.
  const andAt = want.indexOf('and');
  const joinedWords = block ? block.split(/\s+and\s+/i)[0]!.replace(/,.*$/, '').split(/\s+/).filter(Boolean) : [];
  const joined = andAt > 0 && joinedWords.length >= 2 && joinedWords.length <= 4 && !partners && wordKey(joinedWords[joinedWords.length - 1]!) === want[andAt - 1] &&
    shortParty(joinedWords).length < joinedWords.length;
  if (joined) return shortParty(joinedWords);
  // The slug puts the place first ("pr-department-of-corrections" for DEPARTMENT OF CORRECTIONS … OF PUERTO RICO), or
  // a person's two surnames the other way round ("lama-romero" for ROBERTO ROMERO LAMA): the caption's order.
  const whole = wordsOf(captionWords);
  const placeFirst = want.length >= 3 && want[0]!.length === 2 && whole.length > want.length &&
    whole.slice(-2).map((h) => h[0]).join('') === want[0] && containsInOrder(whole, want.slice(1));
  if (placeFirst) return shortParty(captionWords);
  const reordered = want.length >= 2 && want.length === have.length && want.join(' ') !== have.join(' ') &&
    [...want].sort().join(' ') === [...have].sort().join(' ');
  if (reordered) return short;
  if (contains || cutWord || initials || described || compound || absent || misspelt || fragment || laterParty || unheard || abbreviatedTail || runsOn || givenName) return short;
  // The slug gives a person's surnames, one misspelt ("carrera-navoa" for MAURICIO CARRERA NOVOA): the caption's
  // words for them, from the first to the end of the name.
  const printedKeys = words.map(wordKey);
  const runAt = want.length >= 2 && want.length < printedKeys.length ? printedKeys.length - want.length : -1;
  if (runAt > 0 && want.every((w, i) => w === printedKeys[runAt + i] || (w.length >= 4 && !known.has(w) && editDistance(w, printedKeys[runAt + i]!) <= 2)) &&
    want.some((w, i) => w !== printedKeys[runAt + i]) && want.some((w, i) => w === printedKeys[runAt + i])) return words.slice(runAt);
  // A person with two surnames ("AGAPITA ROSA VELAZQUEZ") whom the slug names by the first ("rosa", not the given
  // name, not the last word): the surname runs from the slug's word to the end of the name.
  const at = want.length === 1 && short.length < words.length ? words.findIndex((w) => wordKey(w) === want[0]) : -1;
  if (at > 0 && at < words.length - 1 && words.slice(at).every((w) => /^[A-Za-z\u00c0-\u024f'’-]{2,}$/.test(w) && !/^(?:jr|sr|ii|iii|iv)$/i.test(w))) return words.slice(at);
  return undefined;
}
