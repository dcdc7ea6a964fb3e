/**
 * `clearly serve --workers N`: N server processes sharing one listening socket (node:cluster), each with its own
 * store connection. Node runs JavaScript on one core per process, so on a multi-core machine this is how the
 * server uses the others; SQLite in WAL mode lets the workers read concurrently (PostgreSQL pools per worker).
 */
import cluster from 'node:cluster';

export const isWorker = (): boolean => cluster.isWorker;

/** In the primary: forks the workers and resolves with the URL the first one reports; stops them on signal. */
export function forkWorkers(n: number, onStop: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    let reported = false;
    let stopping = false;
    const fork = (): void => {
      const w = cluster.fork();
      w.on('message', (m: { url?: string }) => {
        if (m.url && !reported) {
          reported = true;
          resolve(m.url);
        }
      });
    };
    for (let i = 0; i < n; i++) fork();
    cluster.on('exit', (_w, code) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) onStop();
        return;
      }
      if (!reported) return reject(new Error(`a server worker exited with code ${code} before listening`));
      process.stderr.write(`clearly: a server worker exited (code ${code}); starting another\n`);
      fork();
    });
    const stop = (): void => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

/** In a worker: tells the primary where it listens, and exits if the primary goes away. */
export function reportToPrimary(url: string): void {
  process.send?.({ url });
  process.once('disconnect', () => process.exit(0));
}
