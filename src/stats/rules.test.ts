import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyticsRules, grantDefinition, outcomeClass } from './rules.js';

const qiData = (name: string): string => new URL(`../../data/qi/${name}`, import.meta.url).pathname;

describe('analytics rules (data/stats/qi-analytics.json)', () => {
  it('classifies every doctrine.md §1.6 outcome code, each row with a source', () => {
    expect(outcomeClass('reverse_denial')).toBe('granted');
    expect(outcomeClass(' AFFIRM_DENIAL ')).toBe('denied');
    expect(outcomeClass('GVR')).toBe('excluded');
    expect(outcomeClass('NOT_A_CODE')).toBeUndefined();
    for (const r of analyticsRules().outcomes) expect(r.source).toMatch(/doctrine\.md §1\.6/);
    expect(grantDefinition()).toMatch(/^Grant rate = granted \/ \(granted \+ denied\)/);
  });

  // The QI module keeps its own outcome table (issue 4); the two must agree on which side won.
  it.skipIf(!existsSync(qiData('outcomes.json')))('agrees with data/qi/outcomes.json', () => {
    const theirs = (JSON.parse(readFileSync(qiData('outcomes.json'), 'utf8')) as { outcomes: { code: string; qi: string }[] }).outcomes;
    const expected = (qi: string): string => (['granted', 'denied', 'mixed'].includes(qi) ? qi : 'excluded');
    for (const o of theirs) expect(outcomeClass(o.code), o.code).toBe(expected(o.qi));
    expect(theirs.map((o) => o.code).sort()).toEqual(analyticsRules().outcomes.map((o) => o.code).sort());
  });

  it.skipIf(!existsSync(qiData('factors.json')))('names shooting factors that exist in data/qi/factors.json', () => {
    const ids = new Set((JSON.parse(readFileSync(qiData('factors.json'), 'utf8')) as { factors: { id: string }[] }).factors.map((f) => f.id));
    for (const f of analyticsRules().shooting_factors) expect(ids.has(f.id), f.id).toBe(true);
  });
});
