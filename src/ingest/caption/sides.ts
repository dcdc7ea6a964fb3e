/**
 * One side of a case name, CourtListener's URL slug against the caption read from the text. The slug is CourtListener's
 * name for the case, often abbreviated ("Poliquin v. Garden"), sometimes cut off, misspelt or another case's; the
 * caption is the court's own but is read by layout and can be wrong. These rules say when the caption's party is
 * the better name for a side; when none applies the slug's words are kept. The caption's party is read in
 * side-party.ts; each kind of rule has its file.
 */
import { described, runsOn } from './added-words.js';
import { abbreviatedTail, compound, cutWord, holdsSlug, initials } from './fuller-name.js';
import { absent, fragment, misspelt } from './misnamed.js';
import { laterParty, unheard } from './other-party.js';
import { placeFirst, reordered } from './party-order.js';
import { givenName, joinedPerson, misspeltSurnames, twoSurnames } from './person-names.js';
import { readSide, type Side, type SideContext } from './side-party.js';

/** Rules under which the caption's party, by the name the case knows it (`short`), names the side; any one will do. */
const PARTY_RULES: ((side: Side) => boolean)[] = [
  holdsSlug, cutWord, initials, compound, abbreviatedTail, // fuller-name.ts
  described, runsOn, // added-words.ts
  absent, misspelt, fragment, // misnamed.ts
  laterParty, unheard, // other-party.ts
  reordered, // party-order.ts
  givenName, // person-names.ts
];

/** The rules in the order they are tried, the first to give the caption's words for the side deciding. */
const RULES: ((side: Side) => string[] | undefined)[] = [
  joinedPerson,
  placeFirst,
  (side) => (PARTY_RULES.some((rule) => rule(side)) ? side.short : undefined),
  misspeltSurnames,
  twoSurnames,
];

/**
 * The caption's words for this side when they name it better than the slug's, else undefined. `laterAllowed`: the
 * slug's other side agreed with the caption, so a slug side naming a later party of the caption may be replaced.
 */
export function captionSide(slugWords: string[], captionWords: string[] | undefined, ctx: SideContext, laterAllowed = false, block?: string): string[] | undefined {
  const side = readSide(slugWords, captionWords, ctx, laterAllowed, block);
  if (!side) return undefined;
  for (const rule of RULES) {
    const words = rule(side);
    if (words) return words;
  }
  return undefined;
}
