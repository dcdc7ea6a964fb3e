/**
 * Every temporary file a test run makes goes under one directory, removed when the run ends: tests (and the CLI
 * processes they start, which inherit the environment) create theirs with mkdtemp under os.tmpdir(), which reads
 * TMPDIR, and vitest forks its workers after this runs. A run that is killed leaves the one directory behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'clearly-test-'));
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
