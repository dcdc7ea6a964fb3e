/**
 * Helper for the hand check of eval/ingest-ca1-sample.md: `npx tsx eval/ingest-ca1-read.ts [--blind|--after|--slug] ids…`
 * prints, for each opinion, what the importer infers (name, court, date) beside the opening lines of the opinion's
 * own text, so the caption can be read next to the inference; `--blind` the text alone, `--slug` CourtListener's
 * slug and file path alone, `--after` those and the inference. `--sample N SEED [--ids] [--leave-out FILE]` draws N
 * opinion ids with a seeded generator (mulberry32), leaving out ids already in the sample file (and those in FILE),
 * and prints them in file order. `--check [--by-sample]` scores the sample file; `--all [--except FILE]` prints every
 * opinion's inference. Reads shared data only; nothing here feeds the importer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { inferCaseMeta } from '../src/ingest/caption/infer.js';
import { opinionText } from '../src/ingest/courtlistener-json/records.js';
import { DATA_DIR } from './opinions.js';

const FILE = join(DATA_DIR, 'ca1-courtlistener-v3-opinions.jsonl.gz');
if (!existsSync(FILE)) {
  console.error(`${FILE} is not present.`);
  process.exit(0);
}
type Op = Record<string, unknown> & { resource_uri: string; absolute_url: string; local_path: string | null; download_url: string | null };
const ops = gunzipSync(readFileSync(FILE)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Op);
const DATED = /\b(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|two thousand/i;
const idOf = (u: string): string => /(\d+)\/?$/.exec(u)![1]!;

/** mulberry32: a small seeded generator, so the drawn sample can be drawn again. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const args = process.argv.slice(2);
let ids: string[];
if (args[0] === '--sample') {
  const n = Number(args[1]);
  const rand = mulberry32(Number(args[2]));
  const sampleFile = new URL('./ingest-ca1-sample.md', import.meta.url);
  const taken = new Set(existsSync(sampleFile) ? readFileSync(sampleFile, 'utf8').split('\n').map((l) => l.split('|')[1]?.trim() ?? '').filter((x) => /^\d+$/.test(x)) : []);
  // `--leave-out FILE`: ids of a sample drawn but not yet recorded (to draw the next one ahead, for `--all --except`).
  const leaveOut = args.indexOf('--leave-out');
  if (leaveOut !== -1) for (const id of readFileSync(args[leaveOut + 1]!, 'utf8').split(/\s+/).filter(Boolean)) taken.add(id);
  const pool = ops.map((o) => idOf(o.resource_uri)).filter((id) => !taken.has(id));
  // Fisher–Yates on the pool, first n kept, then listed in file order.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const chosen = new Set(pool.slice(0, n));
  ids = ops.map((o) => idOf(o.resource_uri)).filter((id) => chosen.has(id));
  if (args.includes('--ids')) { console.log(ids.join(' ')); process.exit(0); }
} else if (args[0] === '--check') {
  // Quick score of the sample file straight from the inference (no store): name, court and date per row.
  const key = (x: string): string => x.replace(/\b([A-Za-uw-z])\.\s+(?=[A-Za-uw-z]\.)/g, '$1.').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f'’.]/g, '').replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim().replace(/(^| v )the /g, '$1');
  // Rows keep the sample they stand under ("## Sample J: …"), for the per-sample lines printed at the end.
  let sample = '';
  const rows = readFileSync(new URL('./ingest-ca1-sample.md', import.meta.url), 'utf8').split('\n').map((l) => {
    const h = /^##\s+Sample (\w+)/.exec(l);
    if (h) sample = h[1]!;
    return [...l.split('|').map((x) => x.trim()), sample];
  }).filter((r) => /^\d+$/.test(r[1] ?? ''));
  const ok = { name: 0, court: 0, date: 0 };
  const bySample = new Map<string, { n: number; name: number; court: number; date: number }>();
  for (const r of rows) {
    const o = ops.find((x) => idOf(x.resource_uri) === r[1]);
    if (!o) continue;
    const m = inferCaseMeta({ text: opinionText(o).text, absolute_url: o.absolute_url, download_url: o.download_url, local_path: o.local_path });
    const good = {
      name: r[2]!.split(' / ').some((n) => key(n) === key(m.case_name ?? '')),
      court: m.court_id === r[3],
      date: r[4]!.split(' / ').map((d) => (d === 'none' ? null : d)).includes(m.decision_date),
    };
    const per = bySample.get(r[r.length - 1]!) ?? { n: 0, name: 0, court: 0, date: 0 };
    per.n++;
    bySample.set(r[r.length - 1]!, per);
    for (const f of ['name', 'court', 'date'] as const) if (good[f]) { ok[f]++; per[f]++; }
    if (!good.name || !good.court || !good.date) console.log(`${r[1]}: ${m.case_name} | ${m.court_id} | ${m.decision_date}   want ${r[2]} | ${r[3]} | ${r[4]}`);
  }
  if (args.includes('--by-sample')) for (const [k, v] of bySample) console.log(`sample ${k} (${v.n}): name ${v.name}, court ${v.court}, date ${v.date}`);
  console.log(`${rows.length} rows: name ${ok.name}, court ${ok.court}, date ${ok.date}`);
  process.exit(0);
} else if (args[0] === '--all') {
  // Every opinion's inference, one tab-separated line each (id, name, court, date): for diffing two versions of the
  // rules over the whole file. `--all --except FILE` leaves out the ids listed in FILE (a held-out sample).
  const except = args[1] === '--except' ? new Set(readFileSync(args[2]!, 'utf8').split(/\s+/).filter(Boolean)) : new Set<string>();
  for (const o of ops) {
    const id = idOf(o.resource_uri);
    if (except.has(id)) continue;
    const m = inferCaseMeta({ text: opinionText(o).text, absolute_url: o.absolute_url, download_url: o.download_url, local_path: o.local_path });
    console.log([id, m.case_name, m.court_id, m.decision_date].join('\t'));
  }
  process.exit(0);
} else ids = args;

// `--blind ID…`: the opinion's own text only (no URL slug, file path or inference), for writing the answer before
// seeing what the importer says; `--after ID…` then prints the slug, file path and inference alone.
// `--slug ID…` prints CourtListener's slug and file path alone (no inference), for the second step of a blind read.
const blind = process.argv.includes('--blind');
const after = process.argv.includes('--after');
const slugOnly = process.argv.includes('--slug');
ids = ids.filter((x) => /^\d+$/.test(x));

for (const id of ids) {
  const o = ops.find((x) => idOf(x.resource_uri) === id);
  if (!o) { console.log(`## ${id}: not in the file`); continue; }
  if (slugOnly) { console.log(`## ${id}  ${o.absolute_url}  ${o.local_path ?? ''}`); continue; }
  const text = opinionText(o).text;
  if (blind) console.log(`## ${id}`);
  else {
    const m = inferCaseMeta({ text, absolute_url: o.absolute_url, download_url: o.download_url, local_path: o.local_path });
    console.log(`## ${id}  ${o.absolute_url}  ${o.local_path ?? ''}`);
    console.log(`=> ${m.case_name} | ${m.court_id} | ${m.decision_date}   [${m.inferred.case_name?.method ?? ''}; ${m.inferred.decision_date?.method ?? ''}]`);
    if (after) continue;
  }
  const lines = text.slice(0, 8000).split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const n = Number(process.env.LINES ?? 24);
  console.log(lines.slice(0, n).map((l) => `   ${l.slice(0, 140)}`).join('\n'));
  // Later lines that carry a date, so the date line can be read too.
  const dated = lines.slice(n).filter((l) => DATED.test(l)).slice(0, 4);
  if (dated.length) console.log(dated.map((l) => `   …D: ${l.slice(0, 140)}`).join('\n'));
}
