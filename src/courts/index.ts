/** Courts: ids, names, citation abbreviations, circuits. Data in data/courts.json and data/circuits.json. */
export { allCourts, getCourt, circuitOfState, stateFromName } from './data.js';
export { courtFromCitationString } from './citation.js';
export { resolveCourt } from './resolve.js';
export type { Court, CourtLevel, ResolvedCourt, ResolvedVia, Jurisdiction, Circuit } from './types.js';
