/** The citation engine's public surface. */
export { findCitations, findWithText, type FindResult } from './find.js';
export { resolveCitations } from './resolve.js';
export { annotate, escapeHtml, type Annotator, type AnnotateOptions } from './annotate.js';
export { cleanHtml, cleanText, type CleanText } from './clean.js';
export type { Citation, CitationType, FindOptions, HistoryLink, Span } from './types.js';
