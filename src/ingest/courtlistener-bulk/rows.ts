/** Rows of one bulk file as name → value objects, with malformed records turned into rejects (file, line, reason). */
import { ClearlyError } from '../../errors/index.js';
import { openBytes } from './open.js';
import { PgCsvTokenizer, type CsvRecord } from './pg-csv.js';
import { columnIndex, REQUIRED, tableOf, type TableKind } from './tables.js';

export interface BulkFile {
  path: string;
  kind: TableKind;
  header: string[];
  /** Decompressed offset and line just after the header row. */
  dataOffset: number;
  dataLine: number;
}

export type Row = Record<string, string | null>;

/** `nextLine`: where the following record starts (quoted values may span lines). */
export type RowEvent =
  | { ok: true; row: Row; line: number; nextLine: number; offset: number; end: number }
  | { ok: false; line: number; nextLine: number; offset: number; end: number; reason: string; excerpt: string };

export interface RowOptions {
  /** Decompressed offset / line to start at (resume); defaults to just after the header. */
  start?: number;
  startLine?: number;
  signal?: AbortSignal;
  onDiskBytes?: (n: number) => void;
  /**
   * Columns (among `names`) decoded only when `needed(value)` says so, given the row's other values by name
   * (see TokenizerOptions.deferred); a record of the wrong width always has them all.
   */
  deferred?: { names: readonly string[]; needed: (value: (name: string) => string | null) => boolean };
}

/** Reads the header row; null when the file is empty. */
export async function readHeader(path: string, signal?: AbortSignal): Promise<{ header: string[]; end: number } | null> {
  const tok = new PgCsvTokenizer({ maxRecordBytes: 1 << 20 });
  const gen = openBytes(path, signal ? { signal } : {});
  try {
    for await (const chunk of gen) {
      const recs = tok.push(chunk);
      if (recs.length) return fromRecord(recs[0]!);
    }
    const rest = tok.end();
    return rest.length ? fromRecord(rest[0]!) : null;
  } finally {
    await gen.return(undefined); // stops a decompressor that still has the rest of the file to go
  }
}

function fromRecord(r: CsvRecord): { header: string[]; end: number } {
  return { header: r.fields.map((f) => f ?? ''), end: r.end };
}

/** Identifies a file; null when its header is no table this importer reads. */
export async function describeFile(path: string, signal?: AbortSignal): Promise<BulkFile | null> {
  const h = await readHeader(path, signal);
  if (!h) return null;
  const kind = tableOf(h.header);
  return kind ? { path, kind, header: h.header, dataOffset: h.end, dataLine: 2 } : null;
}

export async function* readRows(file: BulkFile, names: readonly string[], opts: RowOptions = {}): AsyncGenerator<RowEvent> {
  const at = columnIndex(file.header, names);
  const missing = REQUIRED[file.kind].filter((c) => !at.has(c));
  if (missing.length) {
    throw new ClearlyError('bad_data', `${file.path}: the ${file.kind} header lacks column ${missing.join(', ')}`, { location: { file: file.path, line: 1 } });
  }
  const start = Math.max(opts.start ?? file.dataOffset, file.dataOffset);
  const width = file.header.length;
  const later = opts.deferred;
  const deferred = later && {
    columns: new Set(later.names.map((n) => at.get(n)).filter((i) => i !== undefined)),
    needed: (fields: readonly (string | null)[]): boolean => fields.length !== width || later.needed((name) => {
      const i = at.get(name);
      return i === undefined ? null : (fields[i] ?? null);
    }),
  };
  const tok = new PgCsvTokenizer({
    columns: new Set(at.values()), startOffset: start, startLine: start === file.dataOffset ? file.dataLine : (opts.startLine ?? file.dataLine),
    ...(deferred ? { deferred } : {}),
  });
  const toEvent = (r: CsvRecord): RowEvent | null => {
    const place = { line: r.line, nextLine: r.nextLine, offset: r.offset, end: r.end };
    if (r.error) return { ok: false, ...place, reason: r.error, excerpt: excerpt(r) };
    if (r.fields.length === 1 && r.fields[0] === null && width > 1) return null; // blank line
    if (r.fields.length !== width) {
      return { ok: false, ...place, reason: `expected ${width} fields, found ${r.fields.length}`, excerpt: excerpt(r) };
    }
    const row: Row = {};
    for (const name of names) {
      const i = at.get(name);
      row[name] = i === undefined ? null : (r.fields[i] ?? null); // columns an older export lacks read as NULL
    }
    return { ok: true, row, ...place };
  };
  const bytes = openBytes(file.path, { start, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onDiskBytes ? { onDiskBytes: opts.onDiskBytes } : {}) });
  let last = { nextLine: file.dataLine, end: start };
  try {
    for await (const chunk of bytes) {
      for (const r of tok.push(chunk)) {
        const e = toEvent(r);
        last = r;
        if (e) yield e;
      }
    }
    for (const r of tok.end()) {
      const e = toEvent(r);
      if (e) yield e;
    }
  } catch (err) {
    // A corrupt or truncated compressed file: what was read stands, the rest cannot be read.
    if (err instanceof ClearlyError && err.code === 'bad_data') {
      yield { ok: false, line: last.nextLine, nextLine: last.nextLine, offset: last.end, end: last.end, reason: `file unreadable from here on: ${err.message}`, excerpt: '' };
      return;
    }
    throw err;
  } finally {
    await bytes.return(undefined);
  }
}

function excerpt(r: CsvRecord): string {
  return r.fields.filter((f) => f !== null).join(',').slice(0, 200);
}

/** `^\d+$` → number; anything else → null (serial ids are never negative or fractional). */
export function intId(v: string | null | undefined): number | null {
  if (v === null || v === undefined || !/^\d{1,15}$/.test(v)) return null;
  return Number(v);
}
