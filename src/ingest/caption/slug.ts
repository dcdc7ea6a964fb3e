/**
 * CourtListener's `absolute_url` ends in a slug of its case name (`/opinion/1036108/manning-v-boston-medical-
 * center/`). The slug keeps the words but not their case or punctuation, is sometimes cut off mid-word, and for
 * some older records is the whole caption with designations ("walter-hildebrand-libelant-appellant-appellee-v-…").
 */
import { wordKey } from './casing.js';

export interface SlugName {
  first: string[];
  second: string[];
  inRe: boolean;
  /** The slug spelled out the full caption (designations, "individually"): parties need shortening. */
  fullCaption: boolean;
  /** A side lost words the text never uses (cut off or abbreviated): the caption knows better. */
  trimmed: boolean;
}

/** Slug words that are abbreviations of the text's words (`co` for COMPANY), not cut-off ones. */
const ABBREVIATED = /^(?:co|inc|corp|ltd|llc|assn|dept|natl|intl|ins|mfg|bros|hosp|univ|govt|comm|admin|us|usa)$/;
const SMALL = new Set(['of', 'the', 'and', 'a', 'an', 'for', 'in', 'on', 'to']);

const DESIGNATION = /^(?:appellants?|appellees?|plaintiffs?|defendants?|petitioners?|respondents?|libell?ants?|relators?|intervenors?|individually|infants?|alleged|deceased|debtors?|bankrupt|trustees?|executors?|administrat\w*|movants?|claimants?|et|etc|as|by|on|d|b|a)$/;

export function slugOf(absoluteUrl: string | null | undefined): string | undefined {
  const m = /\/opinion\/\d+\/([a-z0-9-]+)\/?$/.exec(absoluteUrl ?? '');
  const slug = m?.[1];
  return slug && slug !== 'unknown-case-name' ? slug : undefined;
}

/** Words of each side, with a last word dropped when the text never uses it (a slug cut off mid-word). */
export function readSlug(slug: string, knownWords: Set<string>): SlugName | undefined {
  const tokens = slug.split('-').filter(Boolean);
  let inRe = false;
  if ((tokens[0] === 'in' && tokens[1] === 're') || (tokens[0] === 'matter' && tokens[1] === 'of')) {
    inRe = true;
    tokens.splice(0, 2);
  }
  // "figueroa-gomezet-al", "doctors-assocet-al": "et al" run into the word before it, which the text uses without it
  // (or abbreviates a word the text uses).
  for (let i = 0; i + 1 < tokens.length; i++) {
    const stem = tokens[i]!.slice(0, -2);
    const stemKnown = knownWords.has(stem) || (stem.length >= 3 && [...knownWords].some((w) => w.length > stem.length && w.startsWith(stem)));
    if (tokens[i + 1] === 'al' && tokens[i]!.endsWith('et') && stem.length >= 2 && !knownWords.has(tokens[i]!) && stemKnown) tokens.splice(i, 2, stem);
  }
  // "united-states-v-roe-concurrence": the slug of a separate opinion names the case, then the opinion's kind.
  if (tokens.length > 3 && /^(?:concurrence|concurring|dissent|dissenting)$/.test(tokens[tokens.length - 1]!)) tokens.pop();
  const v = tokens.indexOf('v', 1);
  let first = v === -1 ? tokens : tokens.slice(0, v);
  let second = v === -1 ? [] : tokens.slice(v + 1);
  let fullCaption = false;
  const cut = (side: string[]): string[] => {
    const at = side.findIndex((t, i) => i > 0 && DESIGNATION.test(t));
    if (at === -1) return side;
    fullCaption = true;
    return side.slice(0, at);
  };
  first = cut(first);
  second = cut(second);
  // CourtListener cuts long slugs (at about 50 characters), so only the slug's very end can be a cut-off word.
  let trimmed = false;
  const expand = (side: string[]): string[] => (/^(?:usa?|us of america|united states of america)$/.test(side.join(' ')) ? ['united', 'states'] : side);
  first = expand(first);
  second = expand(second);
  // "united-states-v-luna-usa": a running title's "(USA)" repeats the other side after the defendant's name.
  if (first.join(' ') === 'united states' && second.length === 2 && /^usa?$/.test(second[1]!) && knownWords.has(second[0]!)) second.pop();
  const last = second.length ? second : first;
  const tail = last[last.length - 1] ?? '';
  // Some case names were stored cut off too ("new-england-telephon"): a last word the text never uses but begins a
  // word it does use is cut off whatever the slug's length.
  // (A single letter ending a slug at the length limit is a cut word even when the text has that letter alone.)
  const unknownTail = last.length > 1 && (!knownWords.has(wordKey(tail)) || (tail.length === 1 && slug.length >= 45)) && !ABBREVIATED.test(tail);
  const cutOff = unknownTail && (slug.length >= 45 || (tail.length >= 3 && [...knownWords].some((w) => w.length > tail.length && w.startsWith(tail))));
  if (cutOff) { last.pop(); trimmed = true; }
  while (last.length > 1 && SMALL.has(last[last.length - 1]!)) { last.pop(); trimmed = true; }
  if (!first.length || first[0] === 'v') return undefined;
  return { first, second, inRe, fullCaption, trimmed };
}
