/**
 * Payout files → the store. Each file is read by `readPayoutFile` (FiveThirtyEight CSV, the Minnesota workbook, or
 * a mapping) and written in batches, each batch one transaction with its rejects and a resume checkpoint, so an
 * interrupted import neither loses nor doubles rows: run it again and it continues after the last committed row.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ClearlyError, toClearlyError } from '../errors/index.js';
import { payoutImportKey } from '../store/payout-records.js';
import type { Store } from '../store/index.js';
import type { JsonValue, RejectInput } from '../store/types.js';
import type { PayoutMapping } from './mapping.js';
import { readPayoutFile } from './read.js';
import type { OfficerLink, Payout, PayoutReject } from './types.js';

export interface FileImportResult {
  file: string;
  /** `fivethirtyeight`, `minnesota`, the mapping's name, or `officer-roster`; null when nothing was read. */
  format: string | null;
  /** Data rows read in this run (after the resume point). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Officer-roster rows (FiveThirtyEight *_police_edited.csv): stored, but not payments. */
  officer_rows: number;
  /** Sum of the amounts of the payouts read in this run, in cents. */
  total_cents: number;
  /** Set when an earlier, interrupted run had committed rows up to this line; those were not read again. */
  resumed_after_line?: number;
  rejects: PayoutReject[];
  /** A file that could not be read at all (not a payout table, unreadable): the other files still import. */
  error?: { code: string; message: string; hint: string };
}

export interface ImportOptions {
  mapping?: PayoutMapping;
  sheet?: string;
  /** Rows per transaction. */
  batchSize?: number;
  /** Stops between batches with `interrupted`; what was committed stays, and the next run resumes after it. */
  signal?: AbortSignal;
}

interface ResumeState { line: number; size: number; mtime_ms: number }

function resumeLine(saved: JsonValue | null, size: number, mtimeMs: number): number | undefined {
  const s = saved as Partial<ResumeState> | null;
  // A checkpoint for a file that has since changed is void: its line numbers may mean other rows now.
  return s && typeof s.line === 'number' && s.size === size && s.mtime_ms === mtimeMs ? s.line : undefined;
}

const rejectInput = (r: PayoutReject): RejectInput => {
  const name = basename(r.source_file);
  const where = `${name}${r.source_sheet === undefined ? '' : `[${r.source_sheet}]`}:${r.source_line}`;
  return { import_key: payoutImportKey(r.source_file), file: name, line: r.source_line, record_id: where, reason: `${r.code}: ${r.reason}`, excerpt: r.excerpt };
};

export async function importPayoutFile(store: Store, path: string, opts: ImportOptions = {}): Promise<FileImportResult> {
  const result: FileImportResult = {
    file: path, format: null, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, officer_rows: 0, total_cents: 0, rejects: [],
  };
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const e = new ClearlyError('missing_input', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((err as Error).message)}`, { location: { file: path } });
    return { ...result, error: { code: e.code, message: e.message, hint: e.hint } };
  }
  const key = payoutImportKey(path);
  const after = resumeLine(await store.getCheckpoint(key), info.size, info.mtimeMs);
  if (after !== undefined) result.resumed_after_line = after;
  const state = (line: number): ResumeState => ({ line, size: info.size, mtime_ms: info.mtimeMs });

  let payouts: Payout[] = [];
  let officers: OfficerLink[] = [];
  let rejects: PayoutReject[] = [];
  let lastLine = after ?? 0;
  const flush = async (done: boolean): Promise<void> => {
    const r = await store.upsertPayouts({
      payouts, officer_rows: officers, rejects: rejects.map(rejectInput),
      // The last batch clears the checkpoint: the file is complete, and the next run reads it all again (unchanged).
      checkpoint: { import_key: key, state: done ? null : { ...state(lastLine) } },
    });
    result.inserted += r.inserted;
    result.updated += r.updated;
    result.unchanged += r.unchanged;
    payouts = [];
    officers = [];
    rejects = [];
  };
  const size = opts.batchSize ?? 500;
  try {
    const read = readPayoutFile(path, { ...(opts.mapping ? { mapping: opts.mapping } : {}), ...(opts.sheet ? { sheet: opts.sheet } : {}) });
    for await (const item of read) {
      const line = 'payout' in item ? item.payout.source_line : 'reject' in item ? item.reject.source_line : item.officer.source_line;
      if (after !== undefined && line <= after) continue;
      result.rows++;
      lastLine = line;
      if ('payout' in item) {
        payouts.push(item.payout);
        result.format ??= item.payout.source_format;
        result.total_cents += item.payout.amount_cents;
      } else if ('reject' in item) {
        rejects.push(item.reject);
        result.rejects.push(item.reject);
        result.rejected++;
      } else {
        officers.push(item.officer);
        result.format ??= 'officer-roster';
        result.officer_rows++;
      }
      if (payouts.length + officers.length + rejects.length >= size) {
        await flush(false);
        if (opts.signal?.aborted) throw new ClearlyError('interrupted', `import of ${path} interrupted after line ${lastLine}`, { location: { file: path, line: lastLine } });
      }
    }
    await flush(true);
  } catch (err) {
    const e = toClearlyError(err);
    if (e.code === 'interrupted' || e.code === 'cannot_write' || e.code === 'internal') throw e;
    // The rows read before the file broke off are good data: keep them (the checkpoint stays for a re-run).
    if (payouts.length + officers.length + rejects.length > 0) await flush(false);
    result.error = { code: e.code, message: e.message, hint: e.hint };
  }
  return result;
}

/** Imports files one after another; a file that cannot be read is reported in its result and the rest go on. */
export async function importPayoutFiles(store: Store, paths: string[], opts: ImportOptions = {}): Promise<FileImportResult[]> {
  const out: FileImportResult[] = [];
  for (const p of paths) out.push(await importPayoutFile(store, p, opts));
  return out;
}
