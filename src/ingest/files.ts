/**
 * Walking inputs and reading them line by line: directories expand to their files in a stable (sorted) order so a
 * resumed import meets them in the same order, `.gz` is decompressed on the fly, and every line carries its
 * 1-based number and the compressed bytes read so far (for the progress bar).
 */
import { closeSync, createReadStream, openSync, readSync, statSync, readdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { ClearlyError } from '../errors/index.js';

export interface InputFile {
  path: string;
  size: number;
}

/** Absolute paths of the files under `inputs` (directories recursed, hidden files skipped) that `accept` keeps. */
export function listFiles(inputs: string[], accept: (path: string) => boolean = () => true): InputFile[] {
  const out: InputFile[] = [];
  const visit = (path: string, top: boolean): void => {
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      throw new ClearlyError('missing_input', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message}`, {
        location: { file: path }, cause: err,
      });
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) visit(join(path, name), false);
    } else if (st.isFile() && (top || accept(path))) {
      out.push({ path, size: st.size });
    }
  };
  for (const input of inputs) visit(resolve(input), true);
  return out;
}

/** Gzip by name or, whatever the name, by its magic bytes (1f 8b). */
export function isGzip(path: string): boolean {
  if (/\.gz$/i.test(path)) return true;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The file's bytes as a stream, gunzipped when the name ends in `.gz`; `onRead` sees compressed bytes. */
export function openStream(path: string, onRead?: (n: number) => void): NodeJS.ReadableStream {
  const raw = createReadStream(path);
  if (onRead) raw.on('data', (chunk) => onRead((chunk as Buffer).length));
  return isGzip(path) ? raw.pipe(createGunzip()) : raw;
}

export interface Line {
  text: string;
  /** 1-based. */
  line: number;
}

/**
 * Lines of a (possibly gzipped) UTF-8 file. Splitting is done on raw bytes so a multi-byte character cut by a
 * chunk boundary is never garbled; a broken gzip stream surfaces as a `bad_data` error naming the file.
 */
export async function* readLines(path: string, onRead?: (n: number) => void): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8');
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  try {
    for await (const chunk of openStream(path, onRead)) {
      let buf = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        line++;
        yield { text: decoder.decode(buf.subarray(start, nl > start && buf[nl - 1] === 13 ? nl - 1 : nl)), line };
        start = nl + 1;
      }
      rest = buf.subarray(start);
      buf = rest;
    }
  } catch (err) {
    if (err instanceof ClearlyError) throw err;
    throw new ClearlyError('bad_data', `cannot read ${path} after line ${line}: ${(err as Error).message}`, {
      location: { file: path, line: line + 1 }, cause: err,
    });
  }
  if (rest.length) yield { text: decoder.decode(rest), line: line + 1 };
}

/** The first `n` bytes of a file, decompressed when gzipped (format detection peeks at content). */
export async function peek(path: string, n = 64 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = openStream(path);
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= n) break;
    }
  } catch {
    // A corrupt file still gets detected by whatever bytes came through; its reader reports the damage.
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  return Buffer.concat(chunks).subarray(0, n);
}

export function fileSize(path: string): number {
  return statSync(path).size;
}
