import { describe, expect, it } from 'vitest';
import { mark, windowOf, type Located } from './snippets.js';

const opinion = (hits: Located['hits'], over: Partial<Located> = {}): Located =>
  ({ id: 'o', len: 8000, words: 1005, name_end: 5, hits, ...over });

describe('snippet windows', () => {
  it('centres on the run holding the most distinct query words, at the opinion\'s own characters per position', () => {
    // 'qualifi' alone at 100; 'qualifi' and 'immun' together at 500–501. 8,000 characters over 1,000 text positions.
    const w = windowOf(opinion([['qualifi', [100, 500]], ['immun', [501]]]));
    const at = (500 - 5 - 1) * 8;
    expect(w.start).toBeLessThan(at);
    expect(w.start).toBeGreaterThan(100 * 8);
    expect(w.start + w.length!).toBeGreaterThan(at + 2 * 8);
    expect(w.length).toBeLessThan(8000);
  });

  it('ignores name positions and capped positions, and starts at the top when only the name matches', () => {
    expect(windowOf(opinion([['smith', [2]]]))).toEqual({ id: 'o', start: 0, length: 4000 });
    expect(windowOf(opinion([['smith', [16383]]], { len: 300_000, words: 16383 }))).toEqual({ id: 'o', start: 0, length: 4000 });
    expect(windowOf(opinion(null, { len: 900 }))).toEqual({ id: 'o', start: 0, length: 900 });
  });

  it('never runs past the text', () => {
    const w = windowOf(opinion([['taser', [1004]]]));
    expect(w.start + w.length!).toBe(8000);
  });
});

describe('mark', () => {
  it('merges adjacent highlighted words into one span with the caller\'s markers', () => {
    expect(mark('the \u0002excessive\u0003 \u0002force\u0003 used', '[', ']')).toBe('the [excessive force] used');
  });
});
