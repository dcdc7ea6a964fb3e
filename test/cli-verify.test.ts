/** End-to-end: `clearly verify` on text and DOCX briefs against the built-in knowledge base. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../src/assess/render-docx.js';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'clearly-verify-'));
const DB = join(dir, 'clearly.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// Real knowledge-base citations (Campbell, Baxter, Cole v. Carson), one that matches no case, one with an
// invented reporter, and a real citation under the wrong name — the shapes a fabricated brief takes.
const BRIEF = `Plaintiff relies on Campbell v. City of Springboro, 700 F.3d 779 (6th Cir. 2012), and Baxter v. Bracey,
751 F. App'x 869 (6th Cir. 2018). See also Cole v. Carson, 935 F.3d 444 (5th Cir. 2019) (en banc); Ghost v. Phantom,
123 F.3d 456 (6th Cir. 1999); Made Up v. Case, 77 F.6th 12 (6th Cir. 2024); Smith v. Jones, 700 F.3d 779 (6th Cir. 2012).`;

interface Report { citations: { text: string; case_name: string | null; status: string; warnings: { code: string }[] }[]; counts: Record<string, number> }

describe('clearly verify', () => {
  it('prints every case citation with its status and the QI warnings for a date and place', () => {
    const file = join(dir, 'brief.txt');
    writeFileSync(file, BRIEF);
    const r = run(['verify', file, '--db', DB, '--date', '2019-03-02', '--state', 'Ohio', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const by = (name: string) => report.citations.find((c) => c.case_name === name)!;
    expect(by('Campbell v. City of Springboro')).toMatchObject({ status: 'found', warnings: [] });
    expect(by('Baxter v. Bracey').warnings.map((w) => w.code)).toContain('unpublished');
    expect(by('Cole v. Carson').warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['after_incident', 'out_of_circuit']));
    expect(by('Ghost v. Phantom').status).toBe('not_found');
    expect(by('Made Up v. Case').status).toBe('unknown_reporter');
    expect(by('Smith v. Jones').warnings.map((w) => w.code)).toContain('name_mismatch');
    expect(report.counts).toMatchObject({ not_found: 1, unknown_reporter: 1 });
    expect(r.stderr).toMatch(/1 not found, 1 unknown reporter/);
  });

  it('reads a DOCX brief and prints a table without --json', async () => {
    const blocks = [{ kind: 'p' as const, runs: BRIEF.replace(/\n/g, ' ') }];
    const file = join(dir, 'brief.docx');
    writeFileSync(file, await renderDocx(blocks));
    const r = run(['verify', file, '--db', DB]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^found\s+Campbell v\. City of Springboro, 700 F\.3d 779 {2}→ Campbell v\. City of Springboro \(2012-11-29\)$/m);
    expect(r.stdout).toMatch(/^NOT FOUND\s+Ghost v\. Phantom, 123 F\.3d 456 {2}\(possibly fabricated/m);
  });

  it('rejects a bad date and reports a missing file', () => {
    const file = join(dir, 'brief.txt');
    writeFileSync(file, BRIEF);
    expect(run(['verify', file, '--db', DB, '--date', '03/02/2019']).code).toBe(2);
    expect(run(['verify', join(dir, 'nope.pdf'), '--db', DB]).code).toBe(66);
  });
});
