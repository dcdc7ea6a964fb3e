import { describe, expect, it } from 'vitest';
import { copyField } from './copy.js';

/** What PostgreSQL's COPY text format reads back from a field (the inverse of copyField). */
const unescape = (f: string): string | null =>
  f === '\\N' ? null : f.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);

describe('copyField', () => {
  it('escapes backslash, tab, newline and carriage return so the field reads back unchanged', () => {
    for (const s of ['plain', 'a\tb', 'line one\nline two\r\n', 'C:\\path\\n', '\\N', 'tail\\', '\t\n\r\\\\']) {
      const f = copyField(s);
      expect(f).not.toMatch(/[\t\n\r]/);
      expect(unescape(f)).toBe(s);
    }
  });
  it('writes NULL as \\N and numbers and booleans as text', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(12)).toBe('12');
    expect(copyField(false)).toBe('false');
  });
});
