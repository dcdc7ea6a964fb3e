/**
 * Every command that opens the store takes the same store flags and --json. The help test spawns the built CLI
 * (bin/clearly.js over dist/: run `npm run build` first); the behaviour test runs `main` in this process, since
 * a spawn per command and flag costs seconds on a loaded machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FORMATS } from '../ingest/detect.js';
import { knownFormats } from '../ingest/index.js';
import { buildProgram, main } from './main.js';
import { STORE_FLAGS } from './store.js';

const BIN = new URL('../../bin/clearly.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'clearly-cli-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Commands that open no store, or (migrate-store) name both of theirs with --from and --to. */
const NO_STORE = ['cite', 'code', 'migrate-store'];

/** Every command a user runs, as its words: groups (`stats`, `payouts`) only hold subcommands. */
function commands(cmd: Command, path: string[] = []): string[][] {
  const here = cmd.parent ? [...path, cmd.name()] : [];
  const runnable = cmd.parent !== null && (cmd.commands.length === 0 || cmd.options.length > 0);
  return [...(runnable ? [here] : []), ...cmd.commands.flatMap((c) => commands(c, here))];
}

const ALL = commands(buildProgram());
const STORE = ALL.filter((c) => !NO_STORE.includes(c.join(' ')));

function help(words: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...words, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the store flags of the built CLI', () => {
  it('finds the commands, store-opening and not', () => {
    expect(STORE.map((c) => c.join(' '))).toEqual(expect.arrayContaining(['import', 'import courtlistener', 'search', 'serve', 'payouts summary', 'stats grant-rate']));
    expect(ALL.map((c) => c.join(' '))).toEqual(expect.arrayContaining(NO_STORE));
    expect(ALL.map((c) => c.join(' '))).not.toContain('stats');
  });

  it('lists --db, --database-url, --read-database-url, their variables and --json in every store-opening command\'s help', async () => {
    // Two at a time: the machine has two cores, and each start loads the whole CLI.
    const results: [string, Awaited<ReturnType<typeof help>>][] = [];
    for (let i = 0; i < ALL.length; i += 2) {
      const pair = ALL.slice(i, i + 2);
      results.push(...(await Promise.all(pair.map(async (w) => [w.join(' '), await help(w)] as [string, Awaited<ReturnType<typeof help>>]))));
    }
    for (const [name, r] of results) {
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stderr, name).toBe('');
      const text = r.stdout.replace(/\s+/g, ' ');
      expect(text, name).toMatch(/ --json\b/);
      const store = !NO_STORE.includes(name);
      for (const flag of STORE_FLAGS) expect(text.includes(` ${flag} <`), `${name} ${flag}`).toBe(store);
      if (store) for (const env of ['CLEARLY_DB', 'CLEARLY_DATABASE_URL', 'DATABASE_URL', 'CLEARLY_READ_DATABASE_URLS']) expect(text, `${name} ${env}`).toContain(env);
    }
  }, 180_000);
});

/** The words that bring each store-opening command to the point where it opens the store. */
const ARGS: Record<string, string[]> = {
  import: ['import', file('opinion.txt', 'Doe v. Roe, a fictional opinion.'), '--format', 'document'],
  'import courtlistener': ['import', 'courtlistener', '--query', 'taser'],
  search: ['search', 'taser'],
  case: ['case', '999 F.9th 1'],
  serve: ['serve', '--port', '0'],
  assess: ['assess', '--date', '2019-03-02', '--state', 'Ohio', '--facts', 'An officer used a taser.'],
  verify: ['verify', file('brief.txt', 'Plaintiff relies on Doe v. Roe, 999 F.3d 1 (6th Cir. 2019).')],
  'payouts import': ['payouts', 'import', file('payouts.csv', 'a,b\n1,2\n')],
  'payouts summary': ['payouts', 'summary', '--by', 'year'],
  'payouts link': ['payouts', 'link'],
  'payouts rejects': ['payouts', 'rejects', 'payouts.csv'],
  'stats grant-rate': ['stats', 'grant-rate', '--by', 'circuit'],
  'stats waistband': ['stats', 'waistband'],
};

describe('the store flags reach the store', () => {
  const ENV = ['CLEARLY_DB', 'CLEARLY_DATABASE_URL', 'DATABASE_URL', 'CLEARLY_READ_DATABASE_URLS', 'COURTLISTENER_TOKEN'];
  const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
  let stderr = '';
  beforeEach(() => {
    for (const k of ENV) delete process.env[k];
    stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { stderr += String(s); return true; });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const k of ENV) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
  });

  it('has arguments for exactly the store-opening commands', () => {
    expect(Object.keys(ARGS).sort()).toEqual(STORE.map((c) => c.join(' ')).sort());
  });

  // Each setting is refused or fails in its own way before any connection is made, so the message shows it got
  // to openStore: a URL of another database, a replica without a PostgreSQL primary, a file below /dev/null.
  const CASES: { flags: string[]; env?: Record<string, string>; code: number; says: string }[] = [
    { flags: ['--database-url', 'mysql://nobody@127.0.0.1:1/x'], code: 2, says: 'the database URL must start with postgres://' },
    {
      flags: ['--database-url', 'postgres://nobody@127.0.0.1:1/x', '--read-database-url', 'mysql://replica@127.0.0.1:1/x'],
      code: 2, says: 'read database URL mysql://replica@127.0.0.1:1/x must start with postgres://',
    },
    { flags: ['--db', join(dir, 'flag.db'), '--read-database-url', 'postgres://replica@127.0.0.1:1/x'], code: 2, says: 'need a PostgreSQL primary' },
    { flags: ['--db', '/dev/null/flag.db'], code: 73, says: '/dev/null/flag.db' },
    { flags: [], env: { CLEARLY_DB: '/dev/null/env.db' }, code: 73, says: '/dev/null/env.db' },
    { flags: [], env: { CLEARLY_DB: '/dev/null/env.db', CLEARLY_DATABASE_URL: 'mysql://env@127.0.0.1:1/x' }, code: 2, says: 'the database URL must start with postgres://' },
    { flags: [], env: { CLEARLY_DB: join(dir, 'env.db'), CLEARLY_READ_DATABASE_URLS: 'postgres://replica@127.0.0.1:1/x' }, code: 2, says: 'need a PostgreSQL primary' },
    // DATABASE_URL counts only as a PostgreSQL URL (it may belong to another program).
    { flags: ['--read-database-url', 'mysql://replica@127.0.0.1:1/x'], env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' }, code: 2, says: 'read database URL mysql://replica' },
    { flags: [], env: { DATABASE_URL: 'mysql://nobody@127.0.0.1:1/x', CLEARLY_DB: '/dev/null/env.db' }, code: 73, says: '/dev/null/env.db' },
  ];

  it.each(Object.entries(ARGS))('%s: --database-url, --read-database-url, --db and their variables', async (_name, args) => {
    for (const c of CASES) {
      stderr = '';
      for (const k of ENV) delete process.env[k];
      Object.assign(process.env, c.env ?? {});
      const code = await main([...args, ...c.flags]);
      expect([code, stderr], JSON.stringify(c)).toEqual([c.code, expect.stringContaining(c.says)]);
    }
  }, 60_000);
});

describe('one reader registry', () => {
  it('reads every format clearly import detects, and detects every format it reads', () => {
    expect([...knownFormats()].sort()).toEqual([...FORMATS].sort());
  });
});
