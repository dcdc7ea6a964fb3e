/**
 * Opens a bulk file as a stream of decompressed bytes starting at a given decompressed offset. `.bz2` goes
 * through the `lbzip2` or `bzip2` program (Node has no bzip2; pure-JS decoders are about 5× slower), `.gz`
 * through zlib, anything else is read as is. Progress is counted in bytes of the file on disk.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { ClearlyError } from '../../errors/index.js';

export interface OpenOptions {
  /** Decompressed byte offset to start at (resume); bytes before it are skipped. */
  start?: number;
  signal?: AbortSignal;
  /** Called with the number of bytes of the file on disk read so far. */
  onDiskBytes?: (n: number) => void;
}

let bzip2Program: string | null | undefined;

/** `lbzip2` (parallel) when installed, else `bzip2`, else null. */
export function findBzip2(): string | null {
  if (bzip2Program !== undefined) return bzip2Program;
  for (const p of ['lbzip2', 'bzip2']) {
    const r = spawnSync(p, ['--help'], { stdio: 'ignore' });
    if (!r.error) return (bzip2Program = p);
  }
  return (bzip2Program = null);
}

export const isBz2 = (path: string): boolean => /\.bz2$/i.test(path);
const isGz = (path: string): boolean => /\.gz$/i.test(path);

export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch (err) {
    throw new ClearlyError('missing_input', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code}`, { location: { file: path }, cause: err });
  }
}

/** Decompressed bytes of `path` from `opts.start` on. Ending the iteration early stops the decompressor. */
export async function* openBytes(path: string, opts: OpenOptions = {}): AsyncGenerator<Buffer> {
  const start = opts.start ?? 0;
  const compressed = isBz2(path) || isGz(path);
  // A plain file can seek; a compressed one must be decompressed from the start and the prefix dropped.
  const raw = createReadStream(path, { start: compressed ? 0 : start, highWaterMark: 1 << 20 });
  let onDisk = compressed ? 0 : start;
  raw.on('data', (c) => opts.onDiskBytes?.((onDisk += (c as Buffer).length)));
  let source: Readable = raw;
  let stopChild: (() => void) | undefined;
  let childDone: Promise<void> | undefined;
  if (isBz2(path)) {
    const program = findBzip2();
    if (!program) {
      raw.destroy();
      throw new ClearlyError('missing_input', `cannot decompress ${path}: neither lbzip2 nor bzip2 is installed`, {
        hint: 'Install one (apt-get install lbzip2) or decompress the file first (bzip2 -dk FILE).', location: { file: path },
      });
    }
    const child = spawn(program, ['-dc'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 2000) stderr += c.toString();
    });
    child.stdin.on('error', () => {}); // EPIPE when we stop early
    raw.pipe(child.stdin);
    source = child.stdout;
    stopChild = () => {
      raw.destroy();
      if (child.exitCode === null) child.kill();
    };
    childDone = new Promise((resolve, reject) => {
      child.on('close', (code, sig) => {
        if (code === 0 || sig === 'SIGTERM') resolve();
        else reject(new ClearlyError('bad_data', `${path}: ${program} failed (${code ?? sig}): ${stderr.trim().split('\n')[0] ?? ''}`, { location: { file: path } }));
      });
      child.on('error', reject);
    });
  } else if (isGz(path)) {
    source = raw.pipe(createGunzip());
    raw.on('error', (e) => source.destroy(e));
  }
  const onAbort = (): void => {
    stopChild?.();
    source.destroy();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let skip = compressed ? start : 0;
  try {
    for await (const chunk of source) {
      let c = chunk as Buffer;
      if (skip > 0) {
        if (c.length <= skip) {
          skip -= c.length;
          continue;
        }
        c = c.subarray(skip);
        skip = 0;
      }
      yield c;
    }
    if (childDone) await childDone;
    if (opts.signal?.aborted) throw new ClearlyError('interrupted', `reading ${path} was interrupted`);
  } catch (err) {
    if (err instanceof ClearlyError) throw err;
    if ((err as { code?: string }).code === 'Z_DATA_ERROR') {
      throw new ClearlyError('bad_data', `${path}: not a valid gzip file (${(err as Error).message})`, { location: { file: path }, cause: err });
    }
    throw err;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    stopChild?.();
    if (!compressed) raw.destroy();
    else source.destroy();
    childDone?.catch(() => {}); // stopped early on purpose: its exit status no longer matters
  }
}
