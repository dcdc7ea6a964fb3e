/**
 * A streaming tokenizer for the CSV that PostgreSQL's `COPY … TO … WITH (FORMAT csv, ESCAPE '\', HEADER)` writes,
 * which is how CourtListener exports its bulk data:
 * - an unquoted empty field is NULL; a quoted empty field (`""`) is the empty string;
 * - inside quotes, `\"` is a quote and `\\` a backslash (ESCAPE '\'); a doubled `""` (the default ESCAPE) is
 *   accepted too — a backslash-escaped export never contains one inside a value, so this is unambiguous;
 * - quoted values may hold newlines and be many megabytes long.
 * It works on bytes so every record knows its byte offset (the resume point) and its 1-based starting line.
 * csv-parse handles the dialect too but gives neither exact byte offsets nor NULL vs "" without extra work.
 */

const QUOTE = 0x22;
const BSLASH = 0x5c;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvRecord {
  /** Field values; `null` for NULL, and for columns the caller asked to skip. */
  fields: (string | null)[];
  /** 1-based line on which the record starts. */
  line: number;
  /** Byte offset of the record's first byte, and of the byte after its line end. */
  offset: number;
  end: number;
  /** Line on which the next record starts (quoted values may span lines). */
  nextLine: number;
  /** Set when the record is malformed; `fields` then holds what could be read. */
  error?: string;
}

export interface TokenizerOptions {
  /** Decode only these column indexes (others come back null): a scan that needs two columns skips the text. */
  columns?: ReadonlySet<number>;
  /**
   * Columns decoded only when `needed(fields)`, asked once the rest of the record is decoded, says so (else they
   * come back null): the opinions' HTML renderings, wanted only when the plain text is empty, are megabytes of
   * strings made and dropped otherwise.
   */
  deferred?: Deferred;
  /** A record longer than this is rejected and reading resumes on the line after its start (unbalanced quote). */
  maxRecordBytes?: number;
  /** Absolute offset and line of the first byte pushed (when reading starts mid-file on resume). */
  startOffset?: number;
  startLine?: number;
}

const DEFAULT_MAX_RECORD = 256 * 1024 * 1024;

export interface Deferred {
  columns: ReadonlySet<number>;
  needed: (fields: readonly (string | null)[]) => boolean;
}

/** Where a deferred field's bytes are, to decode it once the record is read (the buffer is still the same). */
interface Later { index: number; start: number; end: number; quoted: boolean; slashes: boolean; pairs: boolean }

/** Bytes → records. `push` returns the records completed by a chunk; `end` returns the rest. */
export class PgCsvTokenizer {
  private chunks: Buffer[] = [];
  private pendingBytes = 0;
  // The unparsed tail lives at the start of a reused arena: allocating a fresh buffer per chunk cost more in page
  // faults and GC than the parsing itself.
  private arena: Buffer = Buffer.alloc(1 << 16);
  private used = 0;
  private offset: number; // absolute offset of the first unparsed byte
  private line: number; // line number at buf[0]
  private needed = 0; // don't retry an incomplete record until this many bytes are buffered (keeps long records linear)
  private readonly columns: ReadonlySet<number> | undefined;
  private readonly deferred: Deferred | undefined;
  private readonly maxRecord: number;

  constructor(opts: TokenizerOptions = {}) {
    this.columns = opts.columns;
    this.deferred = opts.deferred;
    this.maxRecord = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD;
    this.offset = opts.startOffset ?? 0;
    this.line = opts.startLine ?? 1;
  }

  push(chunk: Buffer): CsvRecord[] {
    this.chunks.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.used + this.pendingBytes < this.needed) return [];
    return this.drain(false);
  }

  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    let buf: Buffer;
    const inPlace = this.used === 0 && this.chunks.length === 1;
    if (inPlace) {
      buf = this.chunks[0]!; // nothing carried over: parse the chunk where it is
    } else {
      this.reserve(this.used + this.pendingBytes);
      for (const c of this.chunks) {
        c.copy(this.arena, this.used);
        this.used += c.length;
      }
      buf = this.arena.subarray(0, this.used);
    }
    this.chunks = [];
    this.pendingBytes = 0;
    const out: CsvRecord[] = [];
    const scan = new Scan(buf);
    let pos = 0;
    while (pos < buf.length) {
      const r = parseRecord(scan, pos, final, this.columns, this.deferred);
      if (r === null) {
        if (buf.length - pos > this.maxRecord) {
          // Runaway record (most likely an unbalanced quote): report it, then resynchronise on the next line.
          const nl = buf.indexOf(LF, pos);
          const stop = nl < 0 ? buf.length : nl + 1;
          const nextLine = this.line + (nl < 0 ? 0 : 1);
          out.push({ fields: [], line: this.line, offset: this.offset + pos, end: this.offset + stop, nextLine, error: `record longer than ${this.maxRecord} bytes (unbalanced quote?)` });
          this.line = nextLine;
          pos = stop;
          continue;
        }
        break;
      }
      const rec: CsvRecord = { fields: r.fields, line: this.line, offset: this.offset + pos, end: this.offset + r.next, nextLine: this.line + r.newlines };
      if (r.error) rec.error = r.error;
      out.push(rec);
      this.line = rec.nextLine;
      pos = r.next;
    }
    const rest = buf.length - pos;
    if (!inPlace) {
      this.arena.copyWithin(0, pos, buf.length);
    } else {
      this.reserve(rest);
      buf.copy(this.arena, 0, pos);
    }
    this.used = rest;
    this.offset += pos;
    this.needed = rest * 2;
    return out;
  }

  private reserve(n: number): void {
    if (n <= this.arena.length) return;
    const grown = Buffer.allocUnsafe(Math.max(n, this.arena.length * 2));
    this.arena.copy(grown, 0, 0, this.used);
    this.arena = grown;
  }
}

interface Parsed {
  fields: (string | null)[];
  next: number;
  newlines: number;
  error?: string;
}

/**
 * Positions of the next quote and backslash, cached for the whole buffer: recomputing them per record would
 * rescan to the buffer's end whenever one of the two is rare (quadratic on a chunk of short quoted rows).
 */
class Scan {
  private q = -2;
  private b = -2;
  constructor(readonly buf: Buffer) {}
  quote(i: number): number {
    if (this.q !== -1 && this.q < i) this.q = this.buf.indexOf(QUOTE, i);
    return this.q;
  }
  slash(i: number): number {
    if (this.b !== -1 && this.b < i) this.b = this.buf.indexOf(BSLASH, i);
    return this.b;
  }
}

/** Parses one record starting at `pos`; null when the buffer ends inside it (and more input may come). */
function parseRecord(
  scan: Scan, pos: number, final: boolean, columns: ReadonlySet<number> | undefined, deferred: Deferred | undefined,
): Parsed | null {
  const buf = scan.buf;
  const len = buf.length;
  const fields: (string | null)[] = [];
  let later: Later[] | undefined;
  let i = pos;
  let error: string | undefined;
  for (;;) {
    const defer = deferred !== undefined && deferred.columns.has(fields.length);
    const want = !defer && (columns === undefined || columns.has(fields.length));
    if (i < len && buf[i] === QUOTE) {
      const r = quoted(scan, i + 1, final, want, defer);
      if (r === null) return null;
      if (r.later && !r.error) (later ??= []).push({ index: fields.length, ...r.later });
      fields.push(r.value);
      i = r.next;
      if (r.error) return { fields, next: len, newlines: countLf(buf, pos, len), error: r.error };
      // After a closing quote only a delimiter or a line end may follow.
      if (i < len && buf[i] !== COMMA && buf[i] !== LF && buf[i] !== CR) {
        error ??= `unexpected character after the closing quote of field ${fields.length}`;
        while (i < len && buf[i] !== COMMA && buf[i] !== LF) i++;
      }
    } else {
      let e = i;
      while (e < len && buf[e] !== COMMA && buf[e] !== LF) e++;
      if (e >= len && !final) return null;
      const stop = e > i && buf[e - 1] === CR ? e - 1 : e;
      if (defer && stop > i) (later ??= []).push({ index: fields.length, start: i, end: stop, quoted: false, slashes: false, pairs: false });
      fields.push(stop === i || !want ? null : buf.toString('utf8', i, stop));
      i = e;
    }
    if (i >= len) {
      if (!final) return null;
      if (later) decodeLater(buf, fields, later, deferred!, error !== undefined);
      return finish(fields, len, countLf(buf, pos, len), error);
    }
    const c = buf[i];
    if (c === COMMA) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= len && !final) return null;
      if (buf[i + 1] === LF) i++;
    }
    if (later) decodeLater(buf, fields, later, deferred!, error !== undefined);
    return finish(fields, i + 1, countLf(buf, pos, i + 1), error);
  }
}

/** Decodes the record's deferred fields when the rest of it says they are needed (always in a malformed one). */
function decodeLater(buf: Buffer, fields: (string | null)[], later: Later[], deferred: Deferred, malformed: boolean): void {
  if (!malformed && !deferred.needed(fields)) return;
  for (const l of later) {
    const raw = buf.toString('utf8', l.start, l.end);
    fields[l.index] = l.quoted ? unescape(raw, l.slashes, l.pairs) : raw;
  }
}

/**
 * A quoted value whose content starts at `start`; null when the buffer ends inside it. The loop visits quotes
 * only (a quote preceded by an odd run of backslashes, or doubled, is data); the value is then decoded in one
 * piece and unescaped by a native regex replace, which is several times faster than assembling pieces.
 */
function quoted(
  scan: Scan, start: number, final: boolean, want: boolean, defer = false,
): { value: string | null; next: number; error?: string; later?: Omit<Later, 'index'> } | null {
  const buf = scan.buf;
  const len = buf.length;
  let i = start;
  let pairs = false;
  for (;;) {
    const q = scan.quote(i);
    if (q < 0) {
      if (!final) return null;
      return { value: want || defer ? unescape(buf.toString('utf8', start, len), true, false) : null, next: len, error: 'unterminated quoted field at end of file' };
    }
    let k = q - 1;
    while (k >= start && buf[k] === BSLASH) k--;
    if ((q - 1 - k) & 1) {
      i = q + 1; // \" is a quote
      continue;
    }
    if (q + 1 >= len && !final) return null;
    if (buf[q + 1] === QUOTE) {
      pairs = true; // "" is a quote
      i = q + 2;
      continue;
    }
    if (!want && !defer) return { value: null, next: q + 1 };
    const slash = scan.slash(start);
    if (defer) return { value: null, next: q + 1, later: { start, end: q, quoted: true, slashes: slash >= 0 && slash < q, pairs } };
    return { value: unescape(buf.toString('utf8', start, q), slash >= 0 && slash < q, pairs), next: q + 1 };
  }
}

const ESCAPED = /\\(["\\])/g;

function unescape(raw: string, slashes: boolean, pairs: boolean): string {
  // Most values escape only quotes; a plain string replace is about twice as fast as the regex.
  let v = !slashes ? raw : raw.includes('\\\\') ? raw.replace(ESCAPED, '$1') : raw.replaceAll('\\"', '"');
  if (pairs) v = v.replace(/""/g, '"');
  return v;
}

function finish(fields: (string | null)[], next: number, newlines: number, error: string | undefined): Parsed {
  return error ? { fields, next, newlines, error } : { fields, next, newlines };
}

/** Newlines in buf[from, to): quoted values may span lines, and reject messages need the right line. */
function countLf(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let j = buf.indexOf(LF, from); j >= 0 && j < to; j = buf.indexOf(LF, j + 1)) n++;
  return n;
}
