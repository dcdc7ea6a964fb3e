/** `clearly migrate-store --from URL|PATH --to URL|PATH [--json]`: copy a corpus between SQLite and PostgreSQL. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ClearlyError } from '../../errors/index.js';
import { isPostgresUrl, openStore } from '../../store/open.js';
import { redactUrl } from '../../store/postgres/redact.js';
import { transfer, type TransferCounts } from '../../store/postgres/transfer.js';
import type { Store } from '../../store/store.js';
import { wholeNumber } from '../args.js';
import { out, say } from '../io.js';

interface Options { from: string; to: string; json?: boolean; batch?: string }

/** A store location as it may be printed: URLs redacted, paths absolute. */
const shown = (where: string): string => (isPostgresUrl(where) ? redactUrl(where) : resolve(where));

async function open(where: string, role: 'source' | 'target'): Promise<Store> {
  if (isPostgresUrl(where)) return openStore({ database_url: where, env: {} });
  if (role === 'source' && !existsSync(where)) {
    // Opening a missing path would create an empty database and "copy" nothing.
    throw new ClearlyError('missing_input', `source database ${where} does not exist`, { location: { file: where } });
  }
  return openStore({ db: where, env: {} });
}

export function registerMigrateStore(program: Command): void {
  program
    .command('migrate-store')
    .description('copy cases, opinions, citation links, QI codings, payouts, checkpoints and rejects from one store to another')
    .requiredOption('--from <url|path>', 'source: a SQLite file or a postgres:// URL')
    .requiredOption('--to <url|path>', 'target: a SQLite file (created if missing) or a postgres:// URL')
    .option('--batch <n>', 'cases per transaction', '200')
    .option('--json', 'print the counts as one JSON object')
    .action(async (opts: Options) => {
      const batch = wholeNumber('--batch', opts.batch ?? '200', 1);
      if (shown(opts.from) === shown(opts.to)) throw new ClearlyError('usage', '--from and --to name the same store');
      const started = Date.now();
      const from = await open(opts.from, 'source');
      let to: Store | undefined;
      try {
        to = await open(opts.to, 'target');
        say(`clearly: copying ${shown(opts.from)} (${from.kind}) → ${shown(opts.to)} (${to.kind})`);
        const counts = await transfer(from, to, {
          source: isPostgresUrl(opts.from) ? { url: opts.from } : { path: opts.from },
          key: `migrate-store:${shown(opts.from)}`,
          batchSize: batch,
          onProgress: process.stderr.isTTY ? (phase, n) => process.stderr.write(`\r  ${phase}: ${n}   `) : undefined,
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        const summary = { from: shown(opts.from), to: shown(opts.to), ...counts, elapsed_ms: Date.now() - started };
        await out(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : table(counts));
        say(`clearly: ${counts.resumed ? 'resumed and ' : ''}copied in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } finally {
        await Promise.all([from.close(), to?.close()]);
      }
    });
}

function table(c: TransferCounts): string {
  const rows: [string, string][] = [
    ['cases', `${c.cases.inserted} inserted, ${c.cases.updated} updated, ${c.cases.unchanged} unchanged`],
    ['opinions', String(c.opinions)],
    ['citation links', `${c.links} from ${c.linked_opinions} opinions`],
    ['QI codings', String(c.qi_codings)],
    ['payouts', `${c.payouts.inserted} inserted, ${c.payouts.updated} updated, ${c.payouts.unchanged} unchanged`],
    ['officer rows', String(c.officer_rows)],
    ['payout-case links', String(c.payout_case_links)],
    ['checkpoints', String(c.checkpoints)],
    ['rejects', String(c.rejects)],
  ];
  return rows.map(([k, v]) => `${k.padEnd(18)} ${v}`).join('\n') + '\n';
}
