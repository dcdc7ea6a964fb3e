/**
 * `courtlistener-bulk`: CourtListener's bulk CSV files → cases. Two phases:
 * 1. `buildIndex`: the smaller tables go into a temp SQLite index, and one quick pass over the opinions counts
 *    each cluster's opinions (only `id` and `cluster_id` are decoded);
 * 2. here: the opinions are streamed again and each cluster is emitted as one case as soon as its last opinion
 *    has been read (`Pending`). Opinions are never all in memory, whatever the order of the file.
 * Resume state is a place in the opinions file(s): the first opinion of the oldest cluster not yet emitted.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ClearlyError } from '../../errors/index.js';
import type { JsonValue } from '../../store/index.js';
import type { ReadOptions, SourceItem, SourceReader, SuppliedLink } from '../types.js';
import { buildIndex, FILE_SPAN } from './build.js';
import { anchorIds, caseSourceId, deferredHtml, opinionHtml, suppliedLinks, toCase, toOpinion } from './map.js';
import { fileSize } from './open.js';
import { Pending, type Completed, type Place } from './pending.js';
import { describeFile, intId, readRows, type BulkFile, type RowOptions } from './rows.js';
import { COLUMNS, type TableKind } from './tables.js';
import { indexKey, TempIndex } from './temp-index.js';

export const FORMAT = 'courtlistener-bulk';
const KINDS: TableKind[] = ['courts', 'dockets', 'clusters', 'opinions', 'citations', 'citation-map', 'parentheticals'];
const BULK_NAME = /\.csv(\.bz2|\.gz)?$/i;

export interface BulkReaderOptions {
  /** Bytes of opinions held in memory while their clusters are incomplete, before spilling to disk. */
  memoryBudget?: number;
  /** Directory for the temp index (default `$CLEARLY_TMPDIR` or the system temp dir). */
  tmpDir?: string;
  /** Parse and join on a worker thread (default: yes when running compiled code). */
  thread?: boolean;
  /**
   * On the worker thread, also do each case's store-independent import work there (`prepareCase`: citation
   * extraction, QI coding, content hash), so the importing thread only resolves and writes (default true).
   */
  prepare?: boolean;
}

interface Resume {
  format: typeof FORMAT;
  opinions: string;
  file: number;
  offset: number;
  line: number;
}

/** Files named on the command line, or the bulk files inside named directories, sorted by table. */
export async function discover(inputs: string[], signal?: AbortSignal): Promise<{ files: Record<TableKind, BulkFile[]>; unknown: string[] }> {
  const files = Object.fromEntries(KINDS.map((k) => [k, [] as BulkFile[]])) as Record<TableKind, BulkFile[]>;
  const unknown: string[] = [];
  for (const input of inputs) {
    fileSize(input); // a clear error for a missing path
    const isDir = statSync(input).isDirectory();
    const paths = isDir ? readdirSync(input).filter((n) => BULK_NAME.test(n)).sort().map((n) => join(input, n)) : [input];
    for (const path of paths) {
      const f = await describeFile(path, signal);
      if (f) files[f.kind].push(f);
      else if (!isDir) unknown.push(path); // other CourtListener tables in a directory are simply not ours
    }
  }
  return { files, unknown };
}

/** The reader on the calling thread (tests; the threaded reader runs this inside its worker). */
export async function* readBulk(inputs: string[], options: ReadOptions, config: BulkReaderOptions): AsyncGenerator<SourceItem> {
  const { files, unknown } = await discover(inputs, options.signal);
  const resumeIn = options.resumeFrom ?? null;
  for (const path of unknown) {
    yield { kind: 'reject', location: { file: path, line: 1 }, reason: 'header matches no CourtListener bulk table this importer reads', resume: resumeIn };
  }
  if (!files.opinions.length || !files.clusters.length) {
    throw new ClearlyError('usage', `a CourtListener bulk import needs an opinions file and an opinion-clusters file; found ${KINDS.filter((k) => files[k].length).join(', ') || 'neither'}`, {
      hint: 'Pass the opinions-*.csv[.bz2] and opinion-clusters-*.csv[.bz2] files (dockets and citations add court, docket number and reporter citations), or a directory holding them.',
    });
  }
  const all = KINDS.flatMap((k) => files[k]);
  const progress = new Progress(all, options.onBytes);
  const rowOptions = (file: BulkFile): RowOptions => ({
    ...(options.signal ? { signal: options.signal } : {}),
    onDiskBytes: (n) => progress.at(file, n),
  });

  let index = TempIndex.open(indexKey(all), config.tmpDir);
  try {
    if (!index.ready) {
      await buildIndex({ index, files, rowOptions });
      index = index.finish();
      progress.phase = 'emit';
    } else {
      progress.skipBuild();
    }
    for (const r of index.rejects()) {
      yield { kind: 'reject', location: { file: r.file, line: r.line, ...(r.id ? { id: r.id } : {}) }, reason: r.reason, ...(r.excerpt ? { excerpt: r.excerpt } : {}), resume: resumeIn };
    }
    yield* emitCases(index, files.opinions, parseResume(resumeIn, files.opinions), options, config, rowOptions);
    index.remove(); // everything has been read: the next import of these files starts afresh
  } finally {
    index.close();
  }
}

async function* emitCases(
  index: TempIndex, opinionFiles: BulkFile[], from: Place, options: ReadOptions, config: BulkReaderOptions,
  rowOptions: (file: BulkFile) => RowOptions,
): AsyncGenerator<SourceItem> {
  const key = opinionsKey(opinionFiles);
  const state = (p: Place): JsonValue => ({ format: FORMAT, opinions: key, file: p.file, offset: p.offset, line: p.line });
  const fromPos = from.file * FILE_SPAN + from.offset;
  const dupes = new Set(JSON.parse(index.getMeta('duplicate_positions') ?? '[]') as number[]);
  const anchors = index.getMeta('has_citation_map') !== '1';
  const pending = new Pending(index, config.memoryBudget);
  const toItem = (c: Completed, next: Place): SourceItem => caseItem(index, c, opinionFiles[c.first.file]!.path, anchors, state(pending.resumePoint(next)));

  let last = from;
  for (let n = from.file; n < opinionFiles.length; n++) {
    const file = opinionFiles[n]!;
    const start = n === from.file && from.offset > 0 ? { start: from.offset, startLine: from.line } : {};
    for await (const ev of readRows(file, COLUMNS.opinions, { ...rowOptions(file), ...start, deferred: deferredHtml(anchors) })) {
      const next: Place = { file: n, offset: ev.end, line: ev.nextLine };
      last = next;
      const reject = (reason: string, id?: string): SourceItem => ({
        kind: 'reject', location: { file: file.path, line: ev.line, ...(id ? { id } : {}) }, reason,
        ...(ev.ok ? {} : { excerpt: ev.excerpt }), resume: state(pending.resumePoint(next)),
      });
      if (!ev.ok) {
        yield reject(ev.reason);
        continue;
      }
      const id = intId(ev.row.id);
      const clusterId = intId(ev.row.cluster_id);
      if (id === null || clusterId === null) {
        yield reject(`opinion id "${ev.row.id}" or cluster_id "${ev.row.cluster_id}" is not a number`);
        continue;
      }
      const pos = n * FILE_SPAN + ev.offset;
      if (dupes.has(pos)) {
        yield reject(`opinion ${id} appears more than once; the first row was kept`, `opinion:${id}`);
        continue;
      }
      const count = index.count(clusterId);
      if (!count || count.first_pos < fromPos) continue; // emitted by an earlier run (see Pending.resumePoint)
      if (!count.has_cluster) {
        yield reject(`opinion ${id} belongs to cluster ${clusterId}, which is not in the opinion-clusters file`, `opinion:${id}`);
        continue;
      }
      const done = pending.add(clusterId, count.n, { file: n, offset: ev.offset, line: ev.line }, {
        id, order: ev.row.type ?? '', opinion: toOpinion(ev.row, id), ...(anchors ? { anchors: anchorIds(opinionHtml(ev.row)) } : {}),
      });
      if (done) yield toItem(done, next);
    }
  }
  for (const c of pending.drain()) yield toItem(c, last);
}

function caseItem(index: TempIndex, c: Completed, path: string, anchors: boolean, resume: JsonValue): SourceItem {
  const { docket, citations, ...cluster } = index.caseRow(c.clusterId)!;
  const links: SuppliedLink[] = [];
  const hasLinks = index.hasLinkRows;
  for (const h of c.opinions) {
    const rows = hasLinks ? index.linksOf(h.id) : [];
    const cited = anchors ? (h.anchors ?? []).map((id) => ({ cited: id, depth: null })) : rows.filter((r) => r.kind === 0).map((r) => ({ cited: r.other, depth: null }));
    const parens = rows.filter((r) => r.kind === 1).map((r) => ({ described: r.other, text: r.text ?? '' }));
    links.push(...suppliedLinks(h.id, cited, parens));
  }
  const kase = toCase({ cluster, docket, citations, opinions: c.opinions.map((h) => h.opinion) });
  return {
    kind: 'case', case: kase, ...(links.length ? { supplied_links: links } : {}),
    location: { file: path, line: c.first.line, id: caseSourceId(c.clusterId) }, resume,
  };
}

/** Identifies the opinions files' content, so resume offsets are never applied to a different export. */
function opinionsKey(files: BulkFile[]): string {
  return createHash('sha1').update(files.map((f) => `${f.path}\0${statSync(f.path).size}\0${statSync(f.path).mtimeMs}`).join('\n')).digest('hex').slice(0, 16);
}

function parseResume(state: JsonValue, files: BulkFile[]): Place {
  const s = state as Partial<Resume> | null;
  const ok = s && typeof s === 'object' && s.format === FORMAT && s.opinions === opinionsKey(files)
    && Number.isInteger(s.file) && Number.isInteger(s.offset) && Number.isInteger(s.line) && s.file! < files.length;
  return ok ? { file: s.file!, offset: s.offset!, line: s.line! } : { file: 0, offset: 0, line: 1 };
}

/** Bytes on disk read so far over both phases (on a fresh build the opinions files are read twice). */
class Progress {
  phase: 'build' | 'emit' = 'build';
  private readonly done = new Map<string, number>();
  private total: number;
  private readonly opinionBytes: number;

  constructor(all: BulkFile[], private readonly onBytes: ReadOptions['onBytes']) {
    const size = (fs: BulkFile[]): number => fs.reduce((n, f) => n + fileSize(f.path), 0);
    this.opinionBytes = size(all.filter((f) => f.kind === 'opinions'));
    this.total = size(all) + this.opinionBytes;
  }

  /** The index came from the cache: only the second pass over the opinions is left. */
  skipBuild(): void {
    this.total = this.opinionBytes;
    this.phase = 'emit';
  }

  at(file: BulkFile, n: number): void {
    if (!this.onBytes) return;
    this.done.set(`${this.phase}\0${file.path}`, n);
    let sum = 0;
    for (const v of this.done.values()) sum += v;
    this.onBytes(Math.min(sum, this.total), this.total);
  }
}
