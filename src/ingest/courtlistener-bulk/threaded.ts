/**
 * The bulk reader as registered: parsing, decompression bookkeeping and the join run on a worker thread, so the
 * import pipeline (citation extraction, indexing) has the main thread to itself — on a 2-core machine the reader
 * then costs the pipeline almost nothing. Items cross as structured clones in batches; the worker produces only
 * against credit, so memory stays bounded. Running uncompiled (vitest, tsx) there is no worker file, and the
 * reader runs in-thread.
 */
import { Worker } from 'node:worker_threads';
import { ClearlyError, type ErrorCode, type ErrorLocation } from '../../errors/index.js';
import type { JsonValue } from '../../store/index.js';
import type { ReadOptions, SourceItem, SourceReader } from '../types.js';
import { FORMAT, readBulk, type BulkReaderOptions } from './reader.js';

export interface WorkerInput {
  inputs: string[];
  resumeFrom?: JsonValue;
  config: BulkReaderOptions;
}

export type WorkerMessage =
  | { type: 'items'; items: SourceItem[] }
  | { type: 'bytes'; n: number; total?: number }
  | { type: 'done' }
  | { type: 'error'; code: ErrorCode; message: string; hint: string; location?: ErrorLocation };

const YOUNG_MB = 96;

/**
 * Batches (≤ 64 items or 8 MB each) the main thread lets the worker run ahead by: enough for the worker to keep
 * preparing a whole pipeline batch (200 cases) while the main thread writes the previous one.
 */
const AHEAD = 8;

const compiled = !import.meta.url.endsWith('.ts');

export function courtListenerBulkReader(config: BulkReaderOptions = {}): SourceReader {
  const thread = config.thread ?? compiled;
  return {
    format: FORMAT,
    read: (inputs, options = {}) => (thread ? readThreaded(inputs, options, config) : readBulk(inputs, options, config)),
  };
}

/** The reader with default settings, for format registration. */
export const courtListenerBulk: SourceReader = courtListenerBulkReader();

async function* readThreaded(inputs: string[], options: ReadOptions, config: BulkReaderOptions): AsyncGenerator<SourceItem> {
  const data: WorkerInput = { inputs, config: { ...config, thread: false }, ...(options.resumeFrom !== undefined ? { resumeFrom: options.resumeFrom } : {}) };
  // A larger young generation: the worker allocates whole opinions (parsing, citation extraction) and the default
  // 16 MB semi-spaces made it scavenge — and promote still-live opinions — every few records.
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let exited = false;
  const push = (m: WorkerMessage): void => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', (m: WorkerMessage) => (m.type === 'bytes' ? options.onBytes?.(m.n, m.total) : push(m)));
  worker.on('error', (err) => push({ type: 'error', code: 'internal', message: err.message, hint: 'This is a bug in clearly.' }));
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  const onAbort = (): void => worker.postMessage({ type: 'stop' });
  options.signal?.addEventListener('abort', onAbort, { once: true });
  for (let i = 0; i < AHEAD; i++) worker.postMessage({ type: 'more' });
  try {
    for (;;) {
      while (!queue.length) {
        if (exited) throw new ClearlyError('internal', 'the bulk reader worker stopped unexpectedly');
        await new Promise<void>((r) => (wake = r));
      }
      const m = queue.shift()!;
      if (m.type === 'done') return;
      if (m.type === 'error') {
        if (options.signal?.aborted) throw new ClearlyError('interrupted', 'import interrupted');
        throw new ClearlyError(m.code, m.message, { hint: m.hint, ...(m.location ? { location: m.location } : {}) });
      }
      if (m.type === 'items') {
        worker.postMessage({ type: 'more' });
        yield* m.items;
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (!exited) {
      // Let the worker's own cleanup run (stop the decompressor, close the temp index) before it goes.
      worker.postMessage({ type: 'stop' });
      const gone = new Promise<void>((r) => worker.once('exit', () => r()));
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await gone;
      clearTimeout(timer);
    }
  }
}
