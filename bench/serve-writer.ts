/**
 * The "import running at the same time" of bench:serve: a separate process that upserts batches of new cases
 * into the same SQLite store (WAL: readers are not blocked) until told to stop or its time is up. Bounded.
 */
import { openStore } from '../src/store/index.js';
import { benchCase, corpusTexts } from './serve-corpus.js';

const [path, secondsArg] = process.argv.slice(2);
const seconds = Math.min(Number(secondsArg ?? 60), 600);
let stop = false;
process.on('SIGTERM', () => { stop = true; });
const store = await openStore({ db: path! });
const { texts } = corpusTexts();
const stopAt = Date.now() + seconds * 1000;
let written = 0;
for (let batch = 0; !stop && Date.now() < stopAt && batch < 100_000; batch++) {
  const cases = Array.from({ length: 100 }, (_, k) => benchCase(batch * 100 + k, texts, `w${process.pid}-`));
  await store.upsertCases({ cases });
  written += cases.length;
}
await store.close();
process.stdout.write(`${JSON.stringify({ written, seconds })}\n`);
