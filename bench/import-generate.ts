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
import { gunzipSync } from 'node:zlib';
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

/** Buffered writes to one CSV file. */
class Out {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(readonly path: string, columns: readonly string[]) {
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
  flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
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

export function generate(dir: string, n: number, sources: Source[], opts: { text: 'both' | 'plain'; bz2: boolean }): Generated {
  const C = EXPORT_COLUMNS;
  const out = {
    opinions: new Out(join(dir, 'opinions-bench.csv'), C.opinions),
    clusters: new Out(join(dir, 'opinion-clusters-bench.csv'), C.clusters),
    dockets: new Out(join(dir, 'dockets-bench.csv'), C.dockets),
    citations: new Out(join(dir, 'citations-bench.csv'), C.citations),
    cmap: new Out(join(dir, 'citation-map-bench.csv'), C['citation-map']),
  };
  const S = sources.length;
  // Escaping megabytes of text per row dominated generation: each source text is escaped once and reused.
  const escaped = sources.map((s) => ({ plain: pgCsvValue(s.plain), html: pgCsvValue(s.html) }));
  const opinionRow = (values: Record<string, string>): string => C.opinions.map((c) => values[c] ?? '').join(',') + '\n';
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
    out.opinions.write(opinionRow({ id: `"${id}"`, type: `"${type}"`, per_curiam: '"f"', author_str: '""', plain_text: esc.plain,
      html_with_citations: opts.text === 'both' || !src.plain ? esc.html : '""', html: '""', extracted_by_ocr: '"f"', cluster_id: `"${cluster}"` }));
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
