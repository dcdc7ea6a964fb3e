/** `clearly serve [--port] [--host] [--db | --database-url [--read-database-url]] [--token-file] [--json]`: the HTTP API and web UI. */
import type { Command } from 'commander';
import { ClearlyError } from '../../errors/index.js';
import { forkWorkers, isWorker, reportToPrimary } from '../../http/cluster.js';
import { resolveToken, startServer } from '../../http/index.js';
import { openStore } from '../../store/index.js';
import { wholeNumber } from '../args.js';
import { out, say } from '../io.js';
import { addStoreOptions, storeOptions, withKnowledgeStore, type StoreFlags } from '../store.js';

interface ServeCliOptions extends StoreFlags {
  port: string;
  host: string;
  tokenFile?: string;
  workers: string;
  refreshMs: string;
  json?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function registerServe(program: Command): void {
  addStoreOptions(program
    .command('serve')
    .description('serve the HTTP API (/v1, /openapi.json) and the web interface')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <addr>', 'address to listen on; loopback by default', '127.0.0.1'))
    .option('--token-file <file>', 'file holding the API token that allows writes (else CLEARLY_API_TOKEN; none = writes off)')
    .option('--workers <n>', 'server processes sharing the port (one per core is typical)', '1')
    .option('--refresh-ms <n>', 'how long an answer kept for reuse may be served after another process (an import) writes; 0 = never (forced with an API token and several workers)', '1000')
    .option('--json', 'print the listening address as one JSON object on stdout')
    .action(async (opts: ServeCliOptions) => {
      const port = wholeNumber('--port', opts.port, 0, 65535, 'a TCP port');
      const workers = wholeNumber('--workers', opts.workers, 1, 64);
      const refreshMs = wholeNumber('--refresh-ms', opts.refreshMs, 0, 3_600_000);
      const token = resolveToken(opts.tokenFile !== undefined ? { tokenFile: opts.tokenFile } : {});
      if (workers > 1 && !isWorker()) {
        // Load the knowledge base once, here, so the workers do not race to write it on their first assessment.
        const kind = await withKnowledgeStore(opts, async ({ store }) => store.kind);
        let stopped!: () => void;
        const done = new Promise<void>((r) => { stopped = r; });
        const url = await forkWorkers(workers, () => stopped());
        if (opts.json) await out(`${JSON.stringify({ url, store: kind, writes: token !== null, workers })}\n`);
        say(`clearly: serving ${url} with ${workers} workers (writes ${token ? 'need the API token' : 'off'}). Not legal advice. Ctrl-C stops.`);
        await done;
        say('clearly: server stopped');
        return;
      }
      // With writes on and several workers, a write through one worker is another process's commit to the others:
      // they read the generation at every request, so a correction shows on the next page whichever worker serves it.
      const store = await openStore({ ...storeOptions(opts), refresh_ms: token !== null && workers > 1 ? 0 : refreshMs });
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
      if (opts.json && !isWorker()) await out(`${JSON.stringify({ url: running.url, store: store.kind, writes: token !== null })}\n`);
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
