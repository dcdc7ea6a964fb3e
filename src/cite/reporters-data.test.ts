import { describe, it, expect } from 'vitest';
import fs from 'node:fs';

/** Schema and fact checks for data/reporters.json, the table the citation engine is generated from. */

interface Row {
  id: string;
  abbreviation: string;
  name: string;
  variants: string[];
  cite_type: string;
  jurisdictions: string[];
  courts?: string[];
  start: string | null;
  end: string | null;
  source: string;
  note?: string;
  neutral_format?: string;
  ambiguous_with?: string[];
}

interface ReportersFile {
  $comment: string;
  sources: Record<string, string>;
  reporters: Row[];
}

const data = JSON.parse(
  fs.readFileSync(new URL('../../data/reporters.json', import.meta.url), 'utf8'),
) as ReportersFile;
const rows = data.reporters;
const byId = new Map(rows.map((r) => [r.id, r]));
const byAbbr = (abbr: string): Row[] => rows.filter((r) => r.abbreviation === abbr);
const one = (abbr: string): Row => {
  const found = byAbbr(abbr);
  expect(found, `exactly one row for ${abbr}`).toHaveLength(1);
  return found[0]!;
};
const year = (d: string | null): number | null => (d === null ? null : Number(d.slice(0, 4)));

/**
 * What the engine treats as the same reporter string: spaces and periods ignored, curly apostrophes as straight.
 * Letter case is folded too, so forms like 'Vt.' / 'VT' count as colliding and must be declared (safe whether
 * or not the engine itself folds case).
 */
const normalize = (s: string): string =>
  s
    .replace(/[\s.]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase();

const CITE_TYPES = new Set(['federal', 'scotus_early', 'state', 'state_regional', 'specialty', 'neutral', 'journal']);
const JURISDICTIONS = new Set(
  (
    'US AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND ' +
    'OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU MP AS'
  ).split(' '),
);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string): boolean => {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
/** [start, end] as comparable day strings; open ends become sentinels. */
const range = (r: Row): [string, string] => [r.start ?? '0000-01-01', r.end ?? '9999-12-31'];
const overlaps = (a: Row, b: Row): boolean => {
  const [as, ae] = range(a);
  const [bs, be] = range(b);
  return as <= be && bs <= ae;
};

describe('data/reporters.json: shape', () => {
  it('has a $comment, sources and a few hundred rows', () => {
    expect(typeof data.$comment).toBe('string');
    expect(data.$comment.length).toBeGreaterThan(40);
    expect(Object.keys(data.sources).length).toBeGreaterThan(0);
    for (const [key, text] of Object.entries(data.sources)) {
      expect(key).toMatch(/^[a-z0-9-]+$/);
      expect(text.trim().length, `source ${key}`).toBeGreaterThan(10);
    }
    expect(rows.length).toBeGreaterThanOrEqual(250);
    expect(rows.length).toBeLessThanOrEqual(450);
  });

  it('every row has its required fields, non-empty', () => {
    for (const r of rows) {
      const where = `row ${JSON.stringify(r.id ?? r.abbreviation)}`;
      for (const f of ['id', 'abbreviation', 'name', 'cite_type', 'source'] as const) {
        expect(typeof r[f], `${where}: ${f}`).toBe('string');
        expect(r[f].trim(), `${where}: ${f}`).not.toBe('');
        expect(r[f], `${where}: ${f} has no stray whitespace`).toBe(r[f].trim());
      }
      expect(Array.isArray(r.variants), `${where}: variants`).toBe(true);
      for (const v of r.variants) {
        expect(typeof v === 'string' && v.trim() !== '' && v === v.trim(), `${where}: variant ${JSON.stringify(v)}`).toBe(true);
      }
      expect(new Set(r.variants).size, `${where}: duplicate variants`).toBe(r.variants.length);
      expect(r.variants, `${where}: variants repeat the abbreviation`).not.toContain(r.abbreviation);
      expect(Array.isArray(r.jurisdictions) && r.jurisdictions.length > 0, `${where}: jurisdictions`).toBe(true);
      if (r.courts !== undefined) {
        expect(r.courts.length, `${where}: courts`).toBeGreaterThan(0);
        for (const c of r.courts) expect(c, `${where}: court id`).toMatch(/^[a-z0-9_]+$/);
      }
      expect('start' in r && 'end' in r, `${where}: start/end keys`).toBe(true);
      if (r.note !== undefined) expect(r.note.trim(), `${where}: note`).not.toBe('');
    }
  });

  it('ids are short lowercase ascii and unique', () => {
    const seen = new Set<string>();
    for (const r of rows) {
      expect(r.id).toMatch(/^[a-z0-9_]{1,24}$/);
      expect(seen.has(r.id), `duplicate id ${r.id}`).toBe(false);
      seen.add(r.id);
    }
  });

  it('cite_type is known', () => {
    for (const r of rows) expect(CITE_TYPES.has(r.cite_type), `${r.id}: ${r.cite_type}`).toBe(true);
  });

  it("every row's source is a key of sources", () => {
    for (const r of rows) expect(Object.keys(data.sources), r.id).toContain(r.source);
  });

  it('jurisdictions are "US" or postal codes; federal rows are US-wide', () => {
    for (const r of rows) {
      for (const j of r.jurisdictions) expect(JURISDICTIONS.has(j), `${r.id}: ${j}`).toBe(true);
      expect(new Set(r.jurisdictions).size, `${r.id}: duplicate jurisdiction`).toBe(r.jurisdictions.length);
      if (r.cite_type === 'scotus_early' || r.cite_type === 'journal') expect(r.jurisdictions, r.id).toEqual(['US']);
      if (r.cite_type === 'state' || r.cite_type === 'neutral') {
        // state rows name their state; the two federal year-numbered forms are the only US-wide neutral rows
        if (r.jurisdictions.includes('US')) expect(['tc_memo', 'fed_app_6cir'], r.id).toContain(r.id);
      }
    }
  });

  it('dates are ISO YYYY-MM-DD, real, and start <= end', () => {
    for (const r of rows) {
      for (const d of [r.start, r.end]) {
        if (d !== null) expect(isRealDate(d), `${r.id}: ${d}`).toBe(true);
      }
      if (r.start !== null && r.end !== null) expect(r.start <= r.end, `${r.id}: ${r.start} > ${r.end}`).toBe(true);
    }
  });

  it('reporters have a start date, or a note saying why not; journals have no dates', () => {
    for (const r of rows) {
      if (r.cite_type === 'journal') {
        expect(r.start, r.id).toBeNull();
        expect(r.end, r.id).toBeNull();
      } else if (r.start === null) {
        expect(r.note, `${r.id}: no start and no note`).toBeTruthy();
      }
    }
  });

  it('neutral rows describe their format with YEAR and NUMBER', () => {
    for (const r of rows) {
      if (r.cite_type === 'neutral') {
        expect(r.neutral_format, r.id).toMatch(/YEAR/);
        expect(r.neutral_format, r.id).toMatch(/NUMBER/);
      } else {
        expect(r.neutral_format, `${r.id}: neutral_format on a non-neutral row`).toBeUndefined();
      }
    }
  });

  it('ambiguous_with names other existing rows, symmetrically', () => {
    for (const r of rows) {
      if (r.ambiguous_with === undefined) continue;
      expect(r.ambiguous_with.length, r.id).toBeGreaterThan(0);
      for (const other of r.ambiguous_with) {
        expect(other, r.id).not.toBe(r.id);
        const o = byId.get(other);
        expect(o, `${r.id}: ambiguous_with unknown ${other}`).toBeDefined();
        expect(o!.ambiguous_with ?? [], `${other} should list ${r.id} back`).toContain(r.id);
      }
    }
  });
});

describe('data/reporters.json: collisions', () => {
  /** Two rows may share a string only when both say so and a date can tell them apart. */
  const sharedOk = (a: Row, b: Row): string | null => {
    if (!(a.ambiguous_with ?? []).includes(b.id) || !(b.ambiguous_with ?? []).includes(a.id)) {
      return `${a.id} and ${b.id} share a string but do not list each other in ambiguous_with`;
    }
    if (a.start === b.start && a.end === b.end) return `${a.id} and ${b.id} have the same date range`;
    // Overlapping ranges are allowed only against a neutral form, whose volume is the year itself.
    if (overlaps(a, b) && a.cite_type !== 'neutral' && b.cite_type !== 'neutral') {
      return `${a.id} (${a.start}..${a.end}) and ${b.id} (${b.start}..${b.end}) overlap, so a year cannot choose`;
    }
    return null;
  };

  it('canonical abbreviations are unique, except declared ambiguous pairs', () => {
    const seen = new Map<string, Row>();
    const problems: string[] = [];
    for (const r of rows) {
      const prev = seen.get(r.abbreviation);
      if (prev) {
        const p = sharedOk(prev, r);
        if (p) problems.push(p);
      } else seen.set(r.abbreviation, r);
    }
    expect(problems).toEqual([]);
  });

  it('no normalized abbreviation or variant maps to two rows unless declared and date-separable', () => {
    const owners = new Map<string, Set<string>>();
    for (const r of rows) {
      for (const s of [r.abbreviation, ...r.variants]) {
        const k = normalize(s);
        expect(k, `${r.id}: ${JSON.stringify(s)} normalizes to empty`).not.toBe('');
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k)!.add(r.id);
      }
    }
    const problems: string[] = [];
    for (const [k, ids] of owners) {
      const list = [...ids].map((id) => byId.get(id)!);
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const p = sharedOk(list[i]!, list[j]!);
          if (p) problems.push(`"${k}": ${p}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the declared collisions are the expected ones', () => {
    const declared = rows
      .filter((r) => r.ambiguous_with)
      .map((r) => r.id)
      .sort();
    expect(declared).toEqual(
      [
        'ark', 'ark_pd', 'ark_app', 'ark_app_pd', 'black', 'blackf', 'me', 'me_pd', 'nd', 'nd_pd', 'nh', 'nh_pd',
        'ohio', 'ohio_pd', 'pa_super', 'pa_super_pd', 'sd', 'sd_pd', 'va_wash', 'wash', 'vt', 'vt_pd',
      ].sort(),
    );
  });
});

describe('data/reporters.json: facts', () => {
  it('Federal Reporter series and dates', () => {
    const f = one('F.');
    expect([year(f.start), year(f.end)]).toEqual([1880, 1924]);
    const f2 = one('F.2d');
    expect([year(f2.start), year(f2.end)]).toEqual([1924, 1993]);
    const f3 = one('F.3d');
    expect(f3.start).toBe('1993-01-01');
    expect(year(f3.end)).toBe(2021);
    expect(f3.cite_type).toBe('federal');
    expect(f3.courts).toContain('federal_appellate');
    expect(f3.variants).toEqual(expect.arrayContaining(['F.3rd', 'F. 3rd']));
    const f4 = one('F.4th');
    expect(year(f4.start)).toBe(2021);
    expect(f4.end).toBeNull();
    const app = one("F. App'x");
    expect([year(app.start), year(app.end)]).toEqual([2001, 2021]);
    expect(app.variants).toEqual(expect.arrayContaining(['Fed. Appx.', 'F. Appx.']));
  });

  it('Federal Supplement series and dates', () => {
    expect([year(one('F. Supp.').start), year(one('F. Supp.').end)]).toEqual([1932, 1998]);
    expect([year(one('F. Supp. 2d').start), year(one('F. Supp. 2d').end)]).toEqual([1998, 2014]);
    expect(year(one('F. Supp. 3d').start)).toBe(2014);
    expect(one('F. Supp. 3d').end).toBeNull();
    for (const a of ['F. Supp.', 'F. Supp. 2d', 'F. Supp. 3d']) expect(one(a).courts).toEqual(['federal_district']);
  });

  it('Supreme Court reporters', () => {
    const us = one('U.S.');
    expect(us.courts).toEqual(['scotus']);
    expect(us.cite_type).toBe('federal');
    expect(year(us.start)).toBeLessThanOrEqual(1875);
    expect(year(one('S. Ct.').start)).toBe(1882);
    expect(one('S. Ct.').courts).toEqual(['scotus']);
    expect([year(one('L. Ed.').start), year(one('L. Ed.').end)]).toEqual([1790, 1956]);
    expect(year(one('L. Ed. 2d').start)).toBe(1956);
    const early: Array<[string, number, number]> = [
      ['Dall.', 1790, 1800],
      ['Cranch', 1801, 1815],
      ['Wheat.', 1816, 1827],
      ['Pet.', 1828, 1842],
      ['How.', 1843, 1860],
      ['Black', 1861, 1862],
      ['Wall.', 1863, 1874],
    ];
    for (const [abbr, from, to] of early) {
      const r = one(abbr);
      expect(r.cite_type, abbr).toBe('scotus_early');
      expect(r.courts, abbr).toContain('scotus');
      expect(year(r.start)!, abbr).toBeLessThanOrEqual(from);
      expect(year(r.end)!, abbr).toBeGreaterThanOrEqual(to);
    }
    // consecutive nominatives do not overlap (Dallas excepted: its Pennsylvania cases run later)
    for (let i = 1; i + 1 < early.length; i++) {
      expect(one(early[i]![0]).end! < one(early[i + 1]![0]).start!).toBe(true);
    }
  });

  it('regional reporters and their series', () => {
    for (const a of ['A.', 'A.2d', 'A.3d', 'N.E.', 'N.E.2d', 'N.E.3d', 'N.W.', 'N.W.2d', 'P.', 'P.2d', 'P.3d', 'S.E.', 'S.E.2d', 'S.W.', 'S.W.2d', 'S.W.3d', 'So.', 'So. 2d', 'So. 3d']) {
      expect(one(a).cite_type, a).toBe('state_regional');
    }
    expect(year(one('So. 3d').start)).toBe(2008);
    expect(year(one('S.W.3d').start)).toBe(1999);
    expect(year(one('P.3d').start)).toBe(2000);
    expect(year(one('A.3d').start)).toBe(2010);
    expect(one('N.E.3d').start! >= '2013-01-01').toBe(true);
    expect(one('N.E.3d').jurisdictions).toEqual(expect.arrayContaining(['IL', 'IN', 'MA', 'NY', 'OH']));
    expect(one('S.W.2d').jurisdictions).toContain('TX');
    expect(one('P.2d').jurisdictions).toContain('CA');
    expect(one('Cal. Rptr. 3d').jurisdictions).toEqual(['CA']);
    expect(year(one('Cal. Rptr. 3d').start)).toBe(2003);
    expect(one('N.Y.S.2d').jurisdictions).toEqual(['NY']);
    expect(one('N.W.2d').variants).toContain('N. W. 2d');
  });

  it('state reporters: California, New York, Ohio, Illinois, Texas', () => {
    const cal = ['Cal.', 'Cal. 2d', 'Cal. 3d', 'Cal. 4th', 'Cal. 5th'];
    const calApp = ['Cal. App.', 'Cal. App. 2d', 'Cal. App. 3d', 'Cal. App. 4th', 'Cal. App. 5th'];
    for (const a of cal) expect(one(a).courts, a).toEqual(['cal']);
    for (const a of calApp) expect(one(a).courts, a).toEqual(['calctapp']);
    expect(year(one('Cal. 5th').start)).toBe(2016);
    for (const a of ['N.Y.', 'N.Y.2d', 'N.Y.3d', 'A.D.', 'A.D.2d', 'A.D.3d', 'Misc.', 'Misc. 2d', 'Misc. 3d']) {
      expect(one(a).jurisdictions, a).toEqual(['NY']);
    }
    expect(one('A.D.2d').courts).toEqual(['nyappdiv']);
    for (const a of ['Ohio St.', 'Ohio St. 2d', 'Ohio St. 3d', 'Ohio App.', 'Ohio App. 2d', 'Ohio App. 3d']) {
      expect(one(a).jurisdictions, a).toEqual(['OH']);
    }
    expect(year(one('Ohio St. 3d').start)).toBe(1982);
    expect(one('Ohio App. 3d').courts).toEqual(['ohioctapp']);
    for (const a of ['Ill.', 'Ill. 2d', 'Ill. App.', 'Ill. App. 2d', 'Ill. App. 3d']) expect(one(a).jurisdictions, a).toEqual(['IL']);
    expect(one('Ill. 2d').variants).toContain('Ill.2d');
    expect(year(one('Tex.').end)).toBe(1962);
  });

  it('official reporters of every state and D.C. are present', () => {
    const states =
      'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' ');
    for (const s of states) {
      const own = rows.filter((r) => r.jurisdictions.includes(s) && (r.cite_type === 'state' || (s === 'DC' && r.cite_type === 'federal')));
      expect(own.length, `no official reporter for ${s}`).toBeGreaterThan(0);
    }
    const required = [
      'Mass.', 'Mass. App. Ct.', 'Pa.', 'Pa. Super.', 'Pa. Commw.', 'Wash.', 'Wash. 2d', 'Wash. App.', 'Mich.', 'Mich. App.',
      'Wis.', 'Wis. 2d', 'N.J.', 'N.J. Super.', 'Va.', 'Va. App.', 'Ga.', 'Ga. App.', 'N.C.', 'N.C. App.', 'Ariz.', 'Ariz. App.',
      'Colo.', 'Colo. App.', 'Conn.', 'Conn. App.', 'Md.', 'Md. App.', 'Minn.', 'Mo.', 'Mo. App.', 'Kan.', 'Kan. App. 2d', 'Neb.',
      'Or.', 'Or. App.', 'Haw.', 'Haw. App.', 'Idaho', 'Iowa', 'Ky.', 'La.', 'Me.', 'Miss.', 'Mont.', 'Nev.', 'N.H.', 'N.M.',
      'N.D.', 'S.D.', 'Okla.', 'Okla. Crim.', 'R.I.', 'S.C.', 'Tenn.', 'Tenn. App.', 'Utah', 'Utah 2d', 'Vt.', 'W. Va.', 'Wyo.',
      'Ala.', 'Ala. App.', 'Alaska', 'Ark.', 'Ark. App.', 'Del.', 'Del. Ch.', 'Fla.', 'Ind.', 'Ind. App.', 'Tex.',
    ];
    for (const a of required) {
      expect(byAbbr(a).filter((r) => r.cite_type === 'state').length, a).toBeGreaterThanOrEqual(1);
    }
    expect(byAbbr('Neb. Ct. App.')[0]?.variants).toContain('Neb. App.');
  });

  it('federal specialty reporters', () => {
    for (const a of ['B.R.', 'F.R.D.', 'Fed. Cl.', 'Cl. Ct.', 'Ct. Cl.', 'T.C.', 'M.J.', 'Vet. App.', "Ct. Int'l Trade", 'Cust. Ct.', 'F. Cas.', 'Fed. R. Serv.']) {
      expect(one(a).cite_type, a).toBe('specialty');
      expect(one(a).jurisdictions, a).toEqual(['US']);
    }
    expect(one('B.R.').courts).toEqual(['federal_bankruptcy']);
    expect(year(one('Fed. Cl.').start)).toBe(1992);
    expect(year(one('Cl. Ct.').end)).toBe(1992);
    expect(year(one('Ct. Cl.').end)).toBe(1982);
    expect([year(one('F. Cas.').start), year(one('F. Cas.').end)]).toEqual([1789, 1880]);
  });

  it('public-domain citations', () => {
    const ohio = byId.get('ohio_pd')!;
    expect(ohio.cite_type).toBe('neutral');
    expect(ohio.neutral_format).toBe('YEAR-Ohio-NUMBER');
    for (const id of ['il_pd', 'il_app_pd', 'nd_pd', 'ut_pd', 'wi_pd', 'ok_pd', 'nmsc_pd', 'me_pd', 'mt_pd', 'sd_pd', 'vt_pd', 'wy_pd', 'co_pd']) {
      const r = byId.get(id);
      expect(r, id).toBeDefined();
      expect(r!.cite_type, id).toBe('neutral');
    }
    expect(byId.get('il_pd')!.neutral_format).toBe('YEAR IL NUMBER');
    expect(byId.get('nmsc_pd')!.neutral_format).toBe('YEAR-NMSC-NUMBER');
    // Arkansas's neutral form reuses the old reporter's abbreviation; the switch date separates them
    expect(byId.get('ark')!.end! < byId.get('ark_pd')!.start!).toBe(true);
  });

  it('law reviews', () => {
    const journals = rows.filter((r) => r.cite_type === 'journal');
    expect(journals.length).toBeGreaterThanOrEqual(35);
    expect(journals.length).toBeLessThanOrEqual(60);
    for (const a of [
      'Harv. L. Rev.', 'Yale L.J.', 'Colum. L. Rev.', 'Stan. L. Rev.', 'U. Chi. L. Rev.', 'Mich. L. Rev.', 'Va. L. Rev.',
      'Cal. L. Rev.', 'N.Y.U. L. Rev.', 'Geo. L.J.', 'Nw. U. L. Rev.', 'Tex. L. Rev.', 'UCLA L. Rev.', 'Notre Dame L. Rev.',
      'Cornell L. Rev.', 'Duke L.J.', 'Minn. L. Rev.', 'Iowa L. Rev.', 'Vand. L. Rev.',
    ]) {
      expect(one(a).cite_type, a).toBe('journal');
      expect(one(a).source, a).toBe('bluebook-t13');
    }
  });
});
