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
  coldMs?: number;
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
  let coldMs: number | undefined;
  if (engine === 'clearly') {
    // The compiled build, as users run it (npm run bench:cite builds first).
    const distUrl = new URL('../dist/cite/index.js', import.meta.url).href;
    const { findCitations } = (await import(distUrl)) as typeof import('../src/cite/index.js');
    const pass = (): number => {
      const t0 = performance.now();
      fullCases = 0;
      for (const d of docs) fullCases += findCitations(d).filter((c) => c.type === 'case').length;
      return performance.now() - t0;
    };
    coldMs = pass(); // first pass: data loading and JIT warm-up included
    const warm = [pass(), pass(), pass()].sort((a, b) => a - b);
    ms = warm[1]!; // median of three warm passes
  } else {
    const ey = (await import('@beshkenadze/eyecite')) as unknown as {
      getCitations: (t: string) => object[];
      FullCaseCitation: new (...a: unknown[]) => object;
    };
    ey.getCitations(docs[0] ?? '1 U.S. 1'); // warm-up on one opinion (a full pass would take minutes)
    const t0 = performance.now();
    for (const d of docs) fullCases += ey.getCitations(d).filter((c) => c instanceof ey.FullCaseCitation).length;
    ms = performance.now() - t0;
  }
  const run: Run = { engine, texts: docs.length, bytes, ms, coldMs, fullCases, maxRssMb: process.resourceUsage().maxRSS / 1024 };
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
const row = (label: string, r: Run): string => {
  const cold = r.coldMs ? (r.bytes / 1024 / 1024 / (r.coldMs / 1000)).toFixed(2) : '—';
  return `| ${label} | ${r.texts} | ${(r.bytes / 1024 / 1024).toFixed(1)} | ${r.fullCases} | ${mbps(r).toFixed(2)} | ${cold} | ${r.maxRssMb.toFixed(0)} |`;
};

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
  console.log('| run | texts | MB | full case citations | MB/s (warm, median of 3) | MB/s (first pass) | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row('clearly, all opinions', whole));
  console.log(row(`clearly, sample (${sampleMb} MB)`, ours));
  console.log(row(`@beshkenadze/eyecite, same sample`, theirs));
  console.log(`\nthroughput ratio on the sample: ${(mbps(ours) / mbps(theirs)).toFixed(0)}× (target ≥ 50×, and ≥ 20 MB/s)`);
  console.log(`full case citations on the sample: clearly ${ours.fullCases} vs eyecite port ${theirs.fullCases}`);
}
