/**
 * The caption's party for one side, read against the slug's words: read again from the caption block when the slug
 * shows a comma or a parenthesis inside the name, cut where the slug says the party ends, and shortened to the name
 * the case knows it by. The rules of sides.ts judge whether it names the side better than the slug.
 */
import { wordKey } from './casing.js';
import { containsInOrder, runTogetherInOrder } from './in-order.js';
import { partyWords, shortParty } from './parties.js';
import { wordsOf } from './word-forms.js';

const PARTY_WORD = /^\(?[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9.'’&/-]*\)?[.,]?$|^&$|^\d+$|^\*$/;

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

/** One side of the case as the rules see it: the slug's words and the caption's party. */
export interface Side {
  /** Word keys of the slug's side. */
  want: string[];
  /** The caption's party, read again from the block where the slug shows it was cut. */
  captionWords: string[];
  /** Word keys of `captionWords`. */
  captionKeys: string[];
  /** `captionWords` up to the "and" after the slug's last word. */
  words: string[];
  /** The name of `words` the case knows the party by: a person by surname, a body whole. */
  short: string[];
  /** Word keys of `short`. */
  have: string[];
  /** The caption names a partnership by its partners ("COMPRISED BY JOHN ROE AND JANE ROE"). */
  partners: boolean;
  ctx: SideContext;
  /** The slug's other side agreed with the caption, so this one may name a later party of the caption. */
  laterAllowed: boolean;
  /** The caption's block for this side, when there is one. */
  block?: string;
}

/** The side read, or undefined when the caption has no party here or its name does not read as one. */
export function readSide(slugWords: string[], printed: string[] | undefined, ctx: SideContext, laterAllowed: boolean, block?: string): Side | undefined {
  if (!printed?.length) return undefined;
  const want = slugWords.map(wordKey);
  const captionWords = readAgain(want, printed, ctx.known, block);
  // (Nor a partnership "COMPRISED BY JOHN ROE AND JANE ROE", whose partners are its name.)
  const partners = /\b(?:comprised|composed|consisting)\s+(?:by|of)\b/i.test(captionWords.join(' '));
  const words = partners ? captionWords : firstParty(want, captionWords);
  const short = nameOf(want, words);
  if (short.length > 12 || !short.every((w) => PARTY_WORD.test(w))) return undefined;
  return { want, captionWords, captionKeys: wordsOf(captionWords), words, short, have: wordsOf(short), partners, ctx, laterAllowed, block };
}

/** The party read again from the block when the reading that cut it lost words the slug gives. */
function readAgain(want: string[], captionWords: string[], known: Set<string>, block: string | undefined): string[] {
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
    if (withParens.some((w) => w.startsWith('(')) && runTogetherInOrder(wordsOf(withParens), want, known)) captionWords = withParens;
  }
  return captionWords;
}

/**
 * "MICHAEL PERRY AND CONDOMINIUM HOUSING INC." with the slug "perry": the slug says where the first party ends.
 * (Not after a single word: "PRESIDENT AND FELLOWS OF HARVARD COLLEGE" is one body, "president" a cut slug.)
 */
function firstParty(want: string[], captionWords: string[]): string[] {
  const and = captionWords.findIndex((w, i) => i > 1 && /^and$/i.test(w) && wordKey(captionWords[i - 1]!) === want[want.length - 1]);
  return and > 0 ? captionWords.slice(0, and) : captionWords;
}

/**
 * The party by the name the case knows it by. The slug gives the party's first words but not its last
 * ("chicopee-fire" for CHICOPEE FIRE FIGHTERS): a person would be named by the surname, so the party is a body and
 * keeps all its words.
 */
function nameOf(want: string[], words: string[]): string[] {
  const printed = words.map(wordKey).filter(Boolean);
  const firstWords = want.length >= 2 && printed.length > want.length && want.every((w, i) => printed[i] === w) &&
    !/^united states(?: of america)?$/i.test(words.join(' '));
  return firstWords ? words : shortParty(words);
}
