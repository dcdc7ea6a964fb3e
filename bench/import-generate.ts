/**
 * The benchmark corpus: the real opinions in ../shared/data/opinions/ expanded into CourtListener bulk files of
 * N opinions (new ids, same texts). Clusters, dockets, citations and a citation map are written beside the
 * opinions in the export's real format. Every fifth cluster gets a second opinion (a dissent) about fifty rows
 * later, as happens in CourtListener's id-ordered file, so the join's waiting buffer is exercised.
 * The data stays in a temp directory: it is never committed or shipped.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { resolveCourt } from '../src/courts/index.js';
import { EXPORT_COLUMNS } from '../src/ingest/courtlistener-bulk/export-columns.js';
import { pgCsvRow, pgCsvValue, type CsvValue } from '../src/ingest/courtlistener-bulk/pg-csv-write.js';

export const DATA_DIR = fileURLToPath(new URL('../../shared/data/opinions/', import.meta.url));

export interface Source {
  clId: string;
  plain: string;
  html: string;
  caseName: string;
  court: string | null;
  date: string | null;
  citation: string | null;
  cited: string[];
}

const titleCase = (slug: string): string =>
  slug.split('-').map((w) => (w === 'v' ? 'v.' : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');

/** Both files' opinions with what metadata they have; undefined when the data folder is absent. */
export function loadSources(): Source[] | undefined {
  const files = ['ca1-courtlistener-v3-opinions.jsonl.gz', 'mixed-courts-sample.jsonl.gz'].filter((f) => existsSync(DATA_DIR + f));
  if (!files.length) return undefined;
  const out: Source[] = [];
  for (const file of files) {
    for (const line of gunzipSync(readFileSync(DATA_DIR + file)).toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as Record<string, unknown>;
      const str = (k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
      if (o.courtlistener_opinion_id !== undefined) {
        out.push({ clId: String(o.courtlistener_opinion_id), plain: str('plain_text'), html: '', caseName: str('case_name'),
          court: resolveCourt(str('court'))?.court.id ?? null, date: str('date').slice(0, 10) || null, citation: str('citation') || null, cited: [] });
      } else {
        const slug = /\/opinion\/\d+\/([^/]+)\//.exec(str('absolute_url'))?.[1] ?? 'unknown';
        out.push({ clId: String(o.id), plain: str('plain_text'), html: str('html_with_citations'), caseName: titleCase(slug),
          court: /\b(ca\d+|cadc|cafc)\.uscourts\.gov/.exec(str('download_url'))?.[1] ?? null,
          // No decision date in an opinion object; the record's creation date stands in (benchmark data only).
          date: str('date_created').slice(0, 10) || null, citation: null,
          cited: ((o.opinions_cited as string[] | undefined) ?? []).map((u) => /\/(\d+)\/$/.exec(u)?.[1] ?? '') });
      }
    }
  }
  return out.filter((s) => s.plain.trim() || s.html.trim()); // some sample records carry no text at all
}

/** A gzip member holding `text` uncompressed (one stored deflate block): no zlib setup for a few bytes. */
function storedMember(text: string): Buffer {
  const data = Buffer.from(text, 'utf8');
  if (data.length > 0xffff) throw new Error('storedMember: at most 65535 bytes');
  const b = Buffer.alloc(10 + 5 + data.length + 8);
  b.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]); // magic, deflate, no flags, no mtime, unknown OS
  b[10] = 1; // final stored block
  b.writeUInt16LE(data.length, 11);
  b.writeUInt16LE(~data.length & 0xffff, 13);
  data.copy(b, 15);
  b.writeUInt32LE(crc32(data), 15 + data.length);
  b.writeUInt32LE(data.length, 19 + data.length);
  return b;
}

/**
 * Buffered writes to one CSV file, plain or gzipped. Gzipped, the file is a series of gzip members (one stream to
 * any gunzip): text written with `write` is compressed as it is flushed, and `member` appends one already
 * compressed, so an opinion text repeated across the corpus is compressed once, not once per copy.
 */
class Out {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  private members: Buffer[] = [];
  private membersSize = 0;
  constructor(readonly path: string, columns: readonly string[], private readonly gz = false) {
    this.fd = openSync(path, 'w');
    this.write(columns.join(',') + '\n');
  }
  row(columns: readonly string[], r: Record<string, CsvValue>): void {
    this.write(pgCsvRow(columns.map((c) => r[c])));
  }
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 4 << 20) this.flush();
  }
  member(compressed: Buffer): void {
    this.flushText();
    this.push(compressed);
  }
  private push(b: Buffer): void {
    this.members.push(b);
    this.membersSize += b.length;
    if (this.membersSize > 4 << 20) this.flushMembers();
  }
  private flushText(): void {
    if (!this.parts.length) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.gz) this.push(text.length < 4096 ? storedMember(text) : gzipSync(text, { level: 1 }));
    else writeSync(this.fd, text);
  }
  private flushMembers(): void {
    if (this.members.length) writeSync(this.fd, Buffer.concat(this.members));
    this.members = [];
    this.membersSize = 0;
  }
  flush(): void {
    this.flushText();
    this.flushMembers();
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface Generated {
  opinions: number;
  clusters: number;
  /** Bytes of the CSV files as the import reads them (compressed when bz2). */
  bytes: number;
  files: string[];
}

export function generate(dir: string, n: number, sources: Source[], opts: { text: 'both' | 'plain'; bz2: boolean; gz?: boolean }): Generated {
  const C = EXPORT_COLUMNS;
  const gz = opts.gz === true && !opts.bz2;
  const ext = gz ? '.csv.gz' : '.csv';
  const out = {
    opinions: new Out(join(dir, `opinions-bench${ext}`), C.opinions, gz),
    clusters: new Out(join(dir, `opinion-clusters-bench${ext}`), C.clusters, gz),
    dockets: new Out(join(dir, `dockets-bench${ext}`), C.dockets, gz),
    citations: new Out(join(dir, `citations-bench${ext}`), C.citations, gz),
    cmap: new Out(join(dir, `citation-map-bench${ext}`), C['citation-map'], gz),
  };
  const S = sources.length;
  // Escaping megabytes of text per row dominated generation: each source text is escaped once and reused.
  const escaped = sources.map((s) => ({ plain: pgCsvValue(s.plain), html: pgCsvValue(s.html) }));
  const opinionRow = (values: Record<string, string>): string => C.opinions.map((c) => values[c] ?? '').join(',') + '\n';
  // Gzipped: a row is its own fields up to plain_text, then the source's columns from plain_text to just before
  // cluster_id (the same for every copy, compressed once), then cluster_id.
  const first = C.opinions.indexOf('plain_text');
  const last = C.opinions.indexOf('cluster_id');
  if (gz && (first < 0 || last !== C.opinions.length - 1)) throw new Error('import-generate: unexpected opinions columns');
  const middles = new Map<number, Buffer>();
  const middle = (j: number, values: Record<string, string>): Buffer => {
    let m = middles.get(j);
    if (!m) {
      m = gzipSync(C.opinions.slice(first, last).map((c) => values[c] ?? '').join(',') + ',', { level: 6 });
      middles.set(j, m);
    }
    return m;
  };
  const indexOf = new Map(sources.map((s, i) => [s.clId, i]));
  const late: number[] = [];
  let clusters = 0;
  let citationId = 0;
  let mapId = 0;
  for (let i = 0; i < n; i++) {
    const id = i + 1;
    const copy = Math.floor(i / S);
    const src = sources[i % S]!;
    let cluster: number;
    let type = '010combined';
    if (i % 6 === 5 && late.length >= 8) {
      cluster = late.shift()!;
      type = '040dissent';
    } else {
      cluster = ++clusters;
      if (cluster % 5 === 0) late.push(cluster);
      out.dockets.row(C.dockets, { id: cluster, court_id: src.court, docket_number: `B-${cluster}`, case_name: src.caseName, source: 0 });
      out.clusters.row(C.clusters, { id: cluster, docket_id: cluster, case_name: src.caseName, date_filed: src.date, date_filed_is_approximate: false,
        slug: src.caseName.toLowerCase().replace(/[^a-z0-9]+/g, '-'), precedential_status: 'Published', citation_count: 0 });
      const cite = copy === 0 && src.citation ? /^(\d+) (.+) (\d+)$/.exec(src.citation) : null;
      if (cite) out.citations.row(C.citations, { id: ++citationId, volume: cite[1], reporter: cite[2], page: cite[3], type: 1, cluster_id: cluster });
    }
    const esc = escaped[i % S]!;
    const values = { id: `"${id}"`, type: `"${type}"`, per_curiam: '"f"', author_str: '""', plain_text: esc.plain,
      html_with_citations: opts.text === 'both' || !src.plain ? esc.html : '""', html: '""', extracted_by_ocr: '"f"', cluster_id: `"${cluster}"` };
    if (!gz) out.opinions.write(opinionRow(values));
    else {
      out.opinions.write(C.opinions.slice(0, first).map((c) => (values as Record<string, string>)[c] ?? '').join(',') + ',');
      out.opinions.member(middle(i % S, values));
      out.opinions.write(`${values.cluster_id}\n`);
    }
    for (const cited of src.cited) {
      const j = indexOf.get(cited);
      const target = j === undefined ? undefined : copy * S + j + 1;
      if (target !== undefined && target <= n) out.cmap.row(C['citation-map'], { id: ++mapId, depth: 1, cited_opinion_id: target, citing_opinion_id: id });
    }
  }
  const files = Object.values(out).map((o) => {
    o.close();
    if (!opts.bz2) return o.path;
    execFileSync('lbzip2', ['-f', o.path]);
    return `${o.path}.bz2`;
  });
  return { opinions: n, clusters, bytes: files.reduce((s, f) => s + statSync(f).size, 0), files };
}
