/** End-to-end: `clearly assess` as a user runs it, on the bundled example and the built-in knowledge base. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;
const EXAMPLE = new URL('../examples/incidents/ohio-k9-hands-raised.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'clearly-assess-'));
const DB = join(dir, 'clearly.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, CLEARLY_DB: DB } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface JsonPrecedent {
  case_name: string; citation: string | null; court: string | null; decision_date: string | null; eligible: boolean;
  ineligible_reason: string | null; score: number; matched_factors: string[]; distinguishing_factors: string[];
  relation_to_incident: string; rank: number;
}

describe('clearly assess', () => {
  it('prints the assessment as JSON: precedents in rank order with the contract fields', () => {
    const r = run(['assess', EXAMPLE, '--db', DB, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { precedents: JsonPrecedent[]; not_legal_advice: string; incident: { circuit: string } };
    expect(a.not_legal_advice).toMatch(/Not legal advice/);
    expect(a.incident.circuit).toBe('6');
    expect(a.precedents.map((p) => p.rank)).toEqual(a.precedents.map((_, i) => i + 1));
    for (const p of a.precedents) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['case_name', 'citation', 'court', 'decision_date', 'eligible', 'ineligible_reason', 'score', 'matched_factors', 'distinguishing_factors', 'relation_to_incident']));
      expect(p.eligible === (p.ineligible_reason === null)).toBe(true);
    }
    const campbell = a.precedents.find((p) => p.case_name === 'Campbell v. City of Springboro')!;
    expect(campbell).toMatchObject({ eligible: true, citation: '700 F.3d 779', relation_to_incident: 'controlling', distinguishing_factors: ['subject.surrendered_prone'] });
    const baxter = a.precedents.find((p) => p.case_name === 'Baxter v. Bracey')!;
    expect(baxter.eligible).toBe(false);
    expect(baxter.ineligible_reason).toMatch(/unpublished/);
    expect(baxter.matched_factors).toEqual(expect.arrayContaining(['force.k9_bite', 'subject.surrendered_hands_up']));
    // Eligible precedents come before the ineligible ones.
    const firstIneligible = a.precedents.findIndex((p) => !p.eligible);
    expect(a.precedents.slice(firstIneligible).every((p) => !p.eligible)).toBe(true);
    expect(r.stderr).toMatch(/eligible precedent.*Not legal advice/);
  });

  it('writes a Markdown memo whose every citation resolves to a case in the store (checked with clearly verify)', () => {
    const memo = join(dir, 'memo.md');
    const r = run(['assess', EXAMPLE, '--db', DB, '--out', memo]);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(memo, 'utf8');
    expect(md).toMatch(/^# Qualified immunity — research memo/);
    expect(md).toContain('| force.k9_bite |');
    expect(md).toContain('hands raised');
    expect(md.trimEnd().split('\n').at(-1)).toMatch(/Not legal advice/);
    const v = run(['verify', memo, '--db', DB, '--json']);
    expect(v.code, v.stderr).toBe(0);
    const report = JSON.parse(v.stdout) as { citations: { text: string; status: string }[] };
    expect(report.citations.length).toBeGreaterThan(10);
    expect(report.citations.filter((c) => c.status !== 'found')).toEqual([]);
  });

  it('takes the incident as flags, and writes DOCX to a file', () => {
    const out = join(dir, 'memo.docx');
    const r = run(['assess', '--date', '2019-03-02', '--state', 'Ohio', '--factor', 'force.k9_bite', '--factor', 'subject.surrendered_hands_up', '--db', DB, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('exits 65 naming the field and line of a bad incident, 66 for a missing file, 2 for bad usage', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'date: 2019-03-02\nstate: Ohio\nfactors:\n  - force.k9_bites\n');
    const r = run(['assess', bad, '--db', DB]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/bad_data.*factors\[0\]: unknown factor id "force.k9_bites".*bad\.yaml:4/);
    expect(r.stderr).toMatch(/hint: Did you mean force\.k9_bite/);
    expect(run(['assess', join(dir, 'nope.yaml'), '--db', DB]).code).toBe(66);
    expect(run(['assess', EXAMPLE, '--db', DB, '--format', 'rtf']).code).toBe(2);
    expect(run(['assess', '--db', DB]).code).toBe(2);
  });
});
