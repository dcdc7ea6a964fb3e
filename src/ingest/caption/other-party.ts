/**
 * Rules where the slug names another party than the caption's first on that side: a later party of the same caption,
 * or someone the caption never names. They apply only when the slug's other side agreed with the caption; the
 * caption's party, the party of this case, is the name.
 */
import type { Side } from './side-party.js';
import { SMALL_WORD, abbreviates, brokenInCaption, initialsOf, lettersOf } from './word-forms.js';

/** Things, not persons: "ONE 1987 BMW", "APPROXIMATELY $100,000", "CERTAIN REAL PROPERTY". */
const IN_REM = /^(?:\$|\d|one|two|three|four|five|six|seven|eight|nine|ten|approximately|certain|all|real\s+property|property|parcel|lot|funds|currency)\b/i;

/** The slug's longer words, those that could name someone. */
const longWords = (want: string[]): string[] => want.filter((w) => w.length >= 3 && !SMALL_WORD.has(w));

/** Initials of any run of the party's words ("epa" in UNITED STATES ENVIRONMENTAL PROTECTION AGENCY) name the party. */
const runInitials = (captionKeys: string[]): string[] =>
  captionKeys.flatMap((_, i) => captionKeys.slice(i + 1).flatMap((__, k) => initialsOf(captionKeys.slice(i, i + k + 2))));

/** The caption's party is a person or body (not a thing in rem), its name all words. */
const someone = ({ captionWords, short }: Side): boolean =>
  !IN_REM.test(captionWords.join(' ')) && short.every((w) => /^[A-Za-z\u00c0-\u024f]/.test(w));

/**
 * CourtListener named a later party of the same caption ("v. Commonwealth of Ma" where the first defendant is
 * ROBERT RUFO): the slug's words all stand in the heading, none in the first party on that side, which is a
 * person or body (not a thing in rem) and not spelt apart by the text ("M ukasey").
 */
export function laterParty(side: Side): boolean {
  const { want, captionWords, captionKeys, short, ctx, laterAllowed } = side;
  const longWant = longWords(want);
  return laterAllowed && longWant.length > 0 && longWant.every((w) => ctx.head.has(w)) && !runInitials(captionKeys).includes(want.join('')) &&
    !want.some((w) => captionKeys.includes(w)) && !captionKeys.join('').includes(want.join('')) &&
    !initialsOf(captionWords).includes(want.join('')) && !initialsOf(want).some((i) => captionKeys.join('').startsWith(i)) &&
    short.length <= 5 && someone(side);
}

/**
 * CourtListener names someone the caption never names ("v. Mosbacher" over BARBARA H. FRANKLIN, ETC., her
 * predecessor in office; "v. IRS" over COMMISSIONER OF INTERNAL REVENUE, the agency for the officer; "v. US Dept
 * of Justice", the counsel's department, over CENTRAL INTELLIGENCE AGENCY): no word of the slug's side stands in
 * the caption's lines, whole, as the start of a word, as initials, abbreviated or spelt apart ("V ERKHOGLYAD" in a
 * letter-spaced caption), while the slug's other side is the caption's. The caption names the party of this case.
 */
export function unheard(side: Side): boolean {
  const { want, captionWords, captionKeys, ctx, laterAllowed } = side;
  const longWant = longWords(want);
  const named = ctx.parties ?? ctx.head;
  return laterAllowed && longWant.length > 0 && want.length <= 6 && !runInitials(captionKeys).includes(want.join('')) &&
    longWant.every((w) => !named.has(w) && !brokenInCaption(w, captionWords) && !captionKeys.join('').includes(w) && ![...named].some((h) => h.startsWith(w)) && !captionKeys.some((h) => abbreviates(w, h) || lettersOf(w, h))) &&
    someone(side);
}
