import { describe, expect, it } from 'vitest';
import { readQiJson } from '../qi/rules/data.js';
import { allFactors } from '../qi/rules/index.js';
import { loadSearchTerms, SEARCH_TERMS, SEARCH_TERMS_FILE, validateSearchTerms } from './search-terms.js';

const file = (rows: unknown[]) => ({ sources: { design: 'a design choice' }, rows });

describe('search terms (data/qi/search-terms.json)', () => {
  it('loads the shipped file: factors of the taxonomy, each with a source and a verified flag', () => {
    expect(validateSearchTerms(readQiJson(SEARCH_TERMS_FILE))).toEqual([]);
    const known = new Set(allFactors().map((f) => f.id));
    expect(Object.keys(SEARCH_TERMS).length).toBeGreaterThan(20);
    for (const id of Object.keys(SEARCH_TERMS)) expect(known.has(id)).toBe(true);
    expect(SEARCH_TERMS['force.k9_bite']).toContain('police dog');
  });

  it('reports unknown factors, bad phrases, missing sources and flags', () => {
    const issues = validateSearchTerms(file([
      { factor: 'force.k9_bite', phrases: ['police dog'], source: 'design', verified: false },
      { factor: 'force.k9_bite', phrases: ['police dog'], source: 'design', verified: false },
      { factor: 'force.no_such', phrases: ['"quoted"', 'Upper', 'ok phrase', 'ok phrase'], source: 'nowhere', verified: 'no' },
      { factor: 'subject.unarmed', phrases: [], source: 'design', verified: true },
    ]));
    expect(issues).toEqual(expect.arrayContaining([
      'force.k9_bite: listed twice', 'force.no_such: not a factor of data/qi/factors.json',
      'force.no_such: phrase "\\"quoted\\"" must be lower-case words without quotes, stars or parentheses',
      'force.no_such: phrase "Upper" must be lower-case words without quotes, stars or parentheses',
      'force.no_such: a phrase is listed twice', "force.no_such: source must name an entry of the file's sources",
      'force.no_such: verified must be true or false', 'subject.unarmed: phrases missing',
    ]));
    expect(() => loadSearchTerms(file([{ factor: 'force.no_such', phrases: ['x y z'], source: 'design', verified: false }]))).toThrow(/search-terms\.json/);
  });
});
