/**
 * The import pipeline: a reader's `SourceItem`s → validated cases and rejects → batches, each written with its
 * citation links and checkpoint in one transaction (`Store.upsertCases`). A run killed at any moment leaves the
 * store at the last committed batch; the next run of the same import resumes from its checkpoint.
 * The store-independent work per case (citation extraction, QI coding, content hash: prepare.ts) arrives done
 * when the reader did it on its own thread (the bulk reader does); this thread then only resolves and writes.
 * Batches are written one at a time and in order; while one is being written the next is read and handed to the
 * store to prepare (`Store.stageCases`: PostgreSQL computes its search vectors on other connections meanwhile).
 */
import { resolve } from 'node:path';
import { ClearlyError } from '../errors/index.js';
import type { CaseInput, JsonObject, JsonValue, RejectInput, Store } from '../store/index.js';
import { precomputedHashes } from '../store/records.js';
import { addCounts, batchLinks, emptyCounts, type LinkCounts } from './batch-links.js';
import { codeBatch } from './code-on-import.js';
import type { EngineLink } from './engine-links.js';
import { relinkPending, type PendingOpinion } from './relink.js';
import type { SourceItem, SourceReader, SuppliedLink } from './types.js';

export interface ImportProgress {
  bytes: number;
  bytes_total?: number;
  records: number;
  rejected: number;
  /** Every record is committed and the store is merging its search index (minutes on a large store). */
  finishing?: boolean;
}

export interface ImportOptions {
  store: Store;
  reader: SourceReader;
  inputs: string[];
  /** Default: the format and the absolute input paths (`importKeyFor`). */
  import_key?: string;
  /** Cases per transaction (default 200); a batch also closes at `batch_bytes` of opinion text (default 32 MB). */
  batch_size?: number;
  batch_bytes?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Code opinions that mention qualified immunity and store the machine coding (default true). */
  code_qi?: boolean;
  /** Called after each committed batch (tests use it to look at the store mid-import). */
  onBatch?: (summary: ImportSummary) => void | Promise<void>;
}

export interface ImportSummary {
  import_key: string;
  format: string;
  /** Cases inserted. */
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  opinions: number;
  links: LinkCounts;
  /** True when this run continued an interrupted one. */
  resumed: boolean;
  elapsed_ms: number;
  opinions_per_s: number;
  /** Cases whose opinion was coded as deciding qualified immunity (machine coding stored). */
  qi_coded: number;
}

/**
 * The checkpoint. Links that point forward in the input are bound by the store when their target is written, so
 * nothing else is kept; `pending` is only carried over from a checkpoint of an older version (relink.ts).
 */
interface State { reader: JsonValue; pending?: PendingOpinion[] }
type Item = { case: CaseInput; supplied: SuppliedLink[]; engine?: EngineLink[][]; qi?: JsonObject | null };
/** A closed batch: its items (and their cases), rejects, and where the reader resumes after it. */
interface Batch { items: Item[]; cases: CaseInput[]; rejects: RejectInput[]; resumeState: JsonValue }

export function importKeyFor(format: string, inputs: string[]): string {
  return `${format}:${inputs.map((p) => resolve(p)).join('|')}`;
}

export async function runImport(opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const key = opts.import_key ?? importKeyFor(opts.reader.format, opts.inputs);
  const saved = (await opts.store.getCheckpoint(key)) as State | null;
  const pending: PendingOpinion[] = Array.isArray(saved?.pending) ? saved.pending : [];
  const summary: ImportSummary = {
    import_key: key, format: opts.reader.format, imported: 0, updated: 0, unchanged: 0, rejected: 0, opinions: 0,
    links: emptyCounts(), resumed: saved !== null, elapsed_ms: 0, opinions_per_s: 0, qi_coded: 0,
  };
  const progress: ImportProgress = { bytes: 0, records: 0, rejected: 0 };
  const maxCases = opts.batch_size ?? 200;
  const maxBytes = opts.batch_bytes ?? 32 << 20;
  let cases: Item[] = [];
  let rejects: RejectInput[] = [];
  let textBytes = 0;
  let resumeState: JsonValue = saved?.reader ?? null;
  /** The batch being written (settled when none is). */
  let writing: Promise<void> = Promise.resolve();

  const write = async (b: Batch): Promise<void> => {
    if (opts.signal?.aborted) return; // an interrupted run commits nothing more
    const links = await batchLinks(opts.store, b.items);
    const state: State = { reader: b.resumeState, ...(pending.length ? { pending } : {}) };
    const result = await opts.store.upsertCases({
      cases: b.cases, links: links.links, rejects: b.rejects,
      checkpoint: { import_key: key, state: state as unknown as JsonValue },
    });
    if (opts.code_qi !== false) summary.qi_coded += await codeBatch(opts.store, b.cases, result.ids, b.items.map((c) => c.qi));
    summary.imported += result.inserted;
    summary.updated += result.updated;
    summary.unchanged += result.unchanged;
    summary.rejected += b.rejects.length;
    summary.opinions += b.cases.reduce((n, c) => n + c.opinions.length, 0);
    addCounts(summary.links, links.counts);
    summary.links.bound += result.bound_links ?? 0;
    await opts.onBatch?.(finish(summary, started));
  };

  /** Closes the batch: hands it to the store to prepare, queues its write, waits for the previous batch's. */
  const flush = async (): Promise<void> => {
    if (!cases.length && !rejects.length) return;
    const batch: Batch = { items: cases, cases: cases.map((c) => c.case), rejects, resumeState };
    cases = [];
    rejects = [];
    textBytes = 0;
    if (batch.cases.length) opts.store.stageCases?.(batch.cases);
    const previous = writing;
    writing = previous.then(() => write(batch));
    writing.catch(() => {}); // rethrown where it is awaited: at the next flush or after the last
    await previous;
  };

  const reject = (item: { location: SourceItem['location']; reason: string; excerpt?: string }): void => {
    rejects.push({
      import_key: key, file: item.location.file || null, line: item.location.line ?? null,
      record_id: item.location.id ?? null, reason: item.reason, excerpt: item.excerpt ?? null,
    });
    progress.rejected++;
  };

  const items = opts.reader.read(opts.inputs, {
    resumeFrom: saved?.reader ?? undefined,
    signal: opts.signal,
    onBytes: (bytes, total) => { progress.bytes = bytes; progress.bytes_total = total; opts.onProgress?.(progress); },
  });
  try {
    for await (const item of items) {
      if (opts.signal?.aborted) break;
      progress.records++;
      if (item.kind === 'reject') reject(item);
      else {
        const problem = validate(item.case);
        if (problem) reject({ location: item.location, reason: problem, excerpt: item.case.case_name });
        else {
          const p = item.prepared;
          cases.push({ case: item.case, supplied: item.supplied_links ?? [], ...(p ? { engine: p.engine, qi: p.qi } : {}) });
          if (p?.hash !== undefined) precomputedHashes.set(item.case, p.hash);
          textBytes += item.case.opinions.reduce((n, o) => n + o.text.length + (o.html?.length ?? 0), 0);
        }
      }
      if (item.resume !== undefined) resumeState = item.resume;
      opts.onProgress?.(progress);
      if (cases.length >= maxCases || textBytes >= maxBytes || rejects.length >= 1000) await flush();
    }
  } catch (err) {
    await writing.catch(() => {}); // no write may outlive the run (the caller closes the store next)
    throw err;
  }
  await writing;
  // An interrupted run commits nothing more: the uncommitted items are read again on resume.
  if (opts.signal?.aborted) {
    throw new ClearlyError('interrupted', `import interrupted after ${summary.imported + summary.updated + summary.unchanged} cases`, {
      hint: 'Run the same command again; the import resumes from its last committed batch.',
    });
  }
  await flush();
  await writing;
  if (pending.length) addCounts(summary.links, await relinkPending(opts.store, pending));
  // Batch by batch the search index grows in many small pieces; merged once here (and, on SQLite, word postings
  // built from it), searches get faster. Nothing to merge after a run that wrote no case — unless it resumed one
  // stopped during this step: the checkpoint is cleared only after it, so a kill here is finished by the next run.
  if (summary.imported + summary.updated > 0 || saved !== null) {
    progress.finishing = true;
    opts.onProgress?.(progress);
    await opts.store.optimizeSearchIndex();
  }
  await opts.store.setCheckpoint(key, null);
  return finish(summary, started);
}

const STATUSES = new Set(['published', 'unpublished', 'errata', 'separate', 'in_chambers', 'relating_to', 'unknown']);

/**
 * The checks the store would make (src/store/records.ts normalizeCase), done here so one bad record becomes a
 * reject instead of failing its whole batch; cheap ones only (the store still hashes and validates on write).
 */
function validate(c: CaseInput): string | undefined {
  if (!c.source?.trim() || !c.source_id?.trim()) return 'source and source_id are required';
  if (typeof c.case_name !== 'string') return 'case_name must be a string';
  if (c.decision_date && !/^\d{4}-\d{2}-\d{2}$/.test(c.decision_date)) return `decision_date "${c.decision_date}" is not YYYY-MM-DD`;
  if (c.precedential_status && !STATUSES.has(c.precedential_status)) return `precedential_status "${c.precedential_status}" is not known`;
  for (const k of c.citations ?? []) if (!k.volume?.trim() || !k.reporter?.trim() || !k.page?.trim()) return `citation ${JSON.stringify(k)} lacks volume, reporter or page`;
  const seen = new Set<string>();
  for (const o of c.opinions) {
    if (!o.source_id?.trim()) return 'every opinion needs a source_id';
    if (typeof o.text !== 'string') return `opinion ${o.source_id}: text must be a string`;
    if (seen.has(o.source_id)) return `opinion ${o.source_id} appears twice`;
    seen.add(o.source_id);
  }
  if (c.opinions.length && !c.opinions.some((o) => o.text.trim() !== '')) return 'opinion has no text';
  return undefined;
}

function finish(s: ImportSummary, started: number): ImportSummary {
  const elapsed = Date.now() - started;
  return { ...s, links: { ...s.links }, elapsed_ms: elapsed, opinions_per_s: elapsed > 0 ? Math.round((s.opinions * 1000) / elapsed) : 0 };
}
