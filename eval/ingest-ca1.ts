/**
 * npm run eval:ingest — imports ../shared/data/opinions/ca1-courtlistener-v3-opinions.jsonl.gz (1,091 bare v3
 * opinion objects: no case name, court or date fields) into a temporary store and reports:
 *   - the number of cases and the coverage of each inferred field;
 *   - agreement with signals the inference did not use for that field (the date CourtListener filed the PDF
 *     under, in `local_path`; the court named in the caption; the case-name slug's words);
 *   - accuracy on the hand-checked samples recorded in eval/ingest-ca1-sample.md (each sample and all together,
 *     with every miss listed);
 *   - whether every CourtListener-supplied link (opinions_cited, /opinion/ID/ anchors) between two opinions of the
 *     file is in the store's citation graph.
 * Reads shared data only; says so and exits 0 when it is absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { resolveCourt } from '../src/courts/index.js';
import { readerFor, runImport } from '../src/ingest/index.js';
import { caseIdFor, openStore, type CaseRecord } from '../src/store/index.js';
import { DATA_DIR } from './opinions.js';

const FILE = join(DATA_DIR, 'ca1-courtlistener-v3-opinions.jsonl.gz');
if (!existsSync(FILE)) {
  console.error(`eval:ingest: ${FILE} is not present; nothing to evaluate.`);
  process.exit(0);
}
type Op = Record<string, unknown> & { resource_uri: string; absolute_url: string; cluster: string; local_path: string | null; download_url: string | null; plain_text: string; html_with_citations: string; opinions_cited: string[] };
const ops = gunzipSync(readFileSync(FILE)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Op);
const idOf = (u: string): string => /(\d+)\/?$/.exec(u)![1]!;

const dir = mkdtempSync(join(tmpdir(), 'clearly-eval-'));
const store = await openStore({ db: join(dir, 'eval.db') });
const summary = await runImport({ store, reader: readerFor('courtlistener-json'), inputs: [FILE] });
console.log(`imported ${summary.imported} cases (${summary.opinions} opinions, ${summary.rejected} rejected) in ${(summary.elapsed_ms / 1000).toFixed(1)} s, ${summary.opinions_per_s} opinions/s`);
console.log(`links: ${JSON.stringify(summary.links)}`);

const cases = new Map<string, CaseRecord>();
for (const o of ops) {
  const c = await store.getCaseBySource('courtlistener', `cluster:${idOf(o.cluster)}`);
  if (c) cases.set(idOf(o.resource_uri), c);
}
const pct = (n: number, d: number): string => `${n}/${d} (${d ? ((100 * n) / d).toFixed(1) : '-'}%)`;
const all = [...cases.values()];
console.log(`\ncases in store: ${all.length} of ${ops.length} opinions`);
for (const f of ['case_name', 'court_id', 'decision_date', 'docket_number', 'precedential_status'] as const) {
  const have = all.filter((c) => c[f] !== null && c[f] !== '' && c[f] !== 'unknown').length;
  console.log(`  ${f.padEnd(20)} present ${pct(have, all.length)}`);
}

// Independent checks.
let dateChecked = 0, dateAgree = 0, courtChecked = 0, courtAgree = 0, nameChecked = 0, nameAgree = 0;
const disagreements: string[] = [];
const key = (s: string): string => s.replace(/\b([A-Za-uw-z])\.\s+(?=[A-Za-uw-z]\.)/g, '$1.').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f'’.]/g, '').replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim().replace(/(^| v )the /g, '$1');
for (const o of ops) {
  const c = cases.get(idOf(o.resource_uri));
  if (!c) continue;
  const path = /(\d{4})\/(\d{2})\/(\d{2})\//.exec(o.local_path ?? '');
  if (path && !/local_path/.test(c.inferred.decision_date?.method ?? '')) {
    dateChecked++;
    if (c.decision_date === `${path[1]}-${path[2]}-${path[3]}`) dateAgree++;
    else disagreements.push(`date ${o.absolute_url}: inferred ${c.decision_date}, file path ${path.slice(1).join('-')}`);
  }
  const text = o.plain_text || o.html_with_citations.replace(/<[^>]+>/g, ' ');
  const caption = resolveCourt(text.slice(0, 2000));
  if (caption?.via === 'caption') {
    courtChecked++;
    if (caption.court.id === c.court_id) courtAgree++;
    else disagreements.push(`court ${o.absolute_url}: inferred ${c.court_id}, caption ${caption.court.id}`);
  }
  const slug = /\/opinion\/\d+\/([a-z0-9-]+)\//.exec(o.absolute_url)?.[1] ?? '';
  if (slug && slug !== 'unknown-case-name' && !/appellant|appellee|petitioner|respondent|libel|relator|individually/.test(slug) && c.case_name) {
    nameChecked++;
    // Same case as CourtListener names it: every word of its slug appears, in order, in the inferred name (a slug
    // word may abbreviate a name word: "comm" for "Commission"; "us" is the United States).
    const words = key(c.case_name).split(' ');
    const want = slug.split('-').flatMap((t) => (t === 'us' || t === 'usa' ? ['united', 'states'] : [t])).filter((t) => t !== 'v');
    let i = 0;
    for (const w of words) if (i < want.length && w.startsWith(want[i]!)) i++;
    if (i === want.length) nameAgree++;
    else disagreements.push(`name ${o.absolute_url}: inferred "${c.case_name}"`);
  }
}
console.log(`\nagreement with signals not used for the field:`);
console.log(`  date vs CourtListener file path date      ${pct(dateAgree, dateChecked)}`);
console.log(`  court vs court named in the caption        ${pct(courtAgree, courtChecked)}`);
console.log(`  name holds every word of CourtListener's slug     ${pct(nameAgree, nameChecked)}`);

// Hand-checked samples: rows "| opinion id | accepted names | court | date(s) | notes |" in eval/ingest-ca1-sample.md,
// grouped by the "## Sample …" heading above them. Names and dates may list accepted forms separated by " / "; a date
// of "none" means the record prints none, so no date is correct.
const sampleFile = new URL('./ingest-ca1-sample.md', import.meta.url);
if (existsSync(sampleFile)) {
  const groups = new Map<string, string[][]>();
  let group = 'sample';
  for (const line of readFileSync(sampleFile, 'utf8').split('\n')) {
    const h = /^##\s+(Sample [^:]*)/.exec(line);
    if (h) group = h[1]!;
    const r = line.split('|').map((x) => x.trim());
    if (/^\d+$/.test(r[1] ?? '')) groups.set(group, [...(groups.get(group) ?? []), r]);
  }
  const wrong: string[] = [];
  const score = (rows: string[][]): { name: number; court: number; date: number } => {
    const ok = { name: 0, court: 0, date: 0 };
    for (const r of rows) {
      const c = cases.get(r[1]!);
      const dates = r[4]!.split(' / ').map((d) => (d === 'none' ? null : d));
      const good = { name: !!c && r[2]!.split(' / ').some((n) => key(n) === key(c.case_name)), court: c?.court_id === r[3], date: !!c && dates.includes(c.decision_date) };
      for (const f of ['name', 'court', 'date'] as const) {
        if (good[f]) ok[f]++;
        else wrong.push(`${r[1]} ${f}: inferred ${JSON.stringify(f === 'name' ? c?.case_name : f === 'court' ? c?.court_id : c?.decision_date)}, checked ${JSON.stringify(f === 'name' ? r[2] : f === 'court' ? r[3] : r[4])}`);
      }
    }
    return ok;
  };
  console.log(`\nhand-checked samples (eval/ingest-ca1-sample.md):`);
  const all: string[][] = [];
  for (const [g, rows] of groups) {
    const ok = score(rows);
    all.push(...rows);
    console.log(`  ${g.padEnd(34)} ${String(rows.length).padStart(3)} opinions: case name ${pct(ok.name, rows.length)}   court ${pct(ok.court, rows.length)}   date ${pct(ok.date, rows.length)}`);
  }
  wrong.length = 0;
  const ok = score(all);
  console.log(`  ${'all samples'.padEnd(34)} ${String(all.length).padStart(3)} opinions: case name ${pct(ok.name, all.length)}   court ${pct(ok.court, all.length)}   date ${pct(ok.date, all.length)}`);
  for (const w of wrong) console.log(`    wrong: ${w}`);
}

// Supplied links between opinions both in the file.
const inFile = new Set(ops.map((o) => idOf(o.resource_uri)));
let want = 0, kept = 0;
const missing: string[] = [];
for (const o of ops) {
  const from = idOf(o.resource_uri);
  const targets = new Set<string>(o.opinions_cited.map(idOf));
  for (const m of o.html_with_citations.matchAll(/href="\/opinion\/(\d+)\//g)) targets.add(m[1]!);
  targets.delete(from);
  const citing = cases.get(from);
  if (!citing) continue;
  const edges = (await store.cites(citing.id, { limit: 1000 })).items;
  for (const t of targets) {
    if (!inFile.has(t)) continue;
    want++;
    const target = caseIdFor('courtlistener', `cluster:${idOf(ops.find((x) => idOf(x.resource_uri) === t)!.cluster)}`);
    if (edges.some((e) => e.link.origin === 'courtlistener' && e.link.cited_case_id === target)) kept++;
    else missing.push(`${from} → ${t}`);
  }
}
console.log(`\nCourtListener-supplied links between opinions in the file kept in the graph: ${pct(kept, want)}`);
if (missing.length) console.log(`  missing: ${missing.slice(0, 20).join(', ')}`);
const stats = await store.stats();
console.log(`graph: ${stats.citation_links} links, ${stats.unresolved_links} unresolved (cited case not in this corpus)`);
if (disagreements.length) {
  console.log(`\ndisagreements to read (${disagreements.length}):`);
  for (const d of disagreements.slice(0, 80)) console.log(`  ${d}`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
