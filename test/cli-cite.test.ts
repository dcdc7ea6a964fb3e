/** End-to-end: the real `clearly` process, as a user runs it. Needs `npm run build` (npm test does it). */
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

describe('clearly cite', () => {
  it('prints one JSON array of citations with the contract fields', () => {
    const r = run(['cite', '-', '--json'], 'See Graham v. Connor, 490 U.S. 386, 396 (1989). Id. at 397.');
    expect(r.code).toBe(0);
    const cites = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(cites).toHaveLength(2);
    expect(cites[0]).toMatchObject({ type: 'case', volume: '490', reporter: 'U.S.', page: '386', pin_cite: '396', year: 1989, court: 'scotus', plaintiff: 'Graham', defendant: 'Connor', signal: 'See' });
    expect(cites[1]).toMatchObject({ type: 'id', pin_cite: '397', resolves_to: 0 });
    expect(r.stderr).toMatch(/2 citations/);
  });

  it('runs on the bundled example', () => {
    const r = run(['cite', new URL('../examples/opinion-excerpt.txt', import.meta.url).pathname]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Campbell v\. City of Springboro {2}700 F\.3d 779 {2}\(ca6 2012\)/);
    expect(r.stdout).toMatch(/withdrawn → #\d+/);
  });

  it('annotates HTML without breaking it', () => {
    const html = '<p>See <i>Graham v. Connor</i>, 490 U.S. 386 (1989).</p>';
    const r = run(['cite', '-', '--html', '--annotate'], html);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<span class="citation citation-case" data-index="0" data-group="g1" data-court="scotus">490 U.S. 386</span>');
    expect(r.stdout.replace(/<span[^>]*>|<\/span>/g, '')).toBe(html);
  });

  it('annotates plain text as escaped HTML', () => {
    const r = run(['cite', '-', '--annotate'], 'a <b> & 42 U.S.C. § 1983');
    expect(r.stdout).toBe('<pre>a &lt;b&gt; &amp; <span class="citation citation-statute" data-index="0">42 U.S.C. § 1983</span></pre>\n');
  });

  it('reads Windows-1252 input and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearly-'));
    const file = join(dir, 'brief.txt');
    writeFileSync(file, Buffer.from('Doe v. Roe, 1 F.3d 2 (1st Cir. 1993) \u00a7 caf\xe9', 'latin1'));
    const r = run(['cite', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toMatch(/not valid UTF-8/);
  });

  it('exits 66 for a missing file and 2 for bad usage, with a hint', () => {
    const missing = run(['cite', '/nonexistent/brief.txt']);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/missing_input.*no such file/);
    expect(missing.stderr).toMatch(/hint:/);
    expect(run(['cite']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['--help']).code).toBe(0);
  });
});
