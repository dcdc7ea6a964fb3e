/**
 * How a machine coding was made, recorded in every coding so a human correction can be told apart from a re-run
 * and a re-run from an older rule set. Bump CODER_VERSION when the rules in src/qi change behaviour; lexicon files
 * carry their own `version`.
 */
import { lexiconVersions } from './lexicon.js';

export const QI_CODER_METHOD = 'clearly rules';
export const CODER_VERSION = '0.1.0';

export const LEXICONS = [
  'lexicon-holdings.json',
  'lexicon-prongs.json',
  'lexicon-dispositions.json',
  'lexicon-posture.json',
  'lexicon-rights.json',
  'lexicon-factors.json',
  'lexicon-claims.json',
  'lexicon-precedents.json',
] as const;

let cached: string | undefined;

/** e.g. `0.1.0+holdings@1,prongs@1,...` */
export function qiCoderVersion(): string {
  cached ??= `${CODER_VERSION}+${lexiconVersions(LEXICONS)}`;
  return cached;
}
