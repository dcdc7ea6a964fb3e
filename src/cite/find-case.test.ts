import { describe, expect, it } from 'vitest';
import { cites, only } from './test-helpers.js';

describe('full case citations', () => {
  it('parses volume, reporter, page, pin, court and year', () => {
    const c = only('See Campbell v. City of Springboro, 700 F.3d 779, 789 (6th Cir. 2012).');
    expect(c).toMatchObject({
      type: 'case', volume: '700', reporter: 'F.3d', reporter_found: 'F.3d', page: '779', pin_cite: '789',
      court: 'ca6', year: 2012, plaintiff: 'Campbell', defendant: 'City of Springboro', signal: 'See',
    });
  });

  it('keeps the reporter as written and gives the canonical form', () => {
    expect(only('Doe v. Roe, 123 F. 3rd 456 (2d Cir. 1997)')).toMatchObject({ reporter: 'F.3d', reporter_found: 'F. 3rd', court: 'ca2' });
    expect(only('Doe v. Roe, 5 S.Ct. 10 (1885)')).toMatchObject({ reporter: 'S. Ct.' });
    expect(only('Doe v. Roe, 490 U. S. 386 (1989)')).toMatchObject({ reporter: 'U.S.', court: 'scotus' });
    expect(only("Doe v. Roe, 12 Fed. Appx. 34 (4th Cir. 2001)")).toMatchObject({ reporter: "F. App'x", court: 'ca4' });
    expect(only('Doe v. Roe, 12 F. Supp. 2d 34 (D. Mass. 1999)')).toMatchObject({ reporter: 'F. Supp. 2d', court: 'mad', year: 1999 });
  });

  it('reads pin cites in every common form', () => {
    const pin = (s: string): string | undefined => only(`Graham v. Connor, 490 U.S. 386${s} (1989)`).pin_cite;
    expect(pin(', 396')).toBe('396');
    expect(pin(', 396-97')).toBe('396-97');
    expect(pin(', 396 n.4')).toBe('396 n.4');
    expect(pin(', 396 & n.4')).toBe('396 & n.4');
    expect(pin(', *397')).toBe('*397');
    expect(pin(', 396, 398')).toBe('396, 398');
    expect(pin('')).toBeUndefined();
  });

  it('reads full dates and district courts from the parenthetical', () => {
    expect(only('City of Escondido v. Emmons, 139 S. Ct. 500 (Jan. 7, 2019)')).toMatchObject({ year: 2019, date: '2019-01-07', court: 'scotus' });
    expect(only('Doe v. Roe, 2019 WL 1234567, at *3 (S.D.N.Y. Mar. 4, 2019)')).toMatchObject({ type: 'database', year: 2019, date: '2019-03-04', court: 'nysd', pin_cite: '*3' });
    expect(only('United States v. Cruz, 120 F.3d 1, 3 (1st Cir.1997) (en banc)')).toMatchObject({ court: 'ca1', year: 1997, parenthetical: 'en banc' });
  });

  it('reads party names in their usual shapes', () => {
    expect(only('United States v. Mateo, 271 F.3d 11, 13 (1st Cir. 2001)')).toMatchObject({ plaintiff: 'United States', defendant: 'Mateo' });
    expect(only('as held in In re Gault, 387 U.S. 1 (1967)')).toMatchObject({ plaintiff: 'In re Gault' });
    expect(only('Estate of Smart v. City of Wichita, 951 F.3d 1161 (10th Cir. 2020)')).toMatchObject({ plaintiff: 'Estate of Smart', defendant: 'City of Wichita' });
    expect(only('United States ex rel. Doe v. Acme Co., 9 F.3d 743 (9th Cir. 1993)')).toMatchObject({ plaintiff: 'United States ex rel. Doe', defendant: 'Acme Co.' });
    expect(only('The court relied on Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 555 (2007).')).toMatchObject({ plaintiff: 'Bell Atlantic Corp.', defendant: 'Twombly' });
    expect(only('Smith, Inc. v. Jones, 1 F.3d 2 (1st Cir. 1993)')).toMatchObject({ plaintiff: 'Smith, Inc.', defendant: 'Jones' });
  });

  it('reads names across line breaks and HTML tags', () => {
    expect(only('Uphoff Figueroa v.\n\nAlejandro, 597 F.3d 423, 429 (1st Cir. 2010)')).toMatchObject({ plaintiff: 'Uphoff Figueroa', defendant: 'Alejandro', pin_cite: '429' });
    const html = '<p>See <i>United States v. Mateo,</i> <span class="citation"><a href="/x">271 F.3d 11</a></span>, 13 (1st Cir.2001).</p>';
    expect(only(html, { html: true })).toMatchObject({ plaintiff: 'United States', defendant: 'Mateo', pin_cite: '13', court: 'ca1', signal: 'See' });
  });

  it('recognises each signal', () => {
    const signal = (s: string): string | undefined => only(`${s} Doe v. Roe, 1 F.3d 2 (1st Cir. 1993).`).signal;
    expect(signal('See')).toBe('See');
    expect(signal('See also')).toBe('See also');
    expect(signal('See, e.g.,')).toBe('See, e.g.');
    expect(signal('Cf.')).toBe('Cf.');
    expect(signal('But see')).toBe('But see');
    expect(signal('E.g.,')).toBe('E.g.');
    expect(signal('Accord')).toBe('Accord');
  });

  it('reads explanatory parentheticals, nested parentheses included', () => {
    const c = cites('Baxter v. Bracey, 751 F. App\'x 869, 872 (6th Cir. 2018) (holding that a dog bite on a surrendered suspect (sitting, hands up) differs from Campbell).')[0]!;
    expect(c.parenthetical).toBe('holding that a dog bite on a surrendered suspect (sitting, hands up) differs from Campbell');
    expect(c.court).toBe('ca6');
  });

  it('groups parallel citations as one authority', () => {
    const found = cites('Graham v. Connor, 490 U.S. 386, 396, 109 S. Ct. 1865, 104 L. Ed. 2d 443 (1989).');
    expect(found.map((c) => c.reporter)).toEqual(['U.S.', 'S. Ct.', 'L. Ed. 2d']);
    expect(new Set(found.map((c) => c.group)).size).toBe(1);
    expect(found.every((c) => c.year === 1989 && c.plaintiff === 'Graham')).toBe(true);
    expect(found[0]!.pin_cite).toBe('396');
  });

  it('keeps separate authorities in separate groups', () => {
    const found = cites('See Graham v. Connor, 490 U.S. 386 (1989); Tennessee v. Garner, 471 U.S. 1 (1985).');
    expect(found).toHaveLength(2);
    expect(found[0]!.group).not.toBe(found[1]!.group);
    expect(found[1]).toMatchObject({ plaintiff: 'Tennessee', defendant: 'Garner', year: 1985 });
  });

  it('links subsequent history to the citations involved', () => {
    const found = cites("Zadeh v. Robinson, 902 F.3d 483 (5th Cir. 2018), withdrawn, 928 F.3d 457 (5th Cir. 2019); Roe v. Doe, 773 F.3d 712 (5th Cir. 2014), rev'd, 577 U.S. 7 (2015); Doe v. Roe, 1 F.3d 2 (1st Cir. 1993), cert. denied, 510 U.S. 1 (1993).");
    const [z1, z2, l1, l2, d1, d2] = found;
    expect(z1!.history).toEqual([{ relation: 'withdrawn', relation_found: 'withdrawn', target: 1 }]);
    expect(z2!.history).toEqual([{ relation: 'withdrawn', relation_found: 'withdrawn', source: 0 }]);
    expect(l1!.history?.[0]).toMatchObject({ relation: "rev'd", target: 3 });
    expect(l2!.court).toBe('scotus');
    expect(d1!.history?.[0]).toMatchObject({ relation: 'cert. denied', target: 5 });
    expect(d2!.history?.[0]).toMatchObject({ source: 4 });
  });

  it('reads blank pages of slip opinions', () => {
    expect(only('Barnes v. Felix, 605 U.S. ___ (2025)')).toMatchObject({ volume: '605', reporter: 'U.S.', page: undefined, year: 2025 });
  });

  it('handles early Supreme Court nominative reporters', () => {
    expect(only('Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803)')).toMatchObject({ volume: '5', page: '137', year: 1803 });
    expect(only('Doe v. Roe, 4 Wheat. 316 (1819)')).toMatchObject({ reporter: 'Wheat.' });
  });

  it('finds regional and state reporters', () => {
    expect(only('State v. Doe, 123 N.E.3d 45 (Ohio Ct. App. 2019)')).toMatchObject({ reporter: 'N.E.3d', court: 'ohioctapp' });
    expect(only('People v. Doe, 12 Cal. App. 5th 100 (2017)')).toMatchObject({ reporter: 'Cal. App. 5th' });
    expect(only('Doe v. Roe, 50 So. 3d 12 (Fla. 2010)')).toMatchObject({ reporter: 'So. 3d' });
    expect(only('Doe v. Roe, 100 Mass. 200 (1868)')).toMatchObject({ reporter: 'Mass.' });
  });

  it('gives offsets in cleaned and source text', () => {
    const html = '<p>See <b>Doe</b> v. Roe, 1&nbsp;F.3d&nbsp;2 (1st Cir. 1993).</p>';
    const c = only(html, { html: true });
    expect(html.slice(c.source_span[0], c.source_span[1])).toBe('1&nbsp;F.3d&nbsp;2');
    expect(c.text).toBe('1 F.3d 2');
  });

  it('does not take ordinary numbers for citations', () => {
    expect(cites('In 1998 there were 12 officers and 3 dogs at 4 Main Street.')).toEqual([]);
    expect(cites('The jury awarded $25,000 on count 2 of 3.')).toEqual([]);
  });
});

describe('names with particles', () => {
  it('keeps a lowercase particle joined to a name', () => {
    expect(only('Ashcroft v. al-Kidd, 563 U.S. 731, 741 (2011)')).toMatchObject({ plaintiff: 'Ashcroft', defendant: 'al-Kidd' });
  });
});

describe('subsequent history variants', () => {
  it('links history phrases with qualifiers and named later cases', () => {
    const a = cites("Doe v. Roe, 1 F.3d 2 (1st Cir. 1993), overruled on other grounds by Poe v. Moe, 9 F.4th 10 (1st Cir. 2021).");
    expect(a[0]!.history).toEqual([{ relation: 'overruled by', relation_found: 'overruled', target: 1 }]);
    expect(a[1]).toMatchObject({ plaintiff: 'Poe', defendant: 'Moe', history: [{ relation: 'overruled by', source: 0 }] });
    const b = cites("Doe v. Roe, 1 F.3d 2 (1st Cir. 1993), aff'd in part, 510 U.S. 1 (1994).");
    expect(b[0]!.history?.[0]).toMatchObject({ relation: "aff'd", target: 1 });
    const c = cites("Doe v. Roe, 1 F.3d 2 (1st Cir. 1993), aff'd sub nom. Doe v. Poe, 510 U.S. 1 (1994).");
    expect(c[0]!.history?.[0]).toMatchObject({ relation: "aff'd", target: 1 });
  });
});

describe('clause openers before a case name', () => {
  it('leaves them out of the name', () => {
    expect(only('As in Carr v. Doe, 1 F.3d 2 (1st Cir. 1993), the court held.')).toMatchObject({ plaintiff: 'Carr', defendant: 'Doe' });
    expect(only('Unlike Doe v. Roe, 1 F.3d 2 (1st Cir. 1993), this case differs.')).toMatchObject({ plaintiff: 'Doe' });
    expect(only('In Doe v. Roe, 1 F.3d 2 (1st Cir. 1993), the court held.')).toMatchObject({ plaintiff: 'Doe' });
    expect(only('See In re Doe, 1 F.3d 2 (1st Cir. 1993).')).toMatchObject({ plaintiff: 'In re Doe' });
  });
});
