import { describe, expect, it } from 'vitest';
import { treatmentWords } from './treatment.js';

/** Treatment words of the citation `cite` inside `text` (the window is the text before it through its end). */
const around = (text: string, cite: string, floor = 0): string[] => {
  const start = text.indexOf(cite);
  return treatmentWords(text, start, start + cite.length, floor);
};

describe('treatmentWords', () => {
  it('reads the words of the citation clause, in vocabulary order', () => {
    expect(around('We distinguished and then disagreed with In re Doe, 1 F.3d 2 (1st Cir. 1990).', '1 F.3d 2 (1st Cir. 1990)'))
      .toEqual(['distinguished', 'disagree']);
    expect(around('Doe v. Roe, 1 F.3d 2, was Overruled by later law', 'Doe v. Roe, 1 F.3d 2')).toEqual([]);
    expect(around('That rule was overruled in In re Doe, 1 F.3d 2.', '1 F.3d 2')).toEqual(['overruled']);
    // "v. Roe" reads as a sentence boundary: the clause starts there.
    expect(around('That rule was overruled in Doe v. Roe, 1 F.3d 2.', '1 F.3d 2')).toEqual([]);
  });

  it('finds none in plain citing prose, nor in an earlier sentence or before the previous citation', () => {
    expect(around('The officer used force. See Doe v. Roe, 1 F.3d 2.', '1 F.3d 2')).toEqual([]);
    expect(around('Smith was overruled long ago. The court cited Doe v. Roe, 1 F.3d 2.', '1 F.3d 2')).toEqual([]);
    const text = 'In re Smith, 5 F.3d 6, was criticized; see also In re Doe, 1 F.3d 2.';
    expect(around(text, '1 F.3d 2', text.indexOf('see also'))).toEqual([]);
    expect(around(text, '1 F.3d 2')).toEqual(['criticized']);
  });
});
