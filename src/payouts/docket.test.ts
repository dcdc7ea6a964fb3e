import { describe, expect, it } from 'vitest';
import { docketKey } from './docket.js';

describe('docketKey', () => {
  it('gives every spelling of one federal civil docket the same key', () => {
    const forms = ['1:16-cv-00379', '1:16-CV-00379-LMM', '16-cv-379', '2016 C 00379', '16C0379', 'No. 16-cv-379',
      'Case No. 1:16-cv-379-ABC-DEF', '16cv379', 'CV16-00379', 'C16-379', '16-00379-GAO', '16-379-CIV-MARRA'];
    for (const f of forms) expect(docketKey(f), f).toBe('f:16-379');
  });

  it('keys other numbers on their letters and digits only', () => {
    expect(docketKey('49D06-1706-CT-023833')).toBe('s:49D061706CT023833');
    expect(docketKey('49d06 1706 ct 023833')).toBe('s:49D061706CT023833');
    expect(docketKey('13-CP-10-01416')).toBe('s:13CP1001416');
    expect(docketKey('BC 553097')).toBe('s:BC553097');
  });

  it('does not read a state number with a trailing part as a federal one', () => {
    // Baltimore circuit court: county 24, C(ivil), year 15, number 003144 — not `24-cv-15`.
    expect(docketKey('24-C-15-003144')).toBe('s:24C15003144');
    expect(docketKey('05-19016 CA-22')).toBe('s:0519016CA22');
  });

  it('drops the .0 a spreadsheet adds to numeric dockets', () => {
    expect(docketKey('126892.0')).toBe('s:126892');
    expect(docketKey('126892')).toBe('s:126892');
  });

  it('has no key for blanks and placeholders', () => {
    for (const t of [undefined, null, '', '  ', 'N/A', 'pending', '12']) expect(docketKey(t)).toBeUndefined();
  });
});
