/**
 * The store `bench:serve` runs against: N cases (one opinion each) written straight through the Store, with the
 * texts of the real opinions in ../shared/data/opinions/ when present (cut to TEXT_CAP characters so a 100k store
 * stays a few GB at most), else generated legal-sounding text. Cached in bench/out/ (gitignored) and reused.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openStore, caseIdFor, type CaseInput, type Store } from '../src/store/index.js';
import { loadSources } from './import-generate.js';

export const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));
const TEXT_CAP = 6000;
const COURTS: [string, string][] = [['ca1', '1'], ['ca2', '2'], ['ca3', '3'], ['ca4', '4'], ['ca5', '5'], ['ca6', '6'], ['ca7', '7'], ['ca8', '8'], ['ca9', '9'], ['ca10', '10'], ['ca11', '11'], ['cadc', 'dc'], ['scotus', '']];
const WORDS = 'officer force arrest excessive qualified immunity police dog taser handcuffed summary judgment fourth amendment clearly established deadly warrant probable cause plaintiff defendant district court reversed affirmed seizure search vehicle suspect resisted fled compliant ground hands raised'.split(' ');

export const caseId = (i: number): string => caseIdFor('bench', `c${i}`);

function synthetic(i: number): string {
  let seed = i * 2654435761 >>> 0;
  const next = (): number => (seed = (seed * 1664525 + 1013904223) >>> 0);
  return Array.from({ length: 600 }, () => WORDS[next() % WORDS.length]).join(' ');
}

export function corpusTexts(): { texts: string[]; real: boolean } {
  const sources = loadSources();
  if (sources?.length) return { texts: sources.map((s) => s.plain.slice(0, TEXT_CAP)).filter((t) => t.length > 200), real: true };
  return { texts: Array.from({ length: 500 }, (_, i) => synthetic(i)), real: false };
}

export function benchCase(i: number, texts: string[], prefix = 'c'): CaseInput {
  const [court, circuit] = COURTS[i % COURTS.length]!;
  const year = 1990 + (i % 34);
  return {
    source: 'bench', source_id: `${prefix}${i}`, case_name: `Plaintiff ${i} v. Officer ${i % 977}`,
    court_id: court, circuit: circuit || null, decision_date: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
    precedential_status: i % 5 === 0 ? 'unpublished' : 'published',
    citations: [{ volume: String(100 + Math.floor(i / 1000)), reporter: 'F.3d', page: String(1 + (i % 1000)) }],
    opinions: [{ source_id: `${prefix}o${i}`, type: 'majority', text: `${texts[i % texts.length]!}\n[bench case ${i}]` }],
  };
}

/** Opens (building when needed) the N-case store; returns it with whether real texts were used. */
export async function benchStore(n: number): Promise<{ store: Store; path: string; real: boolean }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = `${OUT_DIR}serve-${n}.db`;
  const fresh = !existsSync(path);
  const store = await openStore({ db: path });
  const have = (await store.stats()).cases;
  const { texts, real } = corpusTexts();
  if (fresh || have < n) {
    const t0 = Date.now();
    for (let start = have; start < n; start += 1000) {
      const cases = Array.from({ length: Math.min(1000, n - start) }, (_, k) => benchCase(start + k, texts));
      await store.upsertCases({ cases });
      if ((start / 1000) % 10 === 0) process.stderr.write(`\rbuilding store: ${start + cases.length}/${n} cases`);
    }
    process.stderr.write(`\rbuilt ${n} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s (${real ? 'real opinion texts' : 'synthetic texts'})\n`);
  }
  return { store, path, real };
}
