/**
 * SVG → PNG with the system's headless Chromium (Debian's /usr/bin/chromium; never a downloaded browser). Runs
 * with a fresh profile directory and background networking off, so rendering a chart contacts nothing.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClearlyError } from '../errors/index.js';
import type { Chart } from './chart.js';

/** The browser binary: $CLEARLY_CHROMIUM, else /usr/bin/chromium. */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env.CLEARLY_CHROMIUM || '/usr/bin/chromium';

export async function renderPng(chart: Chart, out: string, opts: { chromium?: string; timeoutMs?: number } = {}): Promise<void> {
  const bin = opts.chromium ?? chromiumPath();
  try {
    await access(bin);
  } catch {
    throw new ClearlyError('missing_input', `cannot render PNG: Chromium not found at ${bin}`, {
      hint: 'Install it (apt-get install chromium) or set CLEARLY_CHROMIUM to its path; or write the chart with --svg instead.',
      location: { file: bin },
    });
  }
  const dir = await mkdtemp(join(tmpdir(), 'clearly-png-'));
  const target = resolve(out);
  try {
    const page = join(dir, 'chart.html');
    await writeFile(page, `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff}svg{display:block}</style></head><body>${chart.svg}</body></html>`);
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=2',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      `--user-data-dir=${join(dir, 'profile')}`, `--window-size=${chart.width},${chart.height}`, `--screenshot=${target}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((ok, fail) => {
      execFile(bin, args, { timeout: opts.timeoutMs ?? 60_000 }, (err, _stdout, stderr) => {
        if (err) fail(new ClearlyError('cannot_write', `Chromium failed to render ${out}: ${err.message.split('\n')[0]}`, { hint: `Chromium said: ${String(stderr).trim().split('\n').slice(-2).join(' ') || '(nothing)'}`, cause: err }));
        else ok();
      });
    });
    const size = await stat(target).then((s) => s.size, () => 0);
    if (size === 0) throw new ClearlyError('cannot_write', `Chromium ran but wrote no image to ${out}`, { location: { file: out } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
