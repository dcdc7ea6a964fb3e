/** Incident → assessment → memo: the public surface of `clearly assess`. Not legal advice. */
export { assess, factorReadings, type AssessOptions } from './assess.js';
export { toIncident, INCIDENT_FIELDS, ACTORS, POSTURES, DEFAULT_RIGHT } from './incident.js';
export { readIncidentText, rawFromFlags, type RawIncident } from './incident-source.js';
export { normalizeCircuit, resolvePlace } from './place.js';
export { renderMemo, chooseFormat, isBinary, FORMATS, type MemoFormat } from './render.js';
export { memoBlocks } from './memo.js';
export { htmlToPdf, chromiumPath, CHROMIUM } from './pdf.js';
export { FRAMEWORK, type Authority } from './framework.js';
export { NOT_LEGAL_ADVICE, type Assessment, type AuthorityRef, type FactorReading, type Route } from './types.js';
