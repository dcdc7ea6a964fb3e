/** The precedent finder: which decisions could clearly establish the right for an incident, ranked by facts. */
export { findPrecedents, type FindOptions } from './find.js';
export { eligibility, checkTiming, checkSource, checkHistory, checkHolding, governingSetting } from './eligibility.js';
export { matchFactors, distinctions, factorWeight, type FactorMatch } from './similarity.js';
export { scoreCandidate, materiallySimilar, WEIGHTS } from './rank.js';
export { robustConsensus, obviousCase } from './consensus.js';
export { historyEvents, timing, type HistoryEvent } from './history.js';
export { courtStanding, courtLabel, circuitLabel } from './standing.js';
export { generalStandards, type GeneralStandard } from './standards.js';
export { gatherCandidates, type CandidateOptions } from './candidates.js';
export { defaultRules, circuitSourceRule } from './rules.js';
export type * from './types.js';
