import { createReadStream } from 'node:fs';

/**
 * A streaming CSV (RFC 4180) tokenizer that keeps the line each record starts on and recovers from bad rows.
 * We do not use csv-parse here because its recovery after a stray or unclosed quote swallows the following rows
 * (we measured it), and the ledger must account for every row; csv-parse stays the independent check in
 * check-real-data.ts. Memory is one chunk plus the current record.
 */
export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  fields: string[];
  /** The record's text including its line break. */
  raw: string;
  /** Set when the record is malformed; fields are then a best effort. */
  error?: string;
}

type Parsed = { fields: string[]; end: number; error?: string; unterminated?: boolean };

/** Parses one record starting at `i`; null when the buffer ends before the record does and more input may come. */
function parseOne(s: string, i: number, eof: boolean, delim: string): Parsed | null {
  const fields: string[] = [];
  let field = '';
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  let error: string | undefined;
  for (let j = i; ; j++) {
    if (j >= s.length) {
      if (!eof) return null;
      if (state === 'quoted') return { fields, end: s.length, unterminated: true };
      fields.push(field);
      return { fields, end: s.length, error };
    }
    const c = s[j]!;
    if (state === 'quoted') {
      if (c !== '"') field += c;
      else if (j + 1 >= s.length && !eof) return null;
      else if (s[j + 1] === '"') (field += '"'), j++;
      else state = 'closed';
      continue;
    }
    if (c === delim) {
      fields.push(field);
      field = '';
      state = 'start';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && j + 1 >= s.length && !eof) return null; // might be \r\n split across chunks
      fields.push(field);
      return { fields, end: c === '\r' && s[j + 1] === '\n' ? j + 2 : j + 1, error };
    } else if (c === '"' && state === 'start') {
      state = 'quoted';
    } else {
      // A quote inside an unquoted field (`12" pipe`) is read literally, as most exporters mean it; text after a
      // closing quote (`"a"b`) has no reading we can trust, so the record is flagged.
      if (state === 'closed') error ??= `text after a closing quote in field ${fields.length + 1}`;
      field += c;
      state = 'plain';
    }
  }
}

function countLines(raw: string): number {
  let n = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === 10 || (c === 13 && raw.charCodeAt(k + 1) !== 10)) n++;
  }
  return n;
}

function lineEnd(s: string, i: number): number {
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\n') return j + 1;
    if (s[j] === '\r') return s[j + 1] === '\n' ? j + 2 : j + 1;
  }
  return s.length;
}

/** Tokenizes text chunks into records. Blank lines are not records (they carry no data). */
export async function* csvRecords(chunks: AsyncIterable<string>, delimiter = ','): AsyncGenerator<CsvRecord> {
  const it = chunks[Symbol.asyncIterator]();
  let buf = '';
  let pos = 0;
  let line = 1;
  let eof = false;
  for (;;) {
    if (pos >= buf.length && eof) return;
    const r = pos >= buf.length ? null : parseOne(buf, pos, eof, delimiter);
    if (r === null) {
      const next = await it.next();
      if (next.done) eof = true;
      else {
        buf = buf.slice(pos) + next.value;
        pos = 0;
      }
      continue;
    }
    if (r.unterminated) {
      // An opening quote that never closes would otherwise eat the rest of the file: reject its first line and
      // resume on the next, so one bad cell costs one row.
      const end = lineEnd(buf, pos);
      yield { line, fields: r.fields, raw: buf.slice(pos, end), error: 'unterminated quoted field (a " never closes)' };
      line += 1;
      pos = end;
      continue;
    }
    const raw = buf.slice(pos, r.end);
    const start = line;
    line += countLines(raw);
    pos = r.end;
    if (r.fields.length === 1 && r.fields[0] === '' && !r.error) continue;
    yield r.error ? { line: start, fields: r.fields, raw, error: r.error } : { line: start, fields: r.fields, raw };
  }
}

/**
 * Decodes a file as UTF-8 in chunks. Invalid bytes become U+FFFD (which the readers then reject per row) rather
 * than failing the file; a leading BOM is dropped by TextDecoder.
 */
export async function* utf8Chunks(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
