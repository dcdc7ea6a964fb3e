/**
 * `clearly stats grant-rate|waistband`: QI analytics over the coded corpus in the store (src/stats/). Tables, JSON
 * or CSV on stdout; charts to the files named by --svg / --png; the not-legal-advice notice on every output.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ClearlyError } from '../../errors/index.js';
import { resolveDbPath } from '../../store/index.js';
import { resolveDatabaseUrl } from '../../store/open.js';
import {
  GRANT_DIMENSIONS, circuitLabel, grantRateChart, grantRates, loadCorpus, renderPng, toCsv, waistbandReport,
  type Corpus, type GrantDimension, type GrantRateReport, type RateRow,
} from '../../stats/index.js';
import { percent, table } from '../../stats/table.js';
import { oneOutput, optionalWholeNumber } from '../args.js';
import { out, say, writeOutput } from '../io.js';
import { addStoreOptions, storeOptions, withStore, type StoreFlags } from '../store.js';

interface CommonOpts extends StoreFlags { json?: boolean; csv?: boolean; from?: string; to?: string }

function year(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) throw new ClearlyError('usage', `${flag} must be a four-digit year, not ${JSON.stringify(v)}`);
  return Number(v);
}

async function corpusOf(opts: CommonOpts): Promise<Corpus> {
  oneOutput(opts, ['--json', '--csv']);
  const corpus = await withStore(opts, loadCorpus);
  if (corpus.decisions.length === 0) say('clearly: the store holds no coded QI decisions; code opinions first (clearly code, or import with coding)');
  return corpus;
}

/** The store as a chart may name it: the SQLite file's name, or the PostgreSQL database's (never the URL). */
function storeName(flags: StoreFlags): string {
  const url = resolveDatabaseUrl(storeOptions(flags));
  if (url === undefined) return basename(resolveDbPath(storeOptions(flags)));
  try {
    return `PostgreSQL database ${decodeURIComponent(new URL(url).pathname.slice(1)) || '(default)'}`;
  } catch {
    return 'a PostgreSQL database';
  }
}

const RATE_HEADER = ['decisions', 'granted', 'denied', 'mixed', 'excluded', 'grant rate', '95% CI'];
const rateCells = (r: RateRow): (string | number)[] =>
  [r.decisions, r.granted, r.denied, r.mixed, r.excluded, percent(r.rate, 1), r.rate === null ? '—' : `${percent(r.ci_low, 1)}–${percent(r.ci_high, 1)}`];
const rateCsv = (r: RateRow): (string | number | null)[] => [r.decisions, r.granted, r.denied, r.mixed, r.excluded, r.rate, r.ci_low, r.ci_high];
const CSV_RATE = ['decisions', 'granted', 'denied', 'mixed', 'excluded', 'grant_rate', 'ci95_low', 'ci95_high'];

function reportText(r: GrantRateReport): string {
  const label = r.period ? `${r.period}-year period` : r.by;
  return [
    table([label, ...RATE_HEADER], [...r.rows.map((x) => [r.by === 'circuit' ? circuitLabel(x.key) : x.key, ...rateCells(x)]), ['all', ...rateCells(r.overall)]], [1, 2, 3, 4, 5, 6]),
    '',
    `definition: ${r.definition}`,
    ...r.notes.map((n) => `note: ${n}`),
    r.notice,
    '',
  ].join('\n');
}

interface GrantOpts extends CommonOpts { by: string; period?: string; svg?: string; png?: string; title?: string; subtitle?: string }

function registerGrantRate(stats: Command): void {
  addStoreOptions(stats
    .command('grant-rate')
    .description('how often courts granted qualified immunity, by one dimension, with counts and 95% Wilson intervals')
    .requiredOption('--by <dimension>', GRANT_DIMENSIONS.join(' | '))
    .option('--period <years>', 'with --by year: group years into periods of this many years (for trends in sparse data)')
    .option('--from <year>', 'only decisions from this year on')
    .option('--to <year>', 'only decisions up to this year'))
    .option('--json', 'print one JSON object')
    .option('--csv', 'print the rows as CSV')
    .option('--svg <file>', 'write the chart as SVG')
    .option('--png <file>', 'write the chart as PNG (renders with headless Chromium)')
    .option('--title <text>', 'chart title')
    .option('--subtitle <text>', 'chart subtitle: say what corpus this is (default: the database and its counts)')
    .action(async (opts: GrantOpts) => {
      if (!(GRANT_DIMENSIONS as readonly string[]).includes(opts.by)) throw new ClearlyError('usage', `--by must be one of ${GRANT_DIMENSIONS.join(', ')}, not ${JSON.stringify(opts.by)}`);
      const period = optionalWholeNumber('--period', opts.period, 1, 50);
      const [from, to] = [year('--from', opts.from), year('--to', opts.to)];
      const corpus = await corpusOf(opts);
      const report = grantRates(corpus.decisions, opts.by as GrantDimension, {
        ...(period ? { period } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}),
      });
      if (opts.svg || opts.png) {
        const subtitle = opts.subtitle ?? `Corpus: ${report.overall.decisions} QI decisions coded in ${storeName(opts)} ` +
          `(${report.coders.human} human-, ${report.coders.machine} machine-coded)${from || to ? `, ${from ?? '…'}–${to ?? '…'}` : ''}.`;
        const chart = grantRateChart(report, { ...(opts.title ? { title: opts.title } : {}), subtitle });
        if (opts.svg) {
          await writeOutput(opts.svg, chart.svg);
          say(`clearly: chart written to ${opts.svg}`);
        }
        if (opts.png) {
          await renderPng(chart, opts.png);
          say(`clearly: chart written to ${opts.png}`);
        }
      }
      if (opts.json) await out(`${JSON.stringify({ ...report, not_qi: corpus.not_qi }, null, 2)}\n`);
      else if (opts.csv) await out(toCsv([report.by, ...CSV_RATE], [...report.rows.map((x) => [x.key, ...rateCsv(x)]), ['all', ...rateCsv(report.overall)]]));
      else await out(reportText(report));
    });
}

function registerWaistband(stats: Command): void {
  addStoreOptions(stats
    .command('waistband')
    .description('in shooting cases: how often officers claimed the subject reached for his waistband, and QI outcomes with and without that claim')
    .option('--from <year>', 'only decisions from this year on')
    .option('--to <year>', 'only decisions up to this year'))
    .option('--json', 'print one JSON object')
    .option('--csv', 'print the two groups as CSV')
    .action(async (opts: CommonOpts) => {
      const [from, to] = [year('--from', opts.from), year('--to', opts.to)];
      const corpus = await corpusOf(opts);
      const w = waistbandReport(corpus.decisions, { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
      const groups = [w.outcomes.with_claim, w.outcomes.without_claim];
      if (opts.json) return out(`${JSON.stringify(w, null, 2)}\n`);
      if (opts.csv) return out(toCsv(['group', ...CSV_RATE], groups.map((g) => [g.key, ...rateCsv(g)])));
      const d = w.difference;
      return out([
        `shooting decisions (factors ${w.definition.shooting_factors.join(', ')}): ${w.shooting_decisions}`,
        `with the claim (${w.definition.claim_ids.join(', ')}): ${w.with_claim} = ${percent(w.claim_share, 1)}` +
          (w.claim_share === null ? '' : ` (95% CI ${percent(w.claim_ci_low, 1)}–${percent(w.claim_ci_high, 1)})`),
        '',
        table(['group', ...RATE_HEADER], groups.map((g) => [g.key, ...rateCells(g)]), [1, 2, 3, 4, 5, 6]),
        '',
        d ? `grant rate with the claim minus without: ${(d.diff * 100).toFixed(1)} points (95% CI ${(d.low * 100).toFixed(1)} to ${(d.high * 100).toFixed(1)}; Newcombe)` : 'difference: not computable (a group has no granted or denied decision)',
        `definition: ${w.definition.grant}`,
        ...w.notes.map((n) => `note: ${n}`),
        w.notice,
        '',
      ].join('\n'));
    });
}

export function registerStats(program: Command): void {
  const stats = program.command('stats').description('QI analytics over the coded corpus: grant rates, the waistband claim (not legal advice)');
  registerGrantRate(stats);
  registerWaistband(stats);
}
