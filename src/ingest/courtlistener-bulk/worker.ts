/**
 * Worker-thread side of the threaded bulk reader (threaded.ts): runs the reader and posts its items in batches,
 * producing only while the main thread has granted credit, so at most a few batches are ever in flight. Each case
 * also gets its store-independent import work done here (`prepareCase`), unless `config.prepare` is false.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ClearlyError } from '../../errors/index.js';
import { prepareCase } from '../prepare.js';
import type { SourceItem } from '../types.js';
import { readBulk } from './reader.js';
import type { WorkerInput, WorkerMessage } from './threaded.js';

const port = parentPort!;
const input = workerData as WorkerInput;
const prepare = input.config.prepare !== false;
const stop = new AbortController();
let credit = 0;
let wake: (() => void) | undefined;

port.on('message', (m: { type: 'more' | 'stop' }) => {
  if (m.type === 'more') credit++;
  else stop.abort();
  wake?.();
});

const post = (m: WorkerMessage): void => port.postMessage(m);

/** Waits for credit (or a stop) before sending the next batch. */
async function send(items: SourceItem[]): Promise<void> {
  while (credit <= 0 && !stop.signal.aborted) await new Promise<void>((r) => (wake = r));
  if (stop.signal.aborted) return;
  credit--;
  post({ type: 'items', items });
}

async function run(): Promise<void> {
  let batch: SourceItem[] = [];
  let size = 0;
  let lastBytes = 0;
  const gen = readBulk(input.inputs, {
    ...(input.resumeFrom !== undefined ? { resumeFrom: input.resumeFrom } : {}),
    signal: stop.signal,
    onBytes: (n, total) => {
      const now = Date.now();
      if (now - lastBytes < 200) return; // the progress bar needs a few updates a second, not one per chunk
      lastBytes = now;
      post({ type: 'bytes', n, ...(total !== undefined ? { total } : {}) });
    },
  }, input.config);
  try {
    for await (const item of gen) {
      if (stop.signal.aborted) break;
      if (prepare && item.kind === 'case') item.prepared = prepareCase(item.case);
      batch.push(item);
      size += item.kind === 'case' ? item.case.opinions.reduce((s, o) => s + o.text.length + (o.html?.length ?? 0), 0) : 100;
      if (batch.length >= 64 || size >= 8 << 20) {
        await send(batch);
        batch = [];
        size = 0;
      }
    }
    if (batch.length && !stop.signal.aborted) await send(batch);
    post({ type: 'done' });
  } catch (err) {
    const e = err instanceof ClearlyError ? err : new ClearlyError('internal', (err as Error)?.message ?? String(err), { cause: err });
    post({ type: 'error', code: e.code, message: e.message, hint: e.hint, ...(e.location ? { location: e.location } : {}) });
  } finally {
    await gen.return(undefined);
  }
}

await run();
port.unref(); // nothing more to say: let the thread end once the last message is out
