/**
 * Rules where the caption writes out in full the name the slug gives short: with more words, with a last word the
 * slug cut, from initials or an abbreviation, or as the compound surname the slug gives the first part of.
 */
import { wordKey } from './casing.js';
import { containsInOrder, initialsInOrder, runTogetherInOrder } from './in-order.js';
import type { Side } from './side-party.js';
import { ABBREVIATED, initialsOf } from './word-forms.js';

/** Words that make a party a body (a department, a board, a company), not a person. */
const ORG_NAME = /\b(?:department|dep't|board|commission|agency|authority|bureau|office|division|service|services|administration|company|corporation|association|council|committee|hospital|university|college|school|district|county|city|town|commonwealth|state)\b/i;

const lastOf = (want: string[]): string => want[want.length - 1] ?? '';

/**
 * The caption's party holds all the slug's words and more: its fuller, properly cased form. (Not when the slug
 * itself joins parties with "and": CourtListener's name then already says more than the first party.)
 * (Or holds them run together: "chardonhato" for CHARDON/HATO.)
 */
export function holdsSlug({ want, short, have, ctx: { known } }: Side): boolean {
  return (short.length > want.length || have.length > want.length) && !want.includes('and') &&
    (containsInOrder(have, want) || initialsInOrder(have, want) || (want.some((w) => !known.has(w)) && (have.join('').includes(want.join('')) || runTogetherInOrder(have, want, known))));
}

/**
 * The side's last word cut short, a word the text never uses ("argentari" for ARGENTARIA; CourtListener stored
 * some names cut), the others the caption's own. (Abbreviations, "mass", "hosp", are short or listed.)
 */
export function cutWord({ want, have, ctx: { known } }: Side): boolean {
  const last = lastOf(want);
  return want.length === have.length && want.slice(0, -1).every((w, i) => w === have[i]) &&
    !known.has(last) && last.length >= 6 && !ABBREVIATED.test(last) && have[have.length - 1]!.startsWith(last) && have[have.length - 1] !== last;
}

/**
 * The slug names the party by its initials and a word more ("ibt-local-379" for INTERNATIONAL BROTHERHOOD OF
 * TEAMSTERS, …, LOCAL #379): the caption spells it out.
 * (A word the text writes only in capitals, "ILA", is such initials too.)
 */
export function initials({ want, captionWords, ctx }: Side): boolean {
  return want.length > 1 && want[0]!.length >= 3 && initialsOf(captionWords).includes(want[0]!) && (!ctx.known.has(want[0]!) || !!ctx.acronyms?.has(want[0]!));
}

/** The caption extends the slug's last word into the compound surname it prints ("Tirado" → "Tirado-Delgado"). */
export function compound({ want, short, have }: Side): boolean {
  return short.length === 1 && /-/.test(short[0]!) && wordKey(short[0]!.split('-')[0]!) === lastOf(want) && !want.slice(0, -1).some((w) => have.includes(w));
}

/**
 * The slug gives a body's first words and then an abbreviation the caption does not spell ("maine-hhs" for MAINE
 * DEPARTMENT OF HUMAN SERVICES): the caption's body, which begins with those words, is its name.
 */
export function abbreviatedTail({ want, captionKeys, words }: Side): boolean {
  const lead = want.findIndex((w) => ABBREVIATED.test(w) && !captionKeys.includes(w) && w.length >= 2 && !/^(?:co|inc|corp|ltd|llc)$/.test(w));
  return lead > 0 && want.slice(lead).every((w) => ABBREVIATED.test(w) && !captionKeys.includes(w)) &&
    want.slice(0, lead).every((w, i) => captionKeys[i] === w) && captionKeys.length > want.length && ORG_NAME.test(words.join(' '));
}
