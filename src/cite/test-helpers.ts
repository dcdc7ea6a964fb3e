/** Test factories: find citations and pick fields, so expectations stay short. */
import { findCitations } from './find.js';
import type { Citation, FindOptions } from './types.js';

export function cites(text: string, options: FindOptions = {}): Citation[] {
  return findCitations(text, options);
}

export function only(text: string, options: FindOptions = {}): Citation {
  const found = cites(text, options);
  if (found.length !== 1) throw new Error(`expected one citation in ${JSON.stringify(text)}, got ${found.length}: ${found.map((c) => c.text).join(' | ')}`);
  return found[0]!;
}

export function ofType(text: string, type: Citation['type']): Citation[] {
  return cites(text).filter((c) => c.type === type);
}
