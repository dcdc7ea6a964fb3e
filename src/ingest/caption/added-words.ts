/**
 * Rules where the slug adds to the caption's party words that are not its name: a title, a suffix, the office the
 * caption gives after the name, or the next party the caption joins to it. The caption's party alone is the name.
 */
import { containsInOrder } from './in-order.js';
import type { Side } from './side-party.js';
import { SMALL_WORD, abbreviates, lettersOf, wordsOf } from './word-forms.js';

const TITLE_OR_SUFFIX = /^(?:hon|honorable|jr|sr|ii|iii|iv|dr|mr|mrs|ms|esq|etc)$/;

/**
 * The slug adds to the caption's party a title, a suffix or the office the caption gives after the name
 * ("hon-hernandez", "tyree-jr", "shalala-shhs", "reich-labr"): the caption's party without them.
 * (Only for a person named by surname: "SECRETARY, … HOUSING AND URBAN DEVELOPMENT" is not "Secretary".)
 */
export function described({ want, have, captionWords, words, short, block }: Side): boolean {
  return block !== undefined && short.length < words.length && describedParty(want, have, captionWords, block);
}

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

/**
 * The slug runs the caption's party on into the next one joined to it ("mitre-cor-horowitz" for THE MITRE
 * CORPORATION & BARRY M. HOROWITZ): the first party is the name.
 * (Not the name the party is also known by: "EMILIO ROE, a/k/a EMILIO ROE-POE" for "roe-poe" is the party's own.)
 */
export function runsOn({ want, have, block }: Side): boolean {
  const core = have.filter((h) => !SMALL_WORD.has(h));
  return !!block && !!core.length && want.length > core.length && !want.includes('and') && want[0] === core[0] &&
    containsInOrder(core, want.slice(0, core.length)) && containsInOrder(wordsOf([block.replace(/\b(?:[adf]\/k\/a|a\.?k\.?a\.?)(?=\s).*/i, '')]), want);
}
