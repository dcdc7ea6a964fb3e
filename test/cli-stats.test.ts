/** End-to-end: `clearly stats …` over the fictional demo corpus (src/stats/demo-corpus.ts). Needs `npm run build`. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTS, demoDecisions, writeDemoCorpus } from '../src/stats/demo-corpus.js';
import { wilson } from '../src/stats/wilson.js';
import { openStore } from '../src/store/index.js';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'clearly-stats-'));
const db = join(dir, 'demo.db');

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CLEARLY_DB: '', CLEARLY_DATABASE_URL: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  const store = await openStore({ db, env: {} });
  await writeDemoCorpus(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row { key: string; decisions: number; granted: number; denied: number; mixed: number; excluded: number; rate: number | null; ci_low: number | null; ci_high: number | null }

describe('clearly stats', { timeout: 120_000 }, () => {
  it('prints grant rates by circuit with counts and Wilson intervals, and writes the SVG chart', () => {
    const svg = join(dir, 'c.svg');
    const r = run(['stats', 'grant-rate', '--by', 'circuit', '--db', db, '--json', '--svg', svg]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { rows: Row[]; overall: Row; not_qi: number; definition: string; notice: string };
    expect(report.rows.map((x) => x.key)).toEqual(['5', '6', '9', '11']);
    for (const row of report.rows) {
      const want = DEMO_COUNTS[row.key]!;
      expect(row).toMatchObject({ ...want, decisions: want.granted + want.denied + want.mixed + want.excluded });
      expect(row.rate).toBeCloseTo(want.granted / (want.granted + want.denied), 12);
      expect(row.ci_low).toBeCloseTo(wilson(want.granted, want.granted + want.denied)!.low, 12);
    }
    expect(report.overall).toMatchObject({ decisions: 65, granted: 38, denied: 22, mixed: 2, excluded: 3 });
    expect(report.not_qi).toBe(2);
    expect(report.notice).toMatch(/not legal advice/);
    const chart = readFileSync(svg, 'utf8');
    expect(chart).toContain('5th Cir.');
    expect(chart).toContain('78% [55%–91%]  n=18');
    expect(r.stderr).toMatch(/chart written to/);
  });

  it('exports rates by year period as CSV', () => {
    const r = run(['stats', 'grant-rate', '--by', 'year', '--period', '3', '--db', db, '--csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('year,decisions,granted,denied,mixed,excluded,grant_rate,ci95_low,ci95_high');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['year', '2010–2012', '2013–2015', '2016–2018', '2019–2021', 'all']);
    const ds = demoDecisions().filter((d) => d.year <= 2012);
    expect(lines[1]!.split(',').slice(1, 3).map(Number)).toEqual([ds.length, ds.filter((d) => d.result === 'granted').length]);
  });

  it('compares shooting cases with and without the waistband claim', () => {
    const r = run(['stats', 'waistband', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const w = JSON.parse(r.stdout) as { shooting_decisions: number; with_claim: number; outcomes: { with_claim: Row; without_claim: Row }; difference: { diff: number } };
    const shootings = demoDecisions().filter((d) => d.force === 'force.firearm');
    const claimed = shootings.filter((d) => d.waistband);
    expect(w).toMatchObject({ shooting_decisions: shootings.length, with_claim: claimed.length });
    expect(w.outcomes.with_claim.granted).toBe(claimed.filter((d) => d.result === 'granted').length);
    expect(w.outcomes.without_claim.denied).toBe(shootings.filter((d) => !d.waistband && d.result === 'denied').length);
    expect(w.difference.diff).toBeGreaterThan(0);
  });

  it('refuses an unknown dimension and an empty store says so', () => {
    const bad = run(['stats', 'grant-rate', '--by', 'colour', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--by must be one of circuit, year, posture, right, force/);
    const empty = run(['stats', 'grant-rate', '--by', 'force', '--db', join(dir, 'empty.db')]);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toMatch(/no coded QI decisions/);
    expect(empty.stdout).toMatch(/^all\s+0\s+0/m);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('writes a PNG chart with Chromium', () => {
    const png = join(dir, 'c.png');
    const r = run(['stats', 'grant-rate', '--by', 'posture', '--db', db, '--png', png]);
    expect(r.code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });
});
