/**
 * QI coding of opinions: does an opinion decide qualified immunity, with what outcome (doctrine.md §1.6), on which
 * prong, in what posture, about which right, on what facts (doctrine.md §3.4), relying on or distinguishing which
 * precedents — and the same factor reading for an incident's free-text facts. Rules and lexicons (data/qi/lexicon-*.json),
 * no outside services. Not legal advice.
 */
export { codeOpinion, codeOpinionIfDecided, type QiCodingDetail, type CodeOptions } from './code.js';
export { factorsFromText, lexiconFactorIds } from './factors.js';
export { QI_CODER_METHOD, CODER_VERSION, qiCoderVersion } from './version.js';
export { splitSentences, type Sentence } from './sentences.js';
export type { QiCoding, FactorHit, PrecedentUse, OfficerClaim, Prong1, Prong2, Posture, PrecedentRelation } from './types.js';
