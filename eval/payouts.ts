/**
 * The issue-6 bar, checked end to end through the CLI and the store (not a test: the data are not in the repo).
 *   npm run eval:payouts [-- SETTLEMENTS_DIR]     (default ../shared/data/settlements; builds first)
 * 1. `clearly payouts import` of every FiveThirtyEight *_edited.csv into a fresh store: every row accounted for
 *    (imported + rejected + officer-roster rows = data rows, per file, counted independently with csv-parse) and the
 *    ledger's total equal to the files' own exact sum to the cent; a second import changes nothing.
 * 2. The Minnesota workbook: 933 payouts, $60,791,553.21, and the payer counts of issue 6 and of an independent
 *    regex read of the sheet, through `clearly payouts summary --json` and the store's own records.
 * Exits 1 on any mismatch; says so and exits 0 when the data are absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fiveThirtyEightIndependent, minnesotaIndependent } from '../src/payouts/independent.js';
import { formatCents } from '../src/payouts/money.js';
import { loadPayouts } from '../src/payouts/ledger.js';
import { openStore } from '../src/store/index.js';

const root = process.argv[2] ?? fileURLToPath(new URL('../../shared/data/settlements', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/clearly.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'clearly-eval-payouts-'));
const db = join(tmp, 'ledger.db');
let checked = 0;
let failed = 0;
const check = (ok: boolean, what: string): void => {
  checked++;
  if (!ok) failed++;
  console.log(`  ${ok ? 'ok      ' : 'MISMATCH'} ${what}`);
};

function clearly(args: string[]): unknown {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`clearly ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

interface FileResult { file: string; rows: number; inserted: number; updated: number; unchanged: number; rejected: number; officer_rows: number; error?: unknown }
interface ImportOut { files: FileResult[]; ledger: { payouts: number; total_cents: number; officer_rows: number } }

function fiveThirtyEight(): void {
  const dir = join(root, 'fivethirtyeight');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('_edited.csv')).sort().map((f) => join(dir, f)) : [];
  if (!files.length) return void console.log(`FiveThirtyEight: DATA ABSENT (no *_edited.csv in ${dir}); nothing checked`);
  console.log(`FiveThirtyEight: clearly payouts import of ${files.length} files`);
  const out = clearly(['payouts', 'import', ...files]) as ImportOut;
  let rows = 0, cents = 0;
  for (const f of out.files) {
    const ind = fiveThirtyEightIndependent(f.file);
    rows += ind.rows;
    cents += ind.cents;
    if (f.error || f.inserted + f.rejected + f.officer_rows !== ind.rows) check(false, `${basename(f.file)}: ${f.inserted} + ${f.rejected} + ${f.officer_rows} ≠ ${ind.rows} rows ${f.error ? JSON.stringify(f.error) : ''}`);
  }
  const sum = (k: keyof FileResult): number => out.files.reduce((s, f) => s + (f[k] as number), 0);
  check(sum('inserted') + sum('rejected') + sum('officer_rows') === rows,
    `rows: imported ${sum('inserted')} + rejected ${sum('rejected')} + officer-roster ${sum('officer_rows')} = ${rows} data rows in the files (csv-parse count, each file too)`);
  check(out.ledger.payouts === sum('inserted') && out.ledger.officer_rows === sum('officer_rows'), `ledger holds ${out.ledger.payouts} payouts and ${out.ledger.officer_rows} roster rows`);
  check(out.ledger.total_cents === cents, `ledger total ${formatCents(out.ledger.total_cents)} = the files' exact amount_awarded sum ${formatCents(cents)}`);
  const again = clearly(['payouts', 'import', ...files]) as ImportOut;
  check(sum("inserted") > 0 && again.files.every((f) => f.inserted === 0 && f.updated === 0) && again.ledger.total_cents === cents,
    `second import: ${again.files.reduce((s, f) => s + f.unchanged, 0)} unchanged, 0 inserted, 0 updated`);
}

async function minnesota(): Promise<void> {
  const dir = join(root, 'minnesota');
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.xlsx')) : undefined;
  if (!file) return void console.log(`Minnesota: DATA ABSENT (no .xlsx in ${dir}); nothing checked`);
  const path = join(dir, file);
  console.log(`Minnesota: clearly payouts import ${file}`);
  const out = clearly(['payouts', 'import', path]) as ImportOut;
  check(out.files[0]!.inserted === 933 && out.files[0]!.rejected === 0, `${out.files[0]!.inserted} payouts imported, ${out.files[0]!.rejected} rejected (issue 6: 933)`);
  const s = clearly(['payouts', 'summary', '--by', 'payer', '--format', 'minnesota']) as { count: number; total_cents: number; by: { payer: { key: string; count: number }[] } };
  check(s.count === 933 && s.total_cents === 6_079_155_321, `summary: ${s.count} payouts, ${formatCents(s.total_cents)} (issue 6: 933, $60,791,553.21)`);
  const byPayer = new Map(s.by.payer.map((g) => [g.key, g.count]));
  const issue: [string, string, number][] = [['League of Minnesota Cities', 'League of Minnesota Cities Insurance Trust', 512], ['MCIT', 'Minnesota Counties Intergovernmental Trust', 98], ['Minneapolis', 'Minneapolis', 195], ['St. Paul', 'St. Paul', 68]];
  for (const [label, canonical, n] of issue) check(byPayer.get(canonical) === n, `${label} (${canonical}): ${byPayer.get(canonical)} payouts (issue 6: ${n})`);
  // Every workbook Source label, counted from the store's records, against the independent regex read.
  const ind = minnesotaIndependent(path, 'main data');
  const store = await openStore({ db, env: {} });
  const stored = new Map<string, number>();
  for (const p of await loadPayouts(store, { source_format: 'minnesota' })) stored.set(p.payer_raw ?? '(blank)', (stored.get(p.payer_raw ?? '(blank)') ?? 0) + 1);
  await store.close();
  const same = [...ind.bySource].every(([k, n]) => stored.get(k) === n) && stored.size === ind.bySource.size;
  check(same && ind.rows === 933 && ind.cents === s.total_cents, `per Source label, store = independent read: ${[...ind.bySource].map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

try {
  fiveThirtyEight();
  await minnesota();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(checked === 0 ? 'NO DATA FOUND: nothing was checked' : failed === 0 ? `ALL ${checked} CHECKS PASSED` : `${failed} OF ${checked} CHECKS FAILED`);
process.exitCode = failed === 0 ? 0 : 1;
