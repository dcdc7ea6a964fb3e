/**
 * Rules for a person's name where the slug and the caption part: a person joined to a body by "and", a person the
 * slug names by the given name, and surnames the slug misspells or gives only the first of.
 */
import { wordKey } from './casing.js';
import { shortParty } from './parties.js';
import type { Side } from './side-party.js';
import { editDistance } from './word-forms.js';

/**
 * The slug joins two parties with "and" as the caption does, the first a person ("roe-and-poe-corp" for JAY ROE and
 * POE CORP.): the person, by surname.
 */
export function joinedPerson({ want, block, partners }: Side): string[] | undefined {
  const andAt = want.indexOf('and');
  const joinedWords = block ? block.split(/\s+and\s+/i)[0]!.replace(/,.*$/, '').split(/\s+/).filter(Boolean) : [];
  const joined = andAt > 0 && joinedWords.length >= 2 && joinedWords.length <= 4 && !partners && wordKey(joinedWords[joinedWords.length - 1]!) === want[andAt - 1] &&
    shortParty(joinedWords).length < joinedWords.length;
  return joined ? shortParty(joinedWords) : undefined;
}

/**
 * The slug names a person by the given name the caption prints first ("homer" for HOMER F. … ROE): the surname.
 * (Not a designation in the place of a name: "ANONYMOUS DEFENDANT"; and only in a caption printed in capitals, not
 * a running title read as one.)
 */
export function givenName({ want, words, short }: Side): boolean {
  return want.length === 1 && words.every((w) => w === w.toUpperCase()) && short.length < words.length && wordKey(words[0]!) === want[0] && !short.some((w) => wordKey(w) === want[0]) &&
    !short.some((w) => /^(?:defendants?|appellants?|appellees?|petitioners?|respondents?|plaintiffs?|unknown|anonymous)$/i.test(w));
}

/**
 * The slug gives a person's surnames, one misspelt ("carrera-navoa" for MAURICIO CARRERA NOVOA): the caption's
 * words for them, from the first to the end of the name.
 */
export function misspeltSurnames({ want, words, ctx: { known } }: Side): string[] | undefined {
  const printedKeys = words.map(wordKey);
  const runAt = want.length >= 2 && want.length < printedKeys.length ? printedKeys.length - want.length : -1;
  if (runAt > 0 && want.every((w, i) => w === printedKeys[runAt + i] || (w.length >= 4 && !known.has(w) && editDistance(w, printedKeys[runAt + i]!) <= 2)) &&
    want.some((w, i) => w !== printedKeys[runAt + i]) && want.some((w, i) => w === printedKeys[runAt + i])) return words.slice(runAt);
  return undefined;
}

/**
 * A person with two surnames ("AGAPITA ROSA VELAZQUEZ") whom the slug names by the first ("rosa", not the given
 * name, not the last word): the surname runs from the slug's word to the end of the name.
 */
export function twoSurnames({ want, words, short }: Side): string[] | undefined {
  const at = want.length === 1 && short.length < words.length ? words.findIndex((w) => wordKey(w) === want[0]) : -1;
  if (at > 0 && at < words.length - 1 && words.slice(at).every((w) => /^[A-Za-z\u00c0-\u024f'’-]{2,}$/.test(w) && !/^(?:jr|sr|ii|iii|iv)$/i.test(w))) return words.slice(at);
  return undefined;
}
