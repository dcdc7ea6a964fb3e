/** Small factories so each behavioural test states only what it is about. */
import { expect } from 'vitest';
import { ClearlyError, type ErrorCode } from '../errors/index.js';
import type { CaseInput, CitationLinkInput } from './types.js';

export function caseInput(n: string, over: Partial<CaseInput> = {}): CaseInput {
  return {
    source: 'test',
    source_id: `cluster:${n}`,
    case_name: `Plaintiff${n} v. Defendant${n}`,
    court_id: 'ca6',
    circuit: '6',
    decision_date: '2010-06-01',
    precedential_status: 'published',
    citations: [],
    opinions: [{ source_id: `opinion:${n}`, type: 'majority', text: `Opinion ${n}. The judgment is affirmed.` }],
    ...over,
  };
}

export function link(text: string, over: Partial<CitationLinkInput> = {}): CitationLinkInput {
  const [volume, ...rest] = text.split(' ');
  const page = rest.pop();
  return { text, volume, reporter: rest.join(' '), page, ...over };
}

/** Asserts that `promise` rejects with a ClearlyError of `code`; returns it for further checks. */
export async function expectClearlyError(promise: Promise<unknown>, code: ErrorCode): Promise<ClearlyError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ClearlyError);
  expect((err as ClearlyError).code).toBe(code);
  return err as ClearlyError;
}

/** A few hundred words of neutral filler, so a single occurrence of a term weighs little in BM25. */
export const FILLER = Array.from({ length: 40 }, (_, i) =>
  `Paragraph ${i}: the parties dispute the record and the district court entered judgment on the pleadings.`).join(' ');
