/**
 * `clearly payouts import|summary|link|rejects`: the payouts ledger (issue 6). The library does the work
 * (src/payouts/import.ts, ledger.ts, link.ts); this file parses options and prints. Tables, JSON and CSV go to
 * stdout; progress and the caveats that must accompany CSV go to stderr.
 */
import type { Command } from 'commander';
import { ClearlyError } from '../../errors/index.js';
import { formatCents, loadMapping, SUMMARY_DIMENSIONS, type SummaryDimension } from '../../payouts/index.js';
import { importPayoutFile, type FileImportResult } from '../../payouts/import.js';
import { summarizeLedger, type LedgerSummary } from '../../payouts/ledger.js';
import { linkPayoutsToCases } from '../../payouts/link.js';
import { payoutImportKey } from '../../store/index.js';
import { toCsv } from '../../stats/csv.js';
import { oneOutput } from '../args.js';
import { out, say } from '../io.js';
import { addStoreOptions, withStore, type StoreFlags } from '../store.js';
import { cents2, table } from '../../stats/table.js';

interface ImportOpts extends StoreFlags { mapping?: string; sheet?: string; json?: boolean; link: boolean }

function importTable(results: FileImportResult[]): string {
  const sum = (k: 'rows' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'officer_rows' | 'total_cents'): number => results.reduce((s, r) => s + r[k], 0);
  const rows = results.map((r) => [r.file.split('/').pop()!, r.error ? `ERROR ${r.error.code}` : r.format ?? '-', r.rows, r.inserted, r.updated, r.unchanged, r.rejected, r.officer_rows, formatCents(r.total_cents)]);
  rows.push(['all files', '', sum('rows'), sum('inserted'), sum('updated'), sum('unchanged'), sum('rejected'), sum('officer_rows'), formatCents(sum('total_cents'))]);
  return table(['file', 'format', 'rows', 'imported', 'updated', 'unchanged', 'rejected', 'officer rows', 'amount'], rows, [2, 3, 4, 5, 6, 7, 8]);
}

function registerImport(payouts: Command): void {
  addStoreOptions(payouts
    .command('import')
    .description('import payout files into the ledger (FiveThirtyEight city CSV and the Minnesota workbook are detected; others need --mapping)')
    .argument('<files...>', 'CSV or XLSX files')
    .option('--mapping <file>', 'column mapping (YAML or JSON) for any other CSV or XLSX; see docs/payouts.md')
    .option('--sheet <name>', 'XLSX: the worksheet to read (default: chosen from the header)'))
    .option('--no-link', 'do not link payouts to cases by docket number afterwards')
    .option('--json', 'print one JSON object')
    .action(async (files: string[], opts: ImportOpts) => {
      const mapping = opts.mapping ? await loadMapping(opts.mapping) : undefined;
      await withStore(opts, async (store) => {
        const results: FileImportResult[] = [];
        for (const f of files) {
          const r = await importPayoutFile(store, f, { ...(mapping ? { mapping } : {}), ...(opts.sheet ? { sheet: opts.sheet } : {}) });
          results.push(r);
          if (r.error) say(`clearly: ${f}: error [${r.error.code}]: ${r.error.message}\n  hint: ${r.error.hint}`);
          else say(`clearly: ${f}: ${r.rows} rows${r.resumed_after_line ? ` (resumed after line ${r.resumed_after_line})` : ''}, ${r.inserted} imported, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected${r.officer_rows ? `, ${r.officer_rows} officer-roster rows` : ''}`);
        }
        const link = opts.link ? await linkPayoutsToCases(store) : null;
        const ledger = await store.payoutLedgerStats();
        if (opts.json) {
          await out(`${JSON.stringify({ files: results, link, ledger }, null, 2)}\n`);
        } else {
          const rejects = results.flatMap((r) => r.rejects);
          const lines = [importTable(results)];
          if (link) lines.push(`linked to cases by docket number: ${link.linked_payouts} of ${link.payouts_with_docket} payouts with a docket (${link.links} links)`);
          lines.push(`ledger now: ${ledger.payouts} payouts, ${formatCents(ledger.total_cents)}; ${ledger.officer_rows} officer-roster rows`);
          lines.push(rejects.length ? `rejected rows (${rejects.length}):` : 'rejected rows: none');
          for (const r of rejects) lines.push(`  ${r.source_file}${r.source_sheet ? `[${r.source_sheet}]` : ''}:${r.source_line} [${r.code}] ${r.reason} — ${r.excerpt}`);
          await out(`${lines.join('\n')}\n`);
        }
        const failed = results.filter((r) => r.error);
        if (failed.length) {
          const first = failed[0]!.error!;
          throw new ClearlyError(first.code as ClearlyError['code'], `${failed.length} of ${files.length} file(s) could not be imported: ${failed.map((r) => r.file).join(', ')}`, {
            hint: first.hint, location: { file: failed[0]!.file },
          });
        }
      });
    });
}

const BY: Record<string, SummaryDimension> = Object.fromEntries(SUMMARY_DIMENSIONS.map((d) => [d.replace('_', '-'), d]));

interface SummaryOpts extends StoreFlags { by: string; city?: string; format?: string; state?: string; json?: boolean; csv?: boolean }

/** Years read best in order; every other grouping largest total first (as summarizePayouts sorts them). */
const groups = (s: LedgerSummary, by: SummaryDimension): LedgerSummary['by'][SummaryDimension] =>
  by === 'year' ? [...s.by.year].sort((a, b) => a.key.localeCompare(b.key)) : s.by[by];

function summaryText(s: LedgerSummary, by: SummaryDimension): string {
  const q = s.quantiles;
  const lines = [
    `${s.count.toLocaleString('en-US')} payouts, ${formatCents(s.total_cents)}${s.filter.city ? ` (${s.filter.city})` : ''}`,
    `median ${formatCents(s.median_cents)}; p10 ${formatCents(q.p10)}, p25 ${formatCents(q.p25)}, p75 ${formatCents(q.p75)}, p90 ${formatCents(q.p90)}, p99 ${formatCents(q.p99)}; max ${formatCents(s.max_cents)}`,
    `paid by officers personally: ${s.officer_share.count} payouts, ${formatCents(s.officer_share.total_cents)} (${(s.officer_share.share_of_total * 100).toFixed(2)}% of the money)`,
    `payer inferred from the dataset, not stated by the row: ${s.assumed_payer.count} payouts, ${formatCents(s.assumed_payer.total_cents)}`,
    `linked to a case in the store by docket number: ${s.linked_payouts}`,
    '',
    table([by.replace('_', ' '), 'payouts', 'total', 'share', 'median'],
      groups(s, by).map((g) => [g.key, g.count, formatCents(g.total_cents), `${(g.share_of_total * 100).toFixed(1)}%`, formatCents(g.median_cents)]), [1, 2, 3, 4]),
    '',
    'distribution of amounts:',
    table(['amount', 'payouts', 'total'], s.buckets.map((b) => [b.label, b.count, formatCents(b.total_cents)]), [1, 2]),
    '',
    ...s.notes.map((n) => `note: ${n}`),
    '',
    'caveats (from the publishers and from clearly):',
    ...s.caveats.map((c) => `- ${c.text}\n  (${c.source})`),
  ];
  return `${lines.join('\n')}\n`;
}

function registerSummary(payouts: Command): void {
  addStoreOptions(payouts
    .command('summary')
    .description('totals, counts, officer share, median and distribution of the ledger, grouped one way')
    .requiredOption('--by <dimension>', `one of ${Object.keys(BY).join(', ')}`)
    .option('--city <name>', 'only payouts of this city or jurisdiction (e.g. Chicago, "Chicago, IL", Minnesota)')
    .option('--state <code>', 'only payouts of this state')
    .option('--format <name>', 'only payouts read by this reader or mapping (fivethirtyeight, minnesota, …)'))
    .option('--json', 'print one JSON object (every grouping, caveats included)')
    .option('--csv', 'print the chosen grouping as CSV (caveats go to stderr)')
    .action(async (opts: SummaryOpts) => {
      oneOutput(opts, ['--json', '--csv']);
      const by = BY[opts.by];
      if (!by) throw new ClearlyError('usage', `--by must be one of ${Object.keys(BY).join(', ')}, not ${JSON.stringify(opts.by)}`);
      const filter = { ...(opts.city ? { city: opts.city } : {}), ...(opts.state ? { state: opts.state } : {}), ...(opts.format ? { source_format: opts.format } : {}) };
      const s = await withStore(opts, (store) => summarizeLedger(store, filter));
      if (s.count === 0) say('clearly: no payouts match; import some with `clearly payouts import FILE…`');
      if (opts.json) return out(`${JSON.stringify({ group_by: by, ...s }, null, 2)}\n`);
      if (opts.csv) {
        for (const c of s.caveats) say(`caveat: ${c.text} (${c.source})`);
        return out(toCsv([by, 'payouts', 'total_dollars', 'share_of_total', 'median_dollars'],
          groups(s, by).map((g) => [g.key, g.count, cents2(g.total_cents), g.share_of_total.toFixed(6), cents2(g.median_cents)])));
      }
      return out(summaryText(s, by));
    });
}

function registerLinkAndRejects(payouts: Command): void {
  addStoreOptions(payouts
    .command('link')
    .description('link payouts to cases in the store by docket number (run again after importing cases)'))
    .option('--json', 'print one JSON object')
    .action(async (opts: StoreFlags & { json?: boolean }) => {
      const r = await withStore(opts, linkPayoutsToCases);
      await out(opts.json ? `${JSON.stringify(r, null, 2)}\n` : `${r.linked_payouts} of ${r.payouts_with_docket} payouts with a docket number linked to cases (${r.links} links)\n`);
    });
  addStoreOptions(payouts
    .command('rejects')
    .description('the rejected rows recorded for imported files')
    .argument('<files...>', 'the files as imported (only the file name matters)'))
    .option('--json', 'print one JSON array')
    .action(async (files: string[], opts: StoreFlags & { json?: boolean }) => {
      const rejects = await withStore(opts, async (store) => (await Promise.all(files.map((f) => store.listRejects(payoutImportKey(f))))).flat());
      await out(opts.json ? `${JSON.stringify(rejects, null, 2)}\n` : rejects.map((r) => `${r.record_id ?? `${r.file}:${r.line}`}  ${r.reason}  — ${r.excerpt ?? ''}`).join('\n') + (rejects.length ? '\n' : ''));
      say(`clearly: ${rejects.length} rejected row${rejects.length === 1 ? '' : 's'}`);
    });
}

export function registerPayouts(program: Command): void {
  const payouts = program.command('payouts').description('the ledger of police-misconduct payouts: who pays, how much, for what');
  registerImport(payouts);
  registerSummary(payouts);
  registerLinkAndRejects(payouts);
}
