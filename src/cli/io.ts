/** Reading inputs for commands: files or stdin, with encoding detection that never silently garbles text. */
import { readFile, writeFile } from 'node:fs/promises';
import { ClearlyError } from '../errors/index.js';

export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new ClearlyError('input_too_large', `standard input exceeds ${MAX_INPUT_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface DecodedInput {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  name: string;
}

/** Decodes bytes: UTF-8 (with or without BOM), UTF-16 by BOM, else Windows-1252 with a warning. */
export function decode(bytes: Buffer, name: string): DecodedInput {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', name };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', name };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', name };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', name };
  }
}

export async function readInput(path: string): Promise<DecodedInput> {
  if (path === '-') return decode(await readStdin(), '<stdin>');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ClearlyError('missing_input', `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code}`, {
      location: { file: path },
      cause: err,
    });
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new ClearlyError('input_too_large', `${path} exceeds ${MAX_INPUT_BYTES} bytes`, { location: { file: path } });
  return decode(bytes, path);
}

/** The line to tell the user when the bytes were not UTF-8 and were read as Windows-1252. */
export function encodingNote(input: DecodedInput): string | undefined {
  return input.encoding === 'windows-1252' ? `${input.name} is not valid UTF-8; read it as Windows-1252` : undefined;
}

/**
 * A text or HTML input (a file, or `-` for stdin) for a command: the encoding note goes to stderr, and `html` is
 * the flag when given, else told from the name or content.
 */
export async function readTextInput(path: string, html: boolean | undefined): Promise<DecodedInput & { html: boolean }> {
  const input = await readInput(path);
  const note = encodingNote(input);
  if (note) say(`clearly: ${note}`);
  return { ...input, html: html ?? looksLikeHtml(input.name, input.text) };
}

export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (err) {
    throw new ClearlyError('cannot_write', `cannot write ${path}: ${(err as NodeJS.ErrnoException).code}`, { cause: err });
  }
}

/** Writes to stdout, resolving when flushed (large outputs must not be cut off by process exit). */
export function out(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function looksLikeHtml(name: string, text: string): boolean {
  if (/\.x?html?$/i.test(name)) return true;
  return /^\s*(?:<!doctype html|<html|<body|<div|<p[\s>]|<pre[\s>])/i.test(text.slice(0, 512));
}
