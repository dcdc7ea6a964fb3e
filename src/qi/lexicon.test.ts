import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRows, type PatternRow } from './lexicon.js';

const DIR = new URL('../../data/qi/', import.meta.url);
const lexicons = readdirSync(DIR).filter((f) => /^lexicon-.*\.json$/.test(f));

/** Every array of pattern rows anywhere in a lexicon file. */
function rowsOf(node: unknown, out: PatternRow[] = []): PatternRow[] {
  if (Array.isArray(node)) {
    if (node.every((r) => r && typeof r === 'object' && 'pattern' in r)) out.push(...(node as PatternRow[]));
    else for (const x of node) rowsOf(x, out);
  } else if (node && typeof node === 'object') {
    for (const v of Object.values(node)) rowsOf(v, out);
  }
  return out;
}

describe('QI lexicons (data/qi/lexicon-*.json)', () => {
  it.each(lexicons)('%s: a version, and every row compiles with an id, a rationale and a known source', (file) => {
    const data = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as { version: string; sources: Record<string, string> };
    expect(data.version).toBeTruthy();
    const rows = rowsOf(data);
    expect(rows.length).toBeGreaterThan(0);
    expect(() => compileRows(file, rows)).not.toThrow();
    for (const r of rows) {
      expect(r.id, file).toBeTruthy();
      expect(r.rationale, `${file} ${r.id}`).toBeTruthy();
      if (r.source) expect(Object.keys(data.sources), `${file} ${r.id}`).toContain(r.source);
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('has lexicons for every part of the coding', () => {
    expect(lexicons.sort()).toEqual(['lexicon-claims.json', 'lexicon-dispositions.json', 'lexicon-factors.json', 'lexicon-holdings.json', 'lexicon-posture.json', 'lexicon-precedents.json', 'lexicon-prongs.json', 'lexicon-rights.json']);
  });
});
