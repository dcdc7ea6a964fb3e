/** `clearly import PATH… [--format F] [--db PATH | --database-url URL] [--json] [--rejects]` */
import type { Command } from 'commander';
import { ClearlyError } from '../../errors/index.js';
import { detectFormat, importKeyFor, knownFormats, progressBar, readerFor, runImport, type ImportSummary } from '../../ingest/index.js';
import type { RejectRecord, Store } from '../../store/index.js';
import { wholeNumber } from '../args.js';
import { out, say } from '../io.js';
import { addStoreOptions, withStore, type StoreFlags } from '../store.js';

interface ImportOptions extends StoreFlags {
  format?: string;
  json?: boolean;
  rejects?: boolean;
  batchSize?: string;
}

export function registerImport(program: Command): void {
  addStoreOptions(program
    .command('import')
    .description('import case law (CourtListener JSON, CAP JSON, documents) into the store; resumes an interrupted import')
    .argument('<paths...>', 'files or directories')
    .option('--format <format>', `input format (${knownFormats().join(', ')}); detected from the content when absent`))
    .option('--json', 'print one JSON summary object (with the rejects) on stdout')
    .option('--rejects', 'do not import: list the rejects recorded for these paths')
    .option('--batch-size <n>', 'cases per transaction (default 200)')
    .action(async (paths: string[], opts: ImportOptions) => {
      const groups = await groupByFormat(paths, opts.format);
      await withStore(opts, async (store) => {
        if (opts.rejects) return listRejects(store, groups, opts.json === true);
        const summaries: ImportSummary[] = [];
        const rejects: RejectRecord[] = [];
        for (const [format, inputs] of groups) {
          const bar = progressBar();
          let summary: ImportSummary;
          try {
            summary = await runImport({
              store, reader: readerFor(format), inputs,
              ...(opts.batchSize !== undefined ? { batch_size: wholeNumber('--batch-size', opts.batchSize, 1) } : {}),
              ...(bar ? { onProgress: (p) => bar.update(p) } : {}),
            });
          } finally {
            bar?.stop();
          }
          summaries.push(summary);
          rejects.push(...(await store.listRejects(summary.import_key, { limit: 1000 })));
        }
        const total = combine(summaries);
        if (opts.json) await out(`${JSON.stringify({ ...total, imports: summaries, rejects }, null, 2)}\n`);
        else report(total, rejects);
      });
    });
}

async function groupByFormat(paths: string[], format?: string): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>();
  if (format) readerFor(format); // fails early, with the list of formats, on a typo
  for (const path of paths) {
    const f = format ?? (await detectFormat(path));
    if (!f) {
      throw new ClearlyError('bad_data', `cannot tell the format of ${path} from its content`, {
        location: { file: path }, hint: `Name it with --format (${knownFormats().join(', ')}).`,
      });
    }
    groups.set(f, [...(groups.get(f) ?? []), path]);
  }
  return groups;
}

function combine(list: ImportSummary[]): Omit<ImportSummary, 'import_key' | 'format' | 'resumed'> {
  const t = { imported: 0, updated: 0, unchanged: 0, rejected: 0, opinions: 0, links: { engine: 0, supplied: 0, resolved: 0, unresolved: 0, bound: 0 }, elapsed_ms: 0, opinions_per_s: 0, qi_coded: 0 };
  for (const s of list) {
    t.imported += s.imported; t.updated += s.updated; t.unchanged += s.unchanged; t.rejected += s.rejected;
    t.opinions += s.opinions; t.elapsed_ms += s.elapsed_ms; t.qi_coded += s.qi_coded;
    for (const k of ['engine', 'supplied', 'resolved', 'unresolved', 'bound'] as const) t.links[k] += s.links[k];
  }
  t.opinions_per_s = t.elapsed_ms > 0 ? Math.round((t.opinions * 1000) / t.elapsed_ms) : 0;
  return t;
}

const where = (r: RejectRecord): string => [r.file, r.line, r.record_id].filter((x) => x !== null && x !== undefined).join(':');

function report(t: ReturnType<typeof combine>, rejects: RejectRecord[]): void {
  say(`clearly: imported ${t.imported}, updated ${t.updated}, unchanged ${t.unchanged}, rejected ${t.rejected} ` +
    `(${t.opinions} opinions in ${(t.elapsed_ms / 1000).toFixed(1)} s, ${t.opinions_per_s} opinions/s)`);
  say(`clearly: citation links: ${t.links.engine} found by the engine, ${t.links.supplied} supplied by the source; ` +
    `${t.links.resolved} resolved to cases in the store, ${t.links.unresolved} kept unresolved with their reason` +
    (t.links.bound ? `; ${t.links.bound} waiting supplied link${t.links.bound === 1 ? '' : 's'} bound as the cases they name arrived` : ''));
  say(`clearly: ${t.qi_coded} opinion${t.qi_coded === 1 ? '' : 's'} coded as deciding qualified immunity (machine coding; not legal advice)`);
  for (const r of rejects.slice(0, 20)) say(`  rejected ${where(r)}: ${r.reason}`);
  if (rejects.length > 20) say(`  … ${rejects.length - 20} more: clearly import --rejects PATH… lists them all`);
}

async function listRejects(store: Store, groups: Map<string, string[]>, json: boolean): Promise<void> {
  const all: RejectRecord[] = [];
  for (const [format, inputs] of groups) all.push(...(await store.listRejects(importKeyFor(format, inputs))));
  if (json) await out(`${JSON.stringify(all, null, 2)}\n`);
  else await out(all.map((r) => `${where(r)}\t${r.reason}${r.excerpt ? `\t${r.excerpt.replace(/\s+/g, ' ').slice(0, 80)}` : ''}\n`).join(''));
  say(`clearly: ${all.length} reject${all.length === 1 ? '' : 's'} recorded`);
}
