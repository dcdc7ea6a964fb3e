/** End-to-end: `clearly code` as a user runs it. Needs `npm run build` (npm test does it). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;

function run(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const OPINION = [
  'Officer Roe appeals the district court’s denial of his motion for summary judgment on qualified immunity.',
  'Officials are entitled to qualified immunity unless they violate clearly established rights of which a reasonable person would have known. Harlow v. Fitzgerald, 457 U.S. 800, 818 (1982).',
  'Roe released a police dog on Doe, who was sitting with his hands raised. According to Roe, Doe reached for his waistband.',
  'Doe relies on Able v. Baker, 10 F.3d 20 (6th Cir. 1994), but that case is distinguishable because the suspect there was lying on the ground.',
  'We need not decide whether Roe violated the Fourth Amendment, because the right was not clearly established. Roe is entitled to qualified immunity.',
  'We reverse.',
].join(' ');

describe('clearly code', () => {
  it('prints one JSON object with the contract fields', () => {
    const r = run(['code', '-', '--json'], OPINION);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(c).toMatchObject({
      decides_qi: true,
      outcome: 'REVERSE_DENIAL',
      prong1: 'not_reached',
      prong2: 'not_clearly_established',
      posture: 'interlocutory_appeal',
      right: 'fourth_amendment_excessive_force',
      coded_by: { coder: 'machine', method: 'clearly rules' },
    });
    const factors = c.factors as { id: string; evidence: string; confidence: number }[];
    expect(factors.map((f) => f.id)).toEqual(expect.arrayContaining(['force.k9_bite', 'subject.surrendered_hands_up']));
    for (const f of factors) expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'evidence', 'confidence']));
    const precedents = c.precedents as { citation: string; case_name: string | null; relation: string }[];
    expect(precedents).toContainEqual(expect.objectContaining({ citation: '10 F.3d 20', case_name: 'Able v. Baker', relation: 'distinguished' }));
    expect(precedents).toContainEqual(expect.objectContaining({ citation: '457 U.S. 800', relation: 'general_standard' }));
    expect(c.officer_claims).toContainEqual(expect.objectContaining({ id: 'reached_for_waistband' }));
    expect(r.stderr).toMatch(/not legal advice/i);
  });

  it('prints a readable summary and says it is not legal advice on stderr', () => {
    const r = run(['code', '-'], OPINION);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Decides qualified immunity: yes — REVERSE_DENIAL/);
    expect(r.stdout).toMatch(/force\.k9_bite/);
    expect(r.stdout).not.toMatch(/legal advice/i);
    expect(r.stderr).toMatch(/Not legal advice/);
  });

  it('reads an HTML file and codes an opinion that does not decide QI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearly-code-'));
    const file = join(dir, 'opinion.html');
    writeFileSync(file, '<html><body><p>Doe appeals his conviction for burglary.</p><p>The motion to suppress was properly denied. We affirm.</p></body></html>');
    const r = run(['code', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ decides_qi: false, outcome: null, prong1: null, prong2: null, precedents: [] });
  });

  it('fails clearly on empty input', () => {
    const empty = run(['code', '-', '--json'], '   ');
    expect(empty.code).toBe(65);
    expect(empty.stderr).toMatch(/<stdin> is empty/);
    expect(empty.stdout).toBe('');
  });
});
