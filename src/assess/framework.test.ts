import { describe, expect, it } from 'vitest';
import { readQiJson } from '../qi/rules/data.js';
import { authority, FRAMEWORK, FRAMEWORK_FILE, loadFramework, validateFramework } from './framework.js';

const row = (over: Record<string, unknown> = {}) => ({
  key: 'doe', name: 'Doe v. Roe', citation: '999 F.9th 1', year: 2099, proposition: 'a fictional proposition',
  doctrine_ref: '§0', source: 'example.invalid/doe', verified: false, ...over,
});

describe('framework data (data/qi/framework.json)', () => {
  it('loads the shipped file: every row sourced, flagged and keyed once', () => {
    expect(validateFramework(readQiJson(FRAMEWORK_FILE))).toEqual([]);
    expect(FRAMEWORK.length).toBeGreaterThan(10);
    expect(new Set(FRAMEWORK.map((a) => a.key)).size).toBe(FRAMEWORK.length);
    for (const a of FRAMEWORK) {
      expect(a.source.length).toBeGreaterThan(0);
      expect(typeof a.verified).toBe('boolean');
    }
    expect(authority('harlow').name).toMatch(/Harlow/);
  });

  it('carries what doctrine.md leaves unverified into the row', () => {
    const unverified = FRAMEWORK.filter((a) => a.unverified);
    expect(unverified.length).toBeGreaterThan(0);
    expect(FRAMEWORK.filter((a) => !a.verified).every((a) => a.unverified)).toBe(true);
  });

  it('reports each broken row and refuses to load the file', () => {
    const file = { rows: [row(), row({ name: 'Nobody', citation: 'F.9th', verified: 'yes' }), row({ source: '' }), row({ key: 'x', year: 20 })] };
    const issues = validateFramework(file);
    expect(issues).toEqual(expect.arrayContaining([
      'doe: duplicate key', 'doe: citation must read "volume reporter page"', 'doe: verified must be true or false',
      'doe: name must be a case name ("A v. B")', 'doe: source missing', 'x: year must be a year',
    ]));
    expect(() => loadFramework(file)).toThrow(/framework\.json: doe: duplicate key/);
    expect(() => loadFramework({})).toThrow(/rows: missing/);
    expect(loadFramework({ rows: [row({ unverified: 'the page' })] })[0]).toMatchObject({ key: 'doe', section: '§0', unverified: 'the page' });
  });

  it('fails loudly on an unknown key', () => {
    expect(() => authority('no-such-key')).toThrow(/missing/);
  });
});
