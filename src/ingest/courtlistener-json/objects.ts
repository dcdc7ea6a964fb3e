/**
 * Every JSON object in the inputs, in order: one per line of `.jsonl`, each element of a `.json` array (or of an
 * API page's `results`), or the single object of a `.json` file; `.gz` either way. A line that is not JSON
 * becomes an error record naming its file and line, and reading goes on.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { isGzip, readLines, type InputFile } from '../files.js';
import type { Obj } from './records.js';

export interface JsonRecord {
  obj?: Obj;
  error?: string;
  excerpt?: string;
  fileIdx: number;
  file: string;
  /** 1-based position in the file: the line for JSONL, the element for a JSON array. */
  pos: number;
  /** Set for JSONL, where `pos` is a line number. */
  line?: number;
}

export const isJsonl = (path: string): boolean => /\.(jsonl|ndjson)(\.gz)?$/i.test(path);
export const JSON_FILE = /\.(json|jsonl|ndjson)(\.gz)?$/i;

export async function* jsonRecords(files: InputFile[], from = { f: 0, p: 0 }, onRead?: (n: number) => void): AsyncGenerator<JsonRecord> {
  for (let fileIdx = from.f; fileIdx < files.length; fileIdx++) {
    const file = files[fileIdx]!.path;
    const skipTo = fileIdx === from.f ? from.p : 0;
    if (isJsonl(file) || !/\.json(\.gz)?$/i.test(file)) {
      for await (const { text, line } of readLines(file, onRead)) {
        if (line < skipTo || !text.trim()) continue;
        yield parseLine(text, fileIdx, file, line);
      }
      continue;
    }
    let raw: Buffer;
    try {
      raw = await readFile(file);
      onRead?.(raw.length);
      if (isGzip(file)) raw = gunzipSync(raw);
    } catch (err) {
      yield { error: `cannot read: ${(err as Error).message}`, fileIdx, file, pos: 1 };
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch (err) {
      // A file holding JSON Lines under a .json name is common; try it that way before giving up.
      const text = raw.toString('utf8');
      if (text.trim().includes('\n')) {
        let line = 0;
        for (const l of text.split('\n')) {
          line++;
          if (line >= skipTo && l.trim()) yield parseLine(l, fileIdx, file, line);
        }
        continue;
      }
      yield { error: `not valid JSON: ${(err as Error).message}`, excerpt: text.slice(0, 200), fileIdx, file, pos: 1 };
      continue;
    }
    const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' && Array.isArray((parsed as Obj).results) ? (parsed as Obj).results as unknown[] : [parsed];
    for (let i = Math.max(0, skipTo - 1); i < list.length; i++) {
      const obj = list[i];
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) yield { obj: obj as Obj, fileIdx, file, pos: i + 1 };
      else yield { error: 'element is not a JSON object', excerpt: JSON.stringify(obj)?.slice(0, 200), fileIdx, file, pos: i + 1 };
    }
  }
}

function parseLine(text: string, fileIdx: number, file: string, line: number): JsonRecord {
  try {
    const obj = JSON.parse(text) as unknown;
    if (obj && typeof obj === 'object' && !Array.isArray(obj)) return { obj: obj as Obj, fileIdx, file, pos: line, line };
    return { error: 'line is not a JSON object', excerpt: text.slice(0, 200), fileIdx, file, pos: line, line };
  } catch (err) {
    return { error: `broken JSON: ${(err as Error).message}`, excerpt: text.slice(0, 200), fileIdx, file, pos: line, line };
  }
}
