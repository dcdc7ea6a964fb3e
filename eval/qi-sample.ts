/**
 * Reproduces the random part of the QI label set (eval/labels/qi-labels.json, sample "random"): 26 opinions drawn
 * with mulberry32(20240604) from the opinions of 500+ characters that never mention "qualified immunity". Run with
 * `npx tsx eval/qi-sample.ts`; reads ../shared/data/opinions/ when present.
 */
import { DATA_DIR, loadOpinions } from './opinions.js';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED = 20240604;
export const SAMPLE_SIZE = 26;

const opinions = loadOpinions();
if (!opinions) {
  process.stderr.write(`eval:qi-sample: no opinions at ${DATA_DIR}\n`);
  process.exit(0);
}
const text = (o: { plain: string; html: string }): string => o.plain || o.html.replace(/<[^>]+>/g, ' ');
const pool = opinions.filter((o) => text(o).trim().length >= 500 && !/qualified\s+immunity/i.test(text(o)));
const rnd = mulberry32(SEED);
const picked = new Set<number>();
while (picked.size < SAMPLE_SIZE) picked.add(Math.floor(rnd() * pool.length));
for (const i of picked) {
  const o = pool[i]!;
  process.stdout.write(`${o.id}\t${o.file}\t${text(o).replace(/\s+/g, ' ').trim().slice(0, 100)}\n`);
}
