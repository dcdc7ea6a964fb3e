/** `clearly serve [--port] [--host] [--db|--database-url] [--token-file]`: the HTTP API and web UI. */
import type { Command } from 'commander';
import { ClearlyError } from '../../errors/index.js';
import { forkWorkers, isWorker, reportToPrimary } from '../../http/cluster.js';
import { resolveToken, startServer } from '../../http/index.js';
import { withKnowledgeBase } from '../../precedent/knowledge.js';
import { openStore } from '../../store/index.js';
import { say } from '../io.js';

interface ServeCliOptions {
  port: string;
  host: string;
  db?: string;
  databaseUrl?: string;
  tokenFile?: string;
  workers: string;
  json?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/v1, /openapi.json) and the web interface')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <addr>', 'address to listen on; loopback by default', '127.0.0.1')
    .option('--db <file>', 'SQLite database file (default: CLEARLY_DB or ~/.local/share/clearly/clearly.db)')
    .option('--database-url <url>', 'PostgreSQL server URL instead of the embedded store')
    .option('--token-file <file>', 'file holding the API token that allows writes (else CLEARLY_API_TOKEN; none = writes off)')
    .option('--workers <n>', 'server processes sharing the port (one per core is typical)', '1')
    .option('--json', 'print the listening address as one JSON object on stdout')
    .action(async (opts: ServeCliOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ClearlyError('usage', `--port ${opts.port} is not a TCP port (0–65535)`);
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new ClearlyError('usage', `--workers ${opts.workers} must be a whole number from 1 to 64`);
      const token = resolveToken(opts.tokenFile !== undefined ? { tokenFile: opts.tokenFile } : {});
      const storeOpts = { ...(opts.db ? { db: opts.db } : {}), ...(opts.databaseUrl ? { database_url: opts.databaseUrl } : {}) };
      if (workers > 1 && !isWorker()) {
        // Load the knowledge base once, here, so the workers do not race to write it on their first assessment.
        const store = await openStore(storeOpts);
        const kind = store.kind;
        try {
          await withKnowledgeBase(store);
        } finally {
          await store.close();
        }
        let stopped!: () => void;
        const done = new Promise<void>((r) => { stopped = r; });
        const url = await forkWorkers(workers, () => stopped());
        if (opts.json) process.stdout.write(`${JSON.stringify({ url, store: kind, writes: token !== null, workers })}\n`);
        say(`clearly: serving ${url} with ${workers} workers (writes ${token ? 'need the API token' : 'off'}). Not legal advice. Ctrl-C stops.`);
        await done;
        say('clearly: server stopped');
        return;
      }
      const store = await openStore(storeOpts);
      let running;
      try {
        running = await startServer({ store, port, host: opts.host, token });
      } catch (err) {
        await store.close();
        const code = (err as NodeJS.ErrnoException).code;
        throw new ClearlyError('usage', `cannot listen on ${opts.host}:${port}: ${code ?? (err as Error).message}`, {
          hint: code === 'EADDRINUSE' ? 'Another program uses that port; pass --port with another number (or 0).' : 'Check --host and --port.',
          cause: err,
        });
      }
      if (isWorker()) {
        reportToPrimary(running.url);
      } else if (!LOOPBACK.has(opts.host)) say(`clearly: listening on ${opts.host}, reachable from other machines; writes are ${token ? 'on (token required)' : 'off'}`);
      if (opts.json && !isWorker()) process.stdout.write(`${JSON.stringify({ url: running.url, store: store.kind, writes: token !== null })}\n`);
      if (!isWorker()) say(`clearly: serving ${running.url} (store: ${store.kind}; writes ${token ? 'need the API token' : 'off'}). Not legal advice. Ctrl-C stops.`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          void running.close().then(() => store.close()).then(resolve);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      if (isWorker()) process.disconnect?.(); // the IPC channel would keep a stopped worker alive
      else say('clearly: server stopped');
    });
}
