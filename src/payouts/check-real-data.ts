/**
 * Checks the payout readers against the real files (not a test: the data are not in the repository).
 *   npx tsx src/payouts/check-real-data.ts [SETTLEMENTS_DIR]   (default /work/shared/data/settlements)
 * Every figure read through clearly is compared with one computed independently: row counts and amount sums from a
 * plain csv-parse pass, and the Minnesota sheet re-read with a few regular expressions over its XML — plus the
 * numbers stated in issue 6 (933 payouts, $60,791,553.21, LMCIT 512, MCIT 98, Minneapolis 195, St. Paul 68).
 * Exits 1 on any mismatch.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { exactSum, exactText, minnesotaIndependent, toCents } from './independent.js';
import { formatCents } from './money.js';
import { readFiveThirtyEight } from './fivethirtyeight.js';
import { readMinnesota } from './read.js';
import type { Payout, PayoutReject } from './types.js';

const root = process.argv[2] ?? '/work/shared/data/settlements';
let failures = 0;
let checked = 0;
const check = (ok: boolean, what: string): string => {
  checked++;
  if (!ok) failures++;
  return ok ? 'ok' : `MISMATCH (${what})`;
};

async function fiveThirtyEight(): Promise<void> {
  const dir = join(root, 'fivethirtyeight');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('_edited.csv')).sort() : [];
  if (files.length === 0) {
    console.log(`FiveThirtyEight: DATA ABSENT — no *_edited.csv in ${dir}; nothing checked.\n`);
    return;
  }
  console.log(`FiveThirtyEight / Marshall Project: ${files.length} files in ${dir}`);
  console.log('file                             rows  payouts rejects officers  independent sum   reader sum        check');
  let allRows = 0, allPayouts = 0, allRejects = 0, allOfficers = 0, allReader = 0, withOfficers = 0;
  let allExact = 0n;
  const rejects: PayoutReject[] = [];
  const rounded: Payout[] = [];
  for (const f of files) {
    const path = join(dir, f);
    // Independent: csv-parse, header as column names, every record a data row.
    const records = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    const amounts = records.map((r) => r.amount_awarded).filter((a): a is string => a !== undefined);
    const exact = amounts.length ? exactSum(amounts) : 0n;
    let payouts = 0, rej = 0, officers = 0, cents = 0;
    for await (const item of readFiveThirtyEight(path)) {
      if ('payout' in item) {
        payouts++;
        cents += item.payout.amount_cents;
        if (item.payout.amount_rounded) rounded.push(item.payout);
        if (item.payout.officer_names.length) withOfficers++;
      } else if ('reject' in item) {
        rej++;
        rejects.push(item.reject);
      } else officers++;
    }
    const accounted = payouts + rej + officers === records.length;
    const sumOk = amounts.length === 0 || toCents(exact) === cents;
    console.log(
      `${f.padEnd(32)} ${String(records.length).padStart(5)} ${String(payouts).padStart(8)} ${String(rej).padStart(7)} ${String(officers).padStart(8)}  ` +
        `${(amounts.length ? formatCents(toCents(exact)) : '—').padStart(17)} ${(amounts.length ? formatCents(cents) : '—').padStart(17)}  ` +
        check(accounted && sumOk, `${accounted ? '' : 'rows not accounted for '}${sumOk ? '' : 'sum differs'}`),
    );
    allRows += records.length; allPayouts += payouts; allRejects += rej; allOfficers += officers; allReader += cents; allExact += exact;
  }
  console.log(`\nrows in files ${allRows} = payouts ${allPayouts} + rejected ${allRejects} + officer-roster rows ${allOfficers}: ${check(allRows === allPayouts + allRejects + allOfficers, 'row accounting')}`);
  console.log(`amount_awarded, exact sum of the files' text: $${exactText(allExact)} → to the cent ${formatCents(toCents(allExact))}`);
  console.log(`amount_awarded through the reader (sum of integer cents): ${formatCents(allReader)}: ${check(toCents(allExact) === allReader, 'total')}`);
  console.log(`payouts carrying officer names joined from the rosters by docket number: ${withOfficers}`);
  for (const p of rounded) console.log(`  note: ${p.source_file.split('/').pop()}:${p.source_line} amount ${p.amount_raw} has fractions of a cent → ${formatCents(p.amount_cents)}`);
  if (rejects.length === 0) console.log('rejected rows: none');
  for (const r of rejects) console.log(`  reject ${r.source_file}:${r.source_line} [${r.code}] ${r.reason} — ${r.excerpt}`);
  console.log('');
}

async function minnesota(): Promise<void> {
  const dir = join(root, 'minnesota');
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.xlsx')) : undefined;
  if (!file) {
    console.log(`Minnesota: DATA ABSENT — no .xlsx in ${dir}; nothing checked.`);
    return;
  }
  const path = join(dir, file);
  const payouts: Payout[] = [];
  const rejects: PayoutReject[] = [];
  for await (const item of readMinnesota(path)) {
    if ('payout' in item) payouts.push(item.payout);
    else if ('reject' in item) rejects.push(item.reject);
  }
  const cents = payouts.reduce((s, p) => s + p.amount_cents, 0);
  const ind = minnesotaIndependent(path, 'main data');
  console.log(`Minnesota: ${path}, sheet ${JSON.stringify(payouts[0]?.source_sheet)}`);
  console.log(`payouts ${payouts.length}, rejected ${rejects.length}; independent count of data rows ${ind.rows}; issue 6 says 933: ${check(payouts.length === 933 && ind.rows === 933 && rejects.length === 0, 'count')}`);
  console.log(`total ${formatCents(cents)}; independent ${formatCents(ind.cents)}; issue 6 says $60,791,553.21: ${check(cents === 6_079_155_321 && ind.cents === cents, 'total')}`);
  const byPayer = new Map<string, { type: string; raw: Set<string>; n: number; cents: number }>();
  for (const p of payouts) {
    const g = byPayer.get(p.payer_name) ?? { type: p.payer_type, raw: new Set<string>(), n: 0, cents: 0 };
    g.raw.add(p.payer_raw ?? '');
    g.n++;
    g.cents += p.amount_cents;
    byPayer.set(p.payer_name, g);
  }
  const expected: Record<string, number> = { 'League of Minnesota Cities': 512, MCIT: 98, Minneapolis: 195, 'St. Paul': 68 };
  console.log('payer (canonical)                              type            workbook Source label         payouts  independent  total');
  for (const [name, g] of [...byPayer].sort((a, b) => b[1].n - a[1].n)) {
    const labels = [...g.raw];
    const indN = labels.reduce((s, l) => s + (ind.bySource.get(l) ?? 0), 0);
    const exp = labels.map((l) => expected[l]).find((e) => e !== undefined);
    const ok = indN === g.n && (exp === undefined || exp === g.n);
    console.log(`${name.padEnd(46)} ${g.type.padEnd(15)} ${labels.join(' | ').padEnd(29)} ${String(g.n).padStart(7)} ${String(indN).padStart(12)}  ${formatCents(g.cents).padStart(15)}  ${check(ok, 'payer count')}`);
  }
  for (const r of rejects) console.log(`  reject row ${r.source_line} [${r.code}] ${r.reason} — ${r.excerpt}`);
  const unparsed = payouts.filter((p) => p.unparsed);
  console.log(`dates kept verbatim because they are ranges or partial: ${unparsed.map((p) => `row ${p.source_line} ${JSON.stringify(p.unparsed)}`).join('; ') || 'none'}`);
}

await fiveThirtyEight();
await minnesota();
console.log(checked === 0 ? '\nNO DATA FOUND: nothing was checked' : failures === 0 ? `\nALL ${checked} CHECKS PASSED` : `\n${failures} OF ${checked} CHECKS FAILED`);
process.exitCode = failures === 0 ? 0 : 1;
