/** Importing case law: readers per format, format detection, and the pipeline that writes them to the store. */
export type { SourceItem, SourceLocation, SourceReader, SuppliedLink, ReadOptions } from './types.js';
export { COURTLISTENER } from './types.js';
export { runImport, importKeyFor, type ImportOptions, type ImportProgress, type ImportSummary } from './pipeline.js';
export { readerFor, registerReader, knownFormats } from './readers.js';
export { detectFormat, detectFromBytes, FORMATS, type Format } from './detect.js';
export { progressBar } from './progress.js';
export { inferCaseMeta, type InferredMeta } from './caption/infer.js';
export { CourtListenerJsonReader } from './courtlistener-json/reader.js';
export { CapReader } from './cap/reader.js';
export { DocumentReader } from './document/reader.js';
