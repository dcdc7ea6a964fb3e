import { describe, expect, it } from 'vitest';
import { cites, ofType, only } from './test-helpers.js';

describe('statutes, regulations, rules and constitutions', () => {
  it('reads U.S. Code citations in their forms', () => {
    expect(only('under 42 U.S.C. § 1983.')).toMatchObject({ type: 'statute', title: '42', code: 'U.S.C.', section: '1983' });
    expect(only('42 U.S.C.A. § 1983')).toMatchObject({ title: '42', code: 'U.S.C.', section: '1983' });
    expect(only('28 U.S.C. § 1291')).toMatchObject({ title: '28', section: '1291' });
    expect(only('18 U.S.C. § 3553(a)(2)(B)')).toMatchObject({ section: '3553(a)(2)(B)' });
    expect(only('42 U.S.C. §§ 2000e et seq.'.replace('§§', '§'))).toMatchObject({ section: '2000e et seq.' });
  });

  it('reads lists of sections', () => {
    const found = cites('42 U.S.C. §§ 1983, 1988');
    expect(found.map((c) => [c.title, c.section])).toEqual([['42', '1983'], ['42', '1988']]);
    const bare = cites('fees under §§ 1983 and 1988.');
    expect(bare.map((c) => [c.title, c.code, c.section])).toEqual([['42', 'U.S.C.', '1983'], ['42', 'U.S.C.', '1988']]);
  });

  it('reads the prose forms of section 1983', () => {
    expect(only('an action under section 1983 of title 42')).toMatchObject({ type: 'statute', title: '42', code: 'U.S.C.', section: '1983' });
    expect(only('Section 1983 provides a remedy.')).toMatchObject({ title: '42', section: '1983' });
    expect(cites('section 12 of the lease')).toEqual([]);
  });

  it('reads regulations', () => {
    expect(only('28 C.F.R. § 0.85(l)')).toMatchObject({ type: 'regulation', title: '28', code: 'C.F.R.', section: '0.85(l)' });
  });

  it('reads rules of procedure and evidence', () => {
    expect(only('under Fed. R. Civ. P. 56(a)')).toMatchObject({ type: 'rule', code: 'Fed. R. Civ. P.', section: '56(a)' });
    expect(only('Fed.R.Civ.P. 12(b)(6)')).toMatchObject({ code: 'Fed. R. Civ. P.', section: '12(b)(6)' });
    expect(only('Federal Rule of Evidence 403')).toMatchObject({ code: 'Fed. R. Evid.', section: '403' });
    expect(only('Fed. R. App. P. 4(a)(1)')).toMatchObject({ code: 'Fed. R. App. P.' });
  });

  it('reads constitutional provisions', () => {
    expect(only('U.S. Const. amend. IV')).toMatchObject({ type: 'constitution', code: 'U.S. Const.', section: 'amend. IV' });
    expect(only('U.S. Const. art. III, § 2')).toMatchObject({ section: 'art. III, § 2' });
  });
});

describe('database, docket and neutral citations', () => {
  it('reads Westlaw and Lexis citations', () => {
    expect(only('Doe v. Roe, 2019 WL 1234567 (D. Mass. 2019)')).toMatchObject({ type: 'database', volume: '2019', reporter: 'WL', number: '1234567', year: 2019 });
    expect(only('2019 U.S. App. LEXIS 12345')).toMatchObject({ type: 'database', reporter: 'U.S. App. LEXIS', number: '12345' });
    expect(only('2015 U.S. Dist. LEXIS 999')).toMatchObject({ reporter: 'U.S. Dist. LEXIS' });
  });

  it('reads docket numbers', () => {
    expect(only('No. 18-1287')).toMatchObject({ type: 'docket', number: '18-1287' });
    expect(ofType('Nos. 12-1573, 12-1653', 'docket').map((c) => c.number)).toEqual(['12-1573', '12-1653']);
    expect(only('Case No. 1:19-cv-01234')).toMatchObject({ number: '1:19-cv-01234' });
    expect(cites('No. 5 on the list')).toEqual([]);
  });

  it('reads neutral citations', () => {
    expect(only('State v. Doe, 2019-Ohio-1234')).toMatchObject({ type: 'case', volume: '2019', reporter: 'Ohio', page: '1234', year: 2019 });
  });

  it('reads law review citations as journal', () => {
    expect(only('Joanna C. Schwartz, Police Indemnification, 89 N.Y.U. L. Rev. 885 (2014)')).toMatchObject({ type: 'journal', volume: '89', page: '885', year: 2014 });
  });
});

describe('robustness', () => {
  it('survives hostile inputs in linear time without throwing', () => {
    const inputs = [
      'v. '.repeat(40_000),
      '1.'.repeat(500_000),
      `${'1 U.S. 1 ('.repeat(20_000)}`,
      '('.repeat(100_000),
      `${'<a x="'.repeat(20_000)}`,
      'x'.repeat(2_000_000),
      '§§ 1, '.repeat(50_000),
      'Id. at '.repeat(50_000),
      'Nos. 1-1, '.repeat(30_000),
    ];
    for (const s of inputs) {
      expect(() => cites(s)).not.toThrow();
      expect(() => cites(s, { html: true })).not.toThrow();
    }
  });

  it('joins citations hyphenated across lines and ignores soft hyphens', () => {
    expect(only('Campbell v. City of Spring-\nboro, 700 F.3d 779 (6th Cir. 2012)')).toMatchObject({ defendant: 'City of Springboro' });
    expect(only('Doe v. Roe, 1 F.\n3d 2 (1st Cir. 1993)')).toMatchObject({ reporter: 'F.3d' });
    expect(only('Doe v. Ro\u00ade, 1 F.3d 2 (1st Cir. 1993)')).toMatchObject({ defendant: 'Roe' });
  });

  it('decodes entities and skips script content in HTML', () => {
    const html = '<script>var x = "1 U.S. 1";</script><p>Doe v. Roe, 1 F.3d 2 (1st Cir. 1993) &amp; more</p>';
    expect(cites(html, { html: true })).toHaveLength(1);
  });
});

describe('unknown reporters', () => {
  it('reports a citation-shaped string with an unknown reporter as unknown, with its parts', () => {
    const c = only('See Doe v. Roe, 123 Fake Rptr. 456, 460 (2d Cir. 2019).');
    expect(c).toMatchObject({ type: 'unknown', volume: '123', reporter_found: 'Fake Rptr.', page: '456', pin_cite: '460', court: 'ca2', year: 2019, plaintiff: 'Doe' });
    expect(c.reporter).toBeUndefined();
  });

  it('reports a known reporter with a series that does not exist (F.6th) as unknown, not as nothing', () => {
    expect(only('Made Up v. Case, 77 F.6th 12 (6th Cir. 2024).')).toMatchObject({ type: 'unknown', volume: '77', reporter_found: 'F.6th', page: '12', year: 2024, plaintiff: 'Made Up' });
    expect(only('Other v. One, 9 So. 9th 33, 35 (Fla. 2003).')).toMatchObject({ type: 'unknown', reporter_found: 'So. 9th', page: '33', pin_cite: '35' });
    expect(only('Doe v. Roe, 5 F.4th 50 (6th Cir. 2021).')).toMatchObject({ type: 'case', reporter: 'F.4th' });
  });

  it('does not take prose with numbers for an unknown citation', () => {
    expect(cites('In 2019 Officer Smith fired 3 Shots 12 (times).')).toEqual([]);
    expect(cites('Officer Smith, age 45, arrived in Boston 12 (as noted) in 1990.')).toEqual([]);
  });
});

describe('law reviews missing from the data', () => {
  it('types them as journal by their shape', () => {
    expect(only('Jane Doe, A Note, 12 Dapple L. Rev. 34, 40 (1999)')).toMatchObject({ type: 'journal', reporter_found: 'Dapple L. Rev.', volume: '12', page: '34' });
  });
});
