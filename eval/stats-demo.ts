/**
 * Writes the FICTIONAL demo corpus of src/stats/demo-corpus.ts into a store, for trying `clearly stats` and for
 * the chart in docs/stats.md:   npx tsx eval/stats-demo.ts /tmp/clearly-demo.db
 * Its cases are invented ("Doe 12 v. Roe 12 (fictional demo case)"); its rates describe nothing real.
 */
import { openStore } from '../src/store/index.js';
import { writeDemoCorpus } from '../src/stats/demo-corpus.js';

const db = process.argv[2];
if (!db) {
  console.error('usage: npx tsx eval/stats-demo.ts DB_PATH');
  process.exit(2);
}
const store = await openStore({ db, env: {} });
const { decisions } = await writeDemoCorpus(store);
await store.close();
console.error(`wrote ${decisions} fictional demo QI decisions (and 2 coded cases that do not decide QI) to ${db}`);
