/**
 * npm run bench:cite — single-threaded citation-extraction throughput on the real opinions in
 * ../shared/data/opinions/, side by side with @beshkenadze/eyecite (a port of eyecite) on the same texts.
 * Each engine runs in its own child process so peak memory (max RSS) is its own.
 *
 *   npm run bench:cite                 # clearly on all opinions; both engines on a fixed sample
 *   npm run bench:cite -- --sample-mb 8
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadOpinions } from '../eval/opinions.js';

interface Run {
  engine: string;
  texts: number;
  bytes: number;
  ms: number;
  fullCases: number;
  maxRssMb: number;
}

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};

function texts(sampleMb: number | undefined): string[] {
  const ops = loadOpinions() ?? [];
  const all = ops.map((o) => o.plain || o.html.replace(/<[^>]+>/g, ' ')).filter((t) => t.length > 0);
  if (sampleMb === undefined) return all;
  // A fixed, spread-out sample: every k-th opinion until the byte budget is reached.
  const budget = sampleMb * 1024 * 1024;
  const out: string[] = [];
  let size = 0;
  for (let step = 7, i = 0; size < budget && out.length < all.length; i = (i + step) % all.length) {
    if (out.includes(all[i]!)) break;
    out.push(all[i]!);
    size += Buffer.byteLength(all[i]!);
  }
  return out;
}

async function child(engine: string, sampleMb: number | undefined): Promise<void> {
  const docs = texts(sampleMb);
  const bytes = docs.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let fullCases = 0;
  let ms: number;
  if (engine === 'clearly') {
    const { findCitations } = await import('../src/cite/index.js');
    findCitations(docs[0] ?? ''); // load data before timing
    const t0 = performance.now();
    for (const d of docs) fullCases += findCitations(d).filter((c) => c.type === 'case').length;
    ms = performance.now() - t0;
  } else {
    const ey = (await import('@beshkenadze/eyecite')) as unknown as {
      getCitations: (t: string) => object[];
      FullCaseCitation: new (...a: unknown[]) => object;
    };
    ey.getCitations('1 U.S. 1');
    const t0 = performance.now();
    for (const d of docs) fullCases += ey.getCitations(d).filter((c) => c instanceof ey.FullCaseCitation).length;
    ms = performance.now() - t0;
  }
  const run: Run = { engine, texts: docs.length, bytes, ms, fullCases, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(run));
}

function spawn(engine: string, sampleMb: number | undefined): Run {
  const self = fileURLToPath(import.meta.url);
  const extra = sampleMb === undefined ? [] : ['--sample-mb', String(sampleMb)];
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', engine, ...extra], {
    encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as Run;
}

const mbps = (r: Run): number => r.bytes / 1024 / 1024 / (r.ms / 1000);
const row = (label: string, r: Run): string =>
  `| ${label} | ${r.texts} | ${(r.bytes / 1024 / 1024).toFixed(1)} | ${r.fullCases} | ${mbps(r).toFixed(2)} | ${r.maxRssMb.toFixed(0)} |`;

if (args.includes('--child')) {
  const sample = args.includes('--sample-mb') ? Number(arg('--sample-mb', '4')) : undefined;
  await child(arg('--child', 'clearly'), sample);
} else if (!loadOpinions()) {
  console.error('bench:cite: ../shared/data/opinions/ is not present; nothing to measure.');
} else {
  const sampleMb = Number(arg('--sample-mb', '2'));
  const whole = spawn('clearly', undefined);
  const ours = spawn('clearly', sampleMb);
  const theirs = spawn('eyecite', sampleMb);
  console.log('| run | texts | MB | full case citations | MB/s | peak RSS MB |');
  console.log('|---|---|---|---|---|---|');
  console.log(row('clearly, all opinions', whole));
  console.log(row(`clearly, sample (${sampleMb} MB)`, ours));
  console.log(row(`@beshkenadze/eyecite, same sample`, theirs));
  console.log(`\nthroughput ratio on the sample: ${(mbps(ours) / mbps(theirs)).toFixed(0)}× (target ≥ 50×, and ≥ 20 MB/s)`);
  console.log(`full case citations on the sample: clearly ${ours.fullCases} vs eyecite port ${theirs.fullCases}`);
}
