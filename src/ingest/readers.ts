/**
 * Which reader handles which `--format` of `clearly import PATH…`. The live API reader needs a query rather than
 * paths, so it has its own command (`clearly import courtlistener`, src/cli/commands/import-courtlistener.ts).
 */
import { ClearlyError } from '../errors/index.js';
import { CapReader } from './cap/reader.js';
import { courtListenerBulkReader } from './courtlistener-bulk/index.js';
import { CourtListenerJsonReader } from './courtlistener-json/reader.js';
import { DocumentReader } from './document/reader.js';
import type { SourceReader } from './types.js';

const factories = new Map<string, () => SourceReader>([
  ['courtlistener-json', () => new CourtListenerJsonReader()],
  ['courtlistener-bulk', () => courtListenerBulkReader()],
  ['cap', () => new CapReader()],
  ['document', () => new DocumentReader()],
]);

/** Adds (or replaces) the reader for a format; other readers call this from their module. */
export function registerReader(format: string, factory: () => SourceReader): void {
  factories.set(format, factory);
}

export function readerFor(format: string): SourceReader {
  const make = factories.get(format);
  if (!make) {
    throw new ClearlyError('usage', `no reader for format "${format}"`, {
      hint: `Use one of: ${[...factories.keys()].join(', ')}; or leave --format out to detect it from the content.`,
    });
  }
  return make();
}

export const knownFormats = (): string[] => [...factories.keys()];
