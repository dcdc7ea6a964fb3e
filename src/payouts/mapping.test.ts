import { describe, expect, it } from 'vitest';
import { loadMapping, validateMapping } from './mapping.js';
import { readPayoutFile } from './read.js';
import { buildXlsx, collect, fixtureDir } from './test-helpers.js';

describe('column mapping files', () => {
  const fx = fixtureDir();

  it('reads a CSV through a YAML mapping: delimiter, preamble, date format, constant payer, several allegation columns', async () => {
    const mappingPath = fx.write(
      'springfield.yaml',
      [
        'name: springfield-foia',
        'delimiter: ";"',
        'header_row: 2',
        'date_format: D/M/YYYY',
        'jurisdiction: Springfield, XY',
        'state: XY',
        'payer:',
        '  name: City of Springfield',
        'columns:',
        '  amount: Settlement',
        '  row_id: Ref',
        '  paid_date: Paid on',
        '  agency: Dept',
        '  allegation: [Category, Details]',
        '  docket: Case No.',
        '  officer: Officers',
        '  plaintiff: Claimant',
        '',
      ].join('\n'),
    );
    const csv = fx.write(
      'springfield.csv',
      'Exported 2021-02-01\nRef;Paid on;Settlement;Dept;Category;Details;Case No.;Officers;Claimant\n' +
        'R-1;08/03/2011;$12,345.00;Police;Excessive force;Dog bite during arrest;11-cv-5;Sgt. Ann Lee, Bo Chu;Sam Poe\n' +
        'R-2;;n/a;Police;;;;;\n' +
        'R-3;;12.345,00;Police;;;;;\n' + // European notation: not guessed at
        'R-4;;5;Police;;;;;;extra\n',
    );
    const r2 = await collect(readPayoutFile(csv, { mapping: await loadMapping(mappingPath) }));
    expect(r2.rejects.map((r) => [r.source_line, r.code])).toEqual([
      [4, 'bad_amount'],
      [5, 'bad_amount'],
      [6, 'column_count'],
    ]);
    expect(r2.payouts).toHaveLength(1);
    expect(r2.payouts[0]).toMatchObject({
      source_line: 3,
      source_row_id: 'R-1',
      source_format: 'springfield-foia',
      jurisdiction: 'Springfield, XY',
      payer_name: 'City of Springfield',
      payer_type: 'city',
      payer_basis: 'constant',
      amount_cents: 1_234_500,
      amount_field: 'Settlement',
      paid_date: '2011-03-08',
      agency: 'Police',
      allegation_text: 'Excessive force; Dog bite during arrest',
      allegation_categories: ['excessive_force'],
      docket_number: '11-cv-5',
      officer_names: ['Sgt. Ann Lee', 'Bo Chu'],
      plaintiff_names: ['Sam Poe'],
      caveat_ids: ['mapped-file'],
    });
  });

  it('reads an XLSX through a JSON mapping with a payer column, including officers paying personally', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Paid</t></is></c><c r="B1" t="inlineStr"><is><t>Payer</t></is></c><c r="C1" t="inlineStr"><is><t>When</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>5000</v></c><c r="B2" t="inlineStr"><is><t>Officer J. Doe (personally)</t></is></c><c r="C2"><v>43831</v></c></row>' +
      '<row r="3"><c r="A3"><v>7000</v></c><c r="B3" t="inlineStr"><is><t>Essex County Risk Pool</t></is></c></row>' +
      '<row r="4"><c r="A4"><v>9000</v></c></row>';
    const book = fx.write('ledger.xlsx', buildXlsx([{ name: 'Ledger', rows }], []));
    const mapping = fx.write('ledger.json', JSON.stringify({ name: 'ledger', state: 'XY', payer: { column: 'Payer', type: 'county' }, columns: { amount: 'Paid', paid_date: 'When' } }));
    const { payouts } = await collect(readPayoutFile(book, { mapping: await loadMapping(mapping) }));
    expect(payouts.map((p) => [p.amount_cents, p.payer_type, p.payer_basis, p.paid_date])).toEqual([
      [500_000, 'officer', 'column', '2020-01-01'],
      [700_000, 'insurance_pool', 'column', undefined],
      [900_000, 'county', 'assumed', undefined], // no payer in the row: the declared type, flagged
    ]);
  });

  it('explains what is wrong with a mapping', async () => {
    expect(() => validateMapping({ columns: {} }, 'm.yaml')).toThrow(/"columns.amount" is required/);
    expect(() => validateMapping({ columns: { amount: 'A', amout: 'B' } }, 'm.yaml')).toThrow(/unknown column field "amout"/);
    expect(() => validateMapping({ colums: {} }, 'm.yaml')).toThrow(/unknown key "colums"/);
    expect(() => validateMapping({ columns: { amount: 'A' }, payer: { type: 'bank' } }, 'm.yaml')).toThrow(/payer.type/);
    expect(validateMapping({ columns: { amount: ['A', 'B'] } }).name).toBe('mapped');
    await expect(loadMapping(fx.write('bad.yaml', 'columns: [\n'))).rejects.toThrow(/not valid YAML/);
  });
});
