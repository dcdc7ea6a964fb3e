/**
 * `npm run eval:qi` — the QI coder against hand labels (eval/labels/qi-labels.json) of real opinions in
 * ../shared/data/opinions/ (read when present; never committed). Reports precision and recall of decides_qi,
 * accuracy of outcome, prongs, posture and right over the opinions that decide QI, factor precision (and recall
 * against the key factors labelled), and every disagreement. `--json` prints the summary as one JSON object.
 */
import { readFileSync } from 'node:fs';
import { codeOpinion, type QiCodingDetail } from '../src/qi/index.js';
import { DATA_DIR, loadOpinions, type RealOpinion } from './opinions.js';

interface Label {
  id: string;
  file: string;
  case: string;
  sample: string;
  decides_qi: boolean;
  outcome: string | null;
  prong1: string | null;
  prong2: string | null;
  posture: string | null;
  right: string | null;
  factors: string[];
  /** Factors the machine emitted that a human checked afterwards and found true on the opinion's facts. */
  factors_also_true?: string[];
  reasoning: string;
}

const labels = (JSON.parse(readFileSync(new URL('./labels/qi-labels.json', import.meta.url), 'utf8')) as { labels: Label[] }).labels;
const asJson = process.argv.includes('--json');

const opinions = loadOpinions();
if (!opinions) {
  process.stderr.write(`eval:qi: no opinions at ${DATA_DIR} — nothing to evaluate (the labels need the real texts)\n`);
  process.exit(0);
}
const byId = new Map<string, RealOpinion>(opinions.map((o) => [o.id, o]));

const say = (s: string): void => {
  if (!asJson) process.stdout.write(`${s}\n`);
};
const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : 'n/a');

let tp = 0, fp = 0, fn = 0, tn = 0;
const field = { outcome: [0, 0], prong1: [0, 0], prong2: [0, 0], posture: [0, 0], right: [0, 0] } as Record<string, [number, number]>;
let factorEmitted = 0, factorCorrect = 0, factorStrict = 0, factorGold = 0, factorFound = 0;
const disagreements: string[] = [];
let ms = 0;

for (const label of labels) {
  const op = byId.get(label.id);
  if (!op) {
    disagreements.push(`${label.id}: not found in ${label.file}`);
    continue;
  }
  const html = !op.plain.trim();
  const t0 = performance.now();
  const c: QiCodingDetail = codeOpinion(html ? op.html : op.plain, { html });
  ms += performance.now() - t0;
  const tag = `${label.case} [${label.id.replace(/.*\/opinions\/(\d+)\/$/, '$1')}]`;
  if (label.decides_qi && c.decides_qi) tp++;
  else if (!label.decides_qi && c.decides_qi) fp++;
  else if (label.decides_qi && !c.decides_qi) fn++;
  else tn++;
  if (label.decides_qi !== c.decides_qi) {
    disagreements.push(`${tag}: decides_qi label=${label.decides_qi} machine=${c.decides_qi}${c.evidence?.[0] ? `\n    machine read: "${c.evidence[0].sentence.slice(0, 240)}"` : ''}\n    label: ${label.reasoning.slice(0, 240)}`);
  }
  if (!label.decides_qi) continue;
  for (const k of Object.keys(field)) {
    const want = label[k as keyof Label] as string | null;
    if (want === null) continue;
    const got = c[k as keyof QiCodingDetail] as string | null;
    field[k]![1]++;
    if (got === want) field[k]![0]++;
    else disagreements.push(`${tag}: ${k} label=${want} machine=${got}`);
  }
  const ok = new Set([...label.factors, ...(label.factors_also_true ?? [])]);
  const emitted = c.factors.map((f) => f.id);
  factorEmitted += emitted.length;
  factorCorrect += emitted.filter((id) => ok.has(id)).length;
  factorStrict += emitted.filter((id) => label.factors.includes(id)).length;
  factorGold += label.factors.length;
  factorFound += label.factors.filter((id) => emitted.includes(id)).length;
  const wrong = c.factors.filter((f) => !ok.has(f.id));
  const missed = label.factors.filter((id) => !emitted.includes(id));
  if (wrong.length) disagreements.push(`${tag}: factors not in label: ${wrong.map((f) => `${f.id} (${f.confidence}) "${f.evidence.slice(0, 100)}"`).join('; ')}`);
  if (missed.length) disagreements.push(`${tag}: labelled factors missed: ${missed.join(', ')}`);
}

// Every opinion that mentions "qualified immunity" is labelled, so any other opinion the coder says decides QI is a
// false positive. Only texts with an immunity or "clearly established" phrase can trigger the coder; code those.
const labelled = new Set(labels.map((l) => l.id));
const unlabelledPositives: string[] = [];
let unlabelledChecked = 0;
for (const op of opinions) {
  if (labelled.has(op.id)) continue;
  const html = !op.plain.trim();
  const text = html ? op.html : op.plain;
  if (!/immun|clearly\s+established/i.test(text)) continue;
  unlabelledChecked++;
  if (codeOpinion(text, { html }).decides_qi) unlabelledPositives.push(op.id);
}
for (const id of unlabelledPositives) disagreements.push(`${id}: unlabelled opinion coded decides_qi=true (every opinion mentioning "qualified immunity" is labelled, so this is a false positive)`);

const precision = tp / (tp + fp || 1);
const recall = tp / (tp + fn || 1);
const summary = {
  opinions: labels.length,
  deciding_qi: labels.filter((l) => l.decides_qi).length,
  decides_qi: { precision, recall, tp, fp, fn, tn },
  accuracy: Object.fromEntries(Object.entries(field).map(([k, [n, d]]) => [k, { correct: n, of: d, accuracy: d ? n / d : null }])),
  factors: { precision: factorEmitted ? factorCorrect / factorEmitted : null, precision_key_factors_only: factorEmitted ? factorStrict / factorEmitted : null, emitted: factorEmitted, correct: factorCorrect, recall_of_key_factors: factorGold ? factorFound / factorGold : null },
  ms_per_opinion: ms / labels.length,
  rest_of_corpus: { opinions: opinions.length - labels.length, checked: unlabelledChecked, coded_decides_qi: unlabelledPositives.length },
  disagreements,
};

if (asJson) {
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
} else {
  say(`QI coding vs ${labels.length} hand-labelled opinions (${summary.deciding_qi} decide QI). Not legal advice.`);
  say(`decides_qi  precision ${pct(tp, tp + fp)}  recall ${pct(tp, tp + fn)}   (targets ≥ 95%)`);
  for (const [k, [n, d]] of Object.entries(field)) say(`${k.padEnd(10)}  accuracy ${pct(n, d)}${k === 'outcome' ? '   (target ≥ 90%)' : ''}`);
  say(`factors     precision ${pct(factorCorrect, factorEmitted)} after review (${pct(factorStrict, factorEmitted)} counting only the key factors labelled beforehand)   recall of key factors ${pct(factorFound, factorGold)}`);
  say(`rest        ${unlabelledPositives.length} of the ${opinions.length - labels.length} unlabelled opinions coded as deciding QI (${unlabelledChecked} with an immunity phrase checked; expected 0)`);
  say(`speed       ${summary.ms_per_opinion.toFixed(1)} ms per labelled opinion`);
  say(`\nDisagreements (${disagreements.length}):`);
  for (const d of disagreements) say(`- ${d}`);
}
