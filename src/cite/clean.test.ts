import { describe, expect, it } from 'vitest';
import { cleanHtml, cleanText } from './clean.js';

const sources = (s: string) => {
  const c = cleanText(s);
  return Array.from({ length: c.text.length }, (_, i) => c.toSource(i));
};

describe('cleanText', () => {
  it('collapses every whitespace run to one space and maps each character back', () => {
    const c = cleanText('a  b\nc \n\td\u00a0e');
    expect(c.text).toBe('a b c d e');
    expect(sources('a  b\nc \n\td\u00a0e')).toEqual([0, 1, 3, 4, 5, 6, 9, 10, 11]);
  });

  it('keeps a single plain space in place and drops leading whitespace', () => {
    expect(cleanText('  \n x y').text).toBe('x y');
    expect(sources('  \n x y')).toEqual([4, 5, 6]);
  });

  it('drops runs of only invisible characters without a space', () => {
    expect(cleanText('ab\u00ad\u200bcd').text).toBe('abcd');
    expect(sources('ab\u00ad\u200bcd')).toEqual([0, 1, 4, 5]);
    expect(cleanText('ab\u00ad cd').text).toBe('ab cd');
  });

  it('folds curly quotes and dashes to ASCII', () => {
    expect(cleanText('\u201cit\u2019s\u201d 1\u20132').text).toBe('"it\'s" 1-2');
  });

  it('joins a word hyphenated at a line end, also after a folded dash', () => {
    expect(cleanText('Spring-\nboro').text).toBe('Springboro');
    expect(sources('Spring-\nboro')).toEqual([0, 1, 2, 3, 4, 5, 8, 9, 10, 11]);
    expect(cleanText('Spring\u2010 \n boro').text).toBe('Springboro');
    expect(cleanText('Spring-\nBoro').text).toBe('Spring- Boro');
    expect(cleanText('1-\nboro').text).toBe('1- boro');
  });

  it('collapses whitespace left after HTML tags are dropped', () => {
    const c = cleanHtml('<p>a</p>\n<p> b&nbsp; c</p>');
    expect(c.text).toBe('a b c '); // the closing block tag leaves a trailing space
    expect(c.toSource(2)).toBe(13);
  });
});
