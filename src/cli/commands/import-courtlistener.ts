/**
 * `clearly import courtlistener --query … --court … --filed-after … [--token …]`: the live CourtListener API. (The
 * bulk CSV reader behind `clearly import FILES… [--format courtlistener-bulk]` is registered with the other file
 * readers in src/ingest/readers.ts.) Call after `registerImport(program)`: the subcommand hangs off `import`.
 */
import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { ClearlyError } from '../../errors/index.js';
import { courtListenerApiReader, apiOptionsFromEnv, DEFAULT_REQUESTS_PER_MINUTE, type ApiReaderOptions } from '../../ingest/courtlistener-api/index.js';
import { progressBar, runImport } from '../../ingest/index.js';
import { out, say } from '../io.js';
import { addStoreOptions, withStore, type StoreFlags } from '../store.js';

interface Options extends StoreFlags {
  query?: string;
  court?: string[];
  filedAfter?: string;
  filedBefore?: string;
  token?: string;
  baseUrl?: string;
  requestsPerMinute?: string;
  maxCases?: string;
  json?: boolean;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, ...v.split(/[\s,]+/).filter(Boolean)];

function positive(flag: string, s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!(n > 0) || !Number.isFinite(n)) throw new ClearlyError('usage', `${flag} must be a positive number, not "${s}"`);
  return n;
}

export function registerImportCourtListener(program: Command): void {
  const importCommand = program.commands.find((c) => c.name() === 'import');
  if (!importCommand) throw new Error('registerImportCourtListener must run after registerImport');
  addStoreOptions(importCommand
    .command('courtlistener')
    .description('import from the live CourtListener REST API v4: search results with their opinions (resumes where it stopped)')
    .option('--query <text>', 'full-text query in CourtListener search syntax')
    .option('--court <ids>', 'CourtListener court ids (ca1, scotus…); repeat or separate with commas', collect)
    .option('--filed-after <date>', 'only opinions filed after this date (YYYY-MM-DD)')
    .option('--filed-before <date>', 'only opinions filed before this date (YYYY-MM-DD)')
    .option('--token <token>', 'API token (default: COURTLISTENER_TOKEN; the variable keeps it out of process lists)')
    .option('--base-url <url>', 'API host (default: COURTLISTENER_BASE_URL, then https://www.courtlistener.com)')
    .option('--requests-per-minute <n>', `request rate (default ${DEFAULT_REQUESTS_PER_MINUTE}, the service's published limit)`)
    .option('--max-cases <n>', 'stop after this many cases'))
    .option('--json', 'print one JSON summary object (with the rejects) on stdout')
    .action(async (_opts: Options, cmd: Command) => {
      // The store flags and `--json` are also options of `import` itself, and commander gives them to the parent
      // when both define them: read them with the parent's.
      const opts = cmd.optsWithGlobals<Options>();
      const query: ApiReaderOptions = {
        ...(opts.query ? { query: opts.query } : {}),
        ...(opts.court?.length ? { courts: opts.court } : {}),
        ...(opts.filedAfter ? { filedAfter: opts.filedAfter } : {}),
        ...(opts.filedBefore ? { filedBefore: opts.filedBefore } : {}),
      };
      const rate = positive('--requests-per-minute', opts.requestsPerMinute);
      const max = positive('--max-cases', opts.maxCases);
      const config = apiOptionsFromEnv({
        ...query, ...(opts.token ? { token: opts.token } : {}), ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
        ...(rate ? { requestsPerMinute: rate } : {}), ...(max ? { maxCases: Math.floor(max) } : {}),
      });
      const reader = courtListenerApiReader(config);
      // One checkpoint per search (never per token), so the same command resumes and a different one starts afresh.
      const key = `courtlistener-api:${createHash('sha1').update(JSON.stringify([config.baseUrl ?? '', query])).digest('hex').slice(0, 16)}`;
      if (!config.token) say('clearly: no COURTLISTENER_TOKEN set; CourtListener may refuse anonymous API requests');
      await withStore(opts, async (store) => {
        const bar = progressBar();
        try {
          const summary = await runImport({ store, reader, inputs: [], import_key: key, ...(bar ? { onProgress: (p) => bar.update(p) } : {}) });
          bar?.stop();
          const rejects = await store.listRejects(key, { limit: 1000 });
          if (opts.json) await out(`${JSON.stringify({ ...summary, rejects }, null, 2)}\n`);
          say(`clearly: imported ${summary.imported}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected} ` +
            `(${summary.opinions} opinions in ${(summary.elapsed_ms / 1000).toFixed(1)} s)`);
        } finally {
          bar?.stop();
        }
      });
    });
}
