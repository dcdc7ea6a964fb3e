/** End-to-end: `clearly payouts …` as a user runs it, on fixtures written here. Needs `npm run build`. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildXlsx, fixtureDir } from '../src/payouts/test-helpers.js';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CLEARLY_DB: '', CLEARLY_DATABASE_URL: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const fx = fixtureDir();
const city = fx.write('gotham_edited.csv', [
  'calendar_year,city,state,closed_date,amount_awarded,docket_number,summary_allegations',
  '2016,Gotham,NJ,2016-03-01,1500.25,2:15-cv-00042,Excessive force',
  '2017,Gotham,NJ,2017-04-01,"$20,000",,False arrest',
  '2017,Gotham,NJ,2017-05-01,lots,,Excessive force',
  '2018,Gotham,NJ,2018-06-01,300,,Property damage',
].join('\n') + '\n');
fx.write('gotham_police_edited.csv', 'city,docket_number,police_officer,state\nGotham,2:15-cv-00042,Jim Doe,NJ\n');
const roster = join(fx.dir, 'gotham_police_edited.csv');
// A Minnesota-layout workbook: the header on row 6 below a note, Source naming the payer.
const SST = ['<t>YEAR PAID</t>', '<t>PAID LOSS</t>', '<t>Source</t>', '<t>Description</t>', '<t>League of Minnesota Cities</t>', '<t>Minneapolis</t>', '<t>MCIT</t>', '<t>Excessive force</t>'];
const c = (ref: string, v: string, t?: string): string => `<c r="${ref}"${t ? ` t="${t}"` : ''}><v>${v}</v></c>`;
const sheet = '<row r="2">' + c('A2', '3', 's') + '</row><row r="6">' + c('A6', '0', 's') + c('B6', '1', 's') + c('C6', '2', 's') + c('D6', '3', 's') + '</row>' +
  '<row r="7">' + c('A7', '2015') + c('B7', '1000') + c('C7', '4', 's') + c('D7', '7', 's') + '</row>' +
  '<row r="8">' + c('A8', '2016') + c('B8', '2500.5') + c('C8', '5', 's') + '</row>' +
  '<row r="9">' + c('A9', '2016') + c('B9', '99.5') + c('C9', '6', 's') + '</row>';
const xlsx = fx.write('mn.xlsx', buildXlsx([{ name: 'main data', rows: sheet }], SST));
const odd = fx.write('odd.csv', 'Ref;Paid;Who\nA-1;10.50;County of Essex\nA-2;;Essex\n');
const mapping = fx.write('odd.yaml', 'name: essex\ndelimiter: ";"\nstate: NJ\njurisdiction: Essex County, NJ\npayer: { column: Who, type: county }\ncolumns: { amount: Paid, row_id: Ref }\n');

// Each test spawns the CLI several times; a loaded machine can take seconds per spawn, so allow more than the default.
describe('clearly payouts', { timeout: 120_000 }, () => {
  it('imports FiveThirtyEight files, accounts for every row, and changes nothing on a second run', () => {
    const db = join(fx.dir, 'a.db');
    const r = run(['payouts', 'import', city, roster, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as { files: { rows: number; inserted: number; rejected: number; officer_rows: number; rejects: { source_line: number; code: string }[] }[]; ledger: { payouts: number; total_cents: number } };
    expect(res.files.map((f) => [f.rows, f.inserted, f.rejected, f.officer_rows])).toEqual([[4, 3, 1, 0], [1, 0, 0, 1]]);
    expect(res.files[0]!.rejects).toMatchObject([{ source_line: 4, code: 'bad_amount' }]);
    expect(res.ledger).toMatchObject({ payouts: 3, total_cents: 150_025 + 2_000_000 + 30_000 });
    const again = run(['payouts', 'import', city, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/gotham_edited\.csv\s+fivethirtyeight\s+4\s+0\s+0\s+3\s+1\s+0\s+\$21,800\.25/);
    expect(again.stdout).toMatch(/gotham_edited\.csv:4 \[bad_amount\]/);
    const rej = run(['payouts', 'rejects', city, '--db', db, '--json']);
    expect(JSON.parse(rej.stdout)).toMatchObject([{ line: 4, record_id: 'gotham_edited.csv:4' }]);
  });

  it('reads a Minnesota-layout workbook with its payers, and any file through a mapping', () => {
    const db = join(fx.dir, 'b.db');
    expect(run(['payouts', 'import', xlsx, '--db', db]).code).toBe(0);
    const s = JSON.parse(run(['payouts', 'summary', '--by', 'payer', '--db', db, '--json']).stdout) as { count: number; total_cents: number; by: { payer: { key: string; count: number }[]; payer_type: { key: string }[] } };
    expect(s).toMatchObject({ count: 3, total_cents: 100_000 + 250_050 + 9_950 });
    expect(s.by.payer.map((g) => g.key).sort()).toEqual(['League of Minnesota Cities Insurance Trust', 'Minneapolis', 'Minnesota Counties Intergovernmental Trust']);
    expect(s.by.payer_type.map((g) => g.key).sort()).toEqual(['city', 'insurance_pool']);

    const noMapping = run(['payouts', 'import', odd, '--db', db]);
    expect(noMapping.code).toBe(65);
    expect(noMapping.stderr).toMatch(/odd\.csv.*no amount column[\s\S]*--mapping/);
    const mapped = run(['payouts', 'import', odd, '--mapping', mapping, '--db', db, '--json']);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout).files[0]).toMatchObject({ format: 'essex', inserted: 1, rejected: 1 });
  });

  it('summarises by payer type, year and allegation with the caveats, as text, JSON and CSV', () => {
    const db = join(fx.dir, 'c.db');
    run(['payouts', 'import', city, '--db', db]);
    const text = run(['payouts', 'summary', '--by', 'payer-type', '--city', 'gotham', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^3 payouts, \$21,800\.25/);
    expect(text.stdout).toMatch(/median \$1,500\.25/);
    expect(text.stdout).toMatch(/paid by officers personally: 0 payouts, \$0\.00/);
    expect(text.stdout).toMatch(/city\s+3\s+\$21,800\.25\s+100\.0%/);
    expect(text.stdout).toMatch(/Do not compare these cities with each other/);
    const csv = run(['payouts', 'summary', '--by', 'year', '--db', db, '--csv']);
    expect(csv.stdout).toBe('year,payouts,total_dollars,share_of_total,median_dollars\n2016,1,1500.25,0.068818,1500.25\n2017,1,20000.00,0.917421,20000.00\n2018,1,300.00,0.013761,300.00\n');
    expect(csv.stderr).toMatch(/caveat: Do not compare/);
    const json = JSON.parse(run(['payouts', 'summary', '--by', 'allegation', '--db', db, '--json']).stdout) as { by: { allegation: { key: string; count: number }[] } };
    expect(json.by.allegation.map((g) => [g.key, g.count])).toEqual([['false_arrest', 1], ['excessive_force', 1], ['property_damage', 1]]);
    const bad = run(['payouts', 'summary', '--by', 'colour', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--by must be one of payer-type, payer, agency, year, allegation/);
  });

  it('says which file is missing and still imports the others', () => {
    const db = join(fx.dir, 'd.db');
    const r = run(['payouts', 'import', join(fx.dir, 'missing.csv'), city, '--db', db]);
    expect(r.code).toBe(66);
    expect(r.stderr).toMatch(/missing\.csv: error \[missing_input\]: cannot read .*no such file/);
    expect(r.stdout).toMatch(/gotham_edited\.csv\s+fivethirtyeight\s+4\s+3/);
  });
});
