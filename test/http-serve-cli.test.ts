/** End-to-end: `clearly serve` as a user runs it — listens on loopback, answers, stops cleanly on SIGTERM. Needs the build. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;

describe('clearly serve', () => {
  it('serves on a free loopback port and stops on SIGTERM', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'clearly-serve-')), 'c.db');
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    const { url, writes } = JSON.parse(line) as { url: string; writes: boolean };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(writes).toBe(false);
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', store: 'sqlite' });
    expect(health.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const code = await new Promise<number | null>((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
    expect(code).toBe(0);
    expect(stderr).toMatch(/Not legal advice/);
    expect(stderr).toMatch(/server stopped/);
  });

  it('refuses a bad port and a short token with usage errors', async () => {
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [BIN, 'serve', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      c.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      c.once('exit', (code) => resolve({ code, stderr }));
    });
    const port = await run(['--port', '99999']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/not a TCP port/);
    const token = await run(['--port', '0', '--db', ':memory:'], { CLEARLY_API_TOKEN: 'short' });
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/shorter than 16/);
  });
});
