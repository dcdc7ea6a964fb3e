/**
 * HTML → PDF through the system's headless Chromium (Debian's /usr/bin/chromium; never a downloaded browser).
 * A fresh profile directory and the flags below keep it from phoning home or touching the user's profile.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClearlyError } from '../errors/index.js';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLEARLY_CHROMIUM || CHROMIUM;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { if (stderr.length < 8192) stderr += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
  });
}

export async function htmlToPdf(html: string, opts: { chromium?: string; timeoutMs?: number } = {}): Promise<Buffer> {
  const bin = opts.chromium ?? chromiumPath();
  if (!existsSync(bin)) {
    throw new ClearlyError('missing_input', `PDF output needs Chromium, which was not found at ${bin}`, {
      hint: 'Install it (Debian/Ubuntu: apt-get install chromium), set CLEARLY_CHROMIUM to its path, or use --format html and print to PDF yourself.',
    });
  }
  const dir = await mkdtemp(join(tmpdir(), 'clearly-pdf-'));
  try {
    const input = join(dir, 'memo.html');
    const output = join(dir, 'memo.pdf');
    await writeFile(input, html);
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer',
      `--print-to-pdf=${output}`, `file://${input}`,
    ];
    const r = await run(bin, args, opts.timeoutMs ?? 60_000);
    const pdf = await readFile(output).catch(() => null);
    if (!pdf || pdf.subarray(0, 5).toString() !== '%PDF-') {
      throw new ClearlyError('cannot_write', `Chromium did not produce a PDF (exit ${r.code}): ${r.stderr.split('\n').find((l) => l.trim()) ?? 'no message'}`, {
        hint: 'Try --format html and print it from a browser.',
      });
    }
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
