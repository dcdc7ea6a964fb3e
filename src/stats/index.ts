/** QI analytics over the coded corpus: grant rates with Wilson intervals, the waistband comparison, charts. */
export { loadCorpus, toDecision, isShooting, claimsWaistband, type CodedDecision, type Corpus, type DecisionResult } from './corpus.js';
export { grantRates, rateRow, circuitLabel, GRANT_DIMENSIONS, NOT_LEGAL_ADVICE, type GrantDimension, type GrantRateReport, type RateRow } from './grant-rate.js';
export { waistbandReport, type WaistbandReport } from './waistband.js';
export { analyticsRules, outcomeClass, grantDefinition, type OutcomeClass } from './rules.js';
export { wilson, newcombe, Z95, type Interval, type Difference } from './wilson.js';
export { grantRateChart, type Chart, type ChartOptions } from './chart.js';
export { renderPng, chromiumPath } from './png.js';
export { toCsv, type Cell } from './csv.js';
