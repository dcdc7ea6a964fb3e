import { describe, expect, it } from 'vitest';
import { citationConflicts } from './citation.js';
import { circuitsData, courtsData } from './data.js';
import { allCourts, circuitOfState, getCourt, stateFromName } from './index.js';
import { nameConflicts } from './names.js';

const courts = allCourts();
const byLevel = (level: string) => courts.filter((c) => c.level === level);
const isBap = (id: string) => id.startsWith('bap');
const STATES_AND_DC = ('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY ' +
  'NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY').split(' ');

// doctrine.md §2.2 (28 U.S.C. § 41), typed in independently of circuits.json.
const SECTION_41: Record<string, string> = {
  dc: 'DC', '1': 'ME MA NH PR RI', '2': 'CT NY VT', '3': 'DE NJ PA VI', '4': 'MD NC SC VA WV', '5': 'LA MS TX',
  '6': 'KY MI OH TN', '7': 'IL IN WI', '8': 'AR IA MN MO NE ND SD', '9': 'AK AZ CA HI ID MT NV OR WA GU MP',
  '10': 'CO KS NM OK UT WY', '11': 'AL FL GA',
};

describe('data/courts.json', () => {
  it('has unique ids and complete rows', () => {
    expect(new Set(courts.map((c) => c.id)).size).toBe(courts.length);
    for (const c of courts) {
      expect(c.id, JSON.stringify(c)).toMatch(/^[a-z0-9]+$/);
      expect(c.name && c.short_name && c.citation, c.id).toBeTruthy();
      expect(['federal', 'state'], c.id).toContain(c.jurisdiction);
      expect(Array.isArray(c.citation_variants) && Array.isArray(c.hosts), c.id).toBe(true);
    }
  });

  it('cites only sources listed in the file', () => {
    const keys = Object.keys(courtsData().sources);
    for (const c of courts) {
      expect(c.source.length, c.id).toBeGreaterThan(0);
      for (const s of c.source) expect(keys, `${c.id} cites ${s}`).toContain(s);
    }
  });

  it('points every appeals_to at an existing court, and only scotus and national courts lack one', () => {
    for (const c of courts) {
      if (c.appeals_to) expect(getCourt(c.appeals_to), `${c.id} → ${c.appeals_to}`).toBeDefined();
      else expect(['scotus', 'tax', 'jpml'], c.id).toContain(c.id);
    }
  });

  it('has the Supreme Court, 13 courts of appeals and 94 district courts', () => {
    expect(getCourt('scotus')?.level).toBe('supreme');
    expect(byLevel('appellate').map((c) => c.id).sort()).toEqual(
      ['ca1', 'ca2', 'ca3', 'ca4', 'ca5', 'ca6', 'ca7', 'ca8', 'ca9', 'ca10', 'ca11', 'cadc', 'cafc'].sort(),
    );
    expect(byLevel('district')).toHaveLength(94);
    for (const id of ['gud', 'nmid', 'vid', 'prd', 'dcd']) expect(getCourt(id)?.level).toBe('district');
  });

  it('places each district in its state\'s circuit and sends its appeals there', () => {
    for (const d of byLevel('district')) {
      expect(d.state, d.id).not.toBeNull();
      expect(d.circuit, d.id).toBe(circuitOfState(d.state!));
      expect(d.appeals_to, d.id).toBe(d.circuit === 'dc' ? 'cadc' : `ca${d.circuit}`);
    }
  });

  it('has one bankruptcy court per district outside the territories, under that district', () => {
    const bankr = byLevel('bankruptcy').filter((c) => !isBap(c.id));
    const territorial = new Set(['gud', 'nmid', 'vid']);
    expect(bankr).toHaveLength(94 - territorial.size);
    const served = new Set(bankr.map((b) => b.appeals_to));
    for (const d of byLevel('district')) expect(served.has(d.id), d.id).toBe(!territorial.has(d.id));
    for (const b of bankr) expect(getCourt(b.appeals_to!)?.state, b.id).toBe(b.state);
  });

  it('gives every state and D.C. a high court, and state courts their state\'s circuit', () => {
    for (const st of STATES_AND_DC) {
      expect(courts.some((c) => c.level === 'state_supreme' && c.state === st), st).toBe(true);
    }
    for (const c of courts.filter((x) => x.jurisdiction === 'state')) {
      expect(c.circuit, c.id).toBe(circuitOfState(c.state!));
      const up = getCourt(c.appeals_to!);
      if (c.level === 'state_appellate') expect(up?.state, c.id).toBe(c.state);
      else expect(c.appeals_to, c.id).toBe('scotus');
    }
  });

  it('has no citation form or name shared by two courts', () => {
    expect(citationConflicts()).toEqual([]);
    expect(nameConflicts()).toEqual([]);
  });
});

describe('data/circuits.json', () => {
  const { circuits, jurisdictions, sources } = circuitsData();

  it('matches 28 U.S.C. § 41 as summarised in doctrine.md §2.2', () => {
    expect(jurisdictions).toHaveLength(55);
    for (const [circuit, codes] of Object.entries(SECTION_41)) {
      for (const code of codes.split(' ')) expect(circuitOfState(code), code).toBe(circuit);
    }
    for (const j of jurisdictions) for (const s of j.source) expect(Object.keys(sources)).toContain(s);
  });

  it('lists the 13 circuits, each with its court and jurisdictions', () => {
    expect(circuits).toHaveLength(13);
    for (const c of circuits) {
      expect(getCourt(c.id)?.circuit, c.id).toBe(c.number);
      for (const code of c.jurisdictions) expect(circuitOfState(code), code).toBe(c.number);
      for (const s of c.source) expect(Object.keys(sources)).toContain(s);
    }
    expect(circuits.find((c) => c.id === 'cafc')?.jurisdictions).toEqual([]);
  });
});

describe('circuitOfState / stateFromName', () => {
  it('maps postal codes and names to circuits', () => {
    expect(circuitOfState('MA')).toBe('1');
    expect(circuitOfState('ma')).toBe('1');
    expect(circuitOfState('DC')).toBe('dc');
    expect(circuitOfState('Texas')).toBe('5');
    expect(circuitOfState('AS')).toBeUndefined(); // American Samoa: not in § 41
    expect(circuitOfState('XX')).toBeUndefined();
  });

  it('reads names, Bluebook abbreviations and postal codes', () => {
    expect(stateFromName('Massachusetts')).toBe('MA');
    expect(stateFromName('Mass.')).toBe('MA');
    expect(stateFromName('W. Va.')).toBe('WV');
    expect(stateFromName('west virginia')).toBe('WV');
    expect(stateFromName("Hawai'i")).toBe('HI');
    expect(stateFromName('U.S. Virgin Islands')).toBe('VI');
    expect(stateFromName('Commonwealth of Pennsylvania')).toBe('PA');
    expect(stateFromName('State of Ohio')).toBe('OH');
    expect(stateFromName('District of Columbia')).toBe('DC');
    expect(stateFromName('N. Mar. I.')).toBe('MP');
    expect(stateFromName('Narnia')).toBeUndefined();
  });
});
