import { describe, expect, it } from 'vitest';
import { bm25Scores, stem, tokens } from './text.js';

describe('fact-text similarity', () => {
  it('meets inflections of the same word', () => {
    expect(stem('bites')).toBe(stem('bite'));
    expect(stem('pointing')).toBe(stem('point'));
    expect(stems('handcuffed him')).toEqual(['handcuff']);
  });

  it('keeps "armed" apart from "arm", the limb', () => {
    expect(stem('armed')).not.toBe(stem('arm'));
    expect(stem('unarmed')).toBe('unarmed');
  });

  it('scores a document about a bite on the arm below one about an armed man for "armed man"', () => {
    const [limb, weapon] = bm25Scores('armed', ['the dog bit him on the arm', 'he was armed with a knife']);
    expect(weapon).toBe(1);
    expect(limb).toBe(0);
  });
});

const stems = (s: string): string[] => tokens(s);
