import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';
import { prepareText } from './text.js';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('does not split after legal abbreviations', () => {
    const t = 'See Doe v. Roe, 1 F.3d 2, 5 (1st Cir. 1993). Id. at 6. The officers, e.g. Smith, No. 5, were present. Mr. Roe left.';
    expect(texts(t)).toEqual(['See Doe v. Roe, 1 F.3d 2, 5 (1st Cir. 1993).', 'Id. at 6.', 'The officers, e.g. Smith, No. 5, were present.', 'Mr. Roe left.']);
  });

  it('keeps U.S. and S. Ct. citations whole', () => {
    const t = 'The rule comes from Harlow v. Fitzgerald, 457 U.S. 800, 818 (1982). We apply it here.';
    expect(texts(t)).toHaveLength(2);
  });

  it('splits after a footnote number glued to the period', () => {
    expect(texts('The claim fails.6 However, the officers were present.')).toEqual(['The claim fails.6', 'However, the officers were present.']);
  });

  it('does not split before a lowercase word', () => {
    expect(texts('He said no. then he left.')).toHaveLength(1);
  });

  it('reports offsets into the text', () => {
    const t = 'One. Two.';
    const [a, b] = splitSentences(t);
    expect(t.slice(a!.start, a!.end)).toBe('One.');
    expect(t.slice(b!.start, b!.end)).toBe('Two.');
  });

  it('never splits inside a citation parenthetical found by the citation engine', () => {
    const p = prepareText('See Doe v. Roe, 1 F.3d 2 (1st Cir. 1993) (holding that the officer acted. Reasonably so). Next sentence here.');
    expect(p.sentences.map((s) => s.text)).toHaveLength(2);
  });
});
