import { describe, expect, it } from 'vitest';
import { citationKey, relianceCounts, relianceScore } from './reliance.js';
import type { Candidate } from './types.js';

const cand = (cite: string, date: string, relies: string[] = []): Candidate => ({
  case: { citations: [{ volume: cite.split(' ')[0]!, reporter: cite.split(' ').slice(1, -1).join(' '), page: cite.split(' ').at(-1)! }], decision_date: date } as never,
  coding: { precedents: relies.map((citation) => ({ citation, case_name: null, relation: 'relied_on' })) } as never,
  coder: 'human', digest: '', fts: 0,
});

describe('reliance', () => {
  it('normalises citation spacing and periods', () => {
    expect(citationKey('999 F. 4th 1')).toBe(citationKey('999 F.4th 1'));
    expect(citationKey('999 F.4th 1')).not.toBe(citationKey('999 F.4th 10'));
  });

  it('counts distinct earlier candidates relying on each candidate, never itself, never later ones', () => {
    const cs = [
      cand('999 F.4th 1', '2001-01-01', ['999 F.4th 1']),
      cand('999 F.4th 2', '2002-01-01', ['999 F.4th 1', '999 F. 4th 1']),
      cand('999 F.4th 3', '2003-01-01', ['999 F.4th 1', '999 F.4th 2']),
      cand('999 F.4th 4', '2030-01-01', ['999 F.4th 1', '999 F.4th 3']),
    ];
    expect(relianceCounts(cs, '2020-01-01')).toEqual([2, 1, 0, 0]);
  });

  it('scales counts to 0..1, saturating at four', () => {
    expect(relianceScore(0)).toBe(0);
    expect(relianceScore(1)).toBeGreaterThan(0.4);
    expect(relianceScore(4)).toBe(1);
    expect(relianceScore(40)).toBe(1);
  });
});
