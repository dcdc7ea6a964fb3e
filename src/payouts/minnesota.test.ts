import { describe, expect, it } from 'vitest';
import { readMapped, readMinnesota } from './read.js';
import { builtinMapping } from './mapping.js';
import { buildXlsx, collect, fixtureDir } from './test-helpers.js';

/** Shared strings: index → text (inner XML of <si>). */
const SST = [
  '<t>CLAIMS MADE YEAR</t>', // 0
  '<t>YEAR PAID</t>', // 1
  '<t>AGENCY</t>', // 2
  '<t>agency_bcaname</t>', // 3
  '<t>CLAIMANT NAME</t>', // 4
  '<t>INCIDENT DATE</t>', // 5
  '<t>CLAIMS MADE DATE</t>', // 6
  '<t>PAID DATE</t>', // 7
  '<t xml:space="preserve">PAID LOSS   </t>', // 8: trailing blanks, as in the real workbook
  '<t>Source</t>', // 9
  '<t>Officer</t>', // 10
  '<t>Description</t>', // 11
  '<t>League of Minnesota Cities</t>', // 12
  '<t>BLOOMINGTON, CITY OF</t>', // 13
  '<t>Minneapolis</t>', // 14
  '<t>MCIT</t>', // 15
  '<r><t xml:space="preserve">St. </t></r><r><t>Paul</t></r><rPh sb="0" eb="1"><t>x</t></rPh>', // 16: rich text
  '<t>Have=MCIT, LMCIT, Ramsey, St Paul, Mpls</t>', // 17: a note above the header
];

const c = (ref: string, body: string, t?: string): string => `<c r="${ref}"${t ? ` t="${t}"` : ''}>${body}</c>`;
const s = (ref: string, i: number): string => c(ref, `<v>${i}</v>`, 's');
const n = (ref: string, v: string | number): string => c(ref, `<v>${v}</v>`);
const inline = (ref: string, text: string): string => c(ref, `<is><t>${text}</t></is>`, 'inlineStr');

// Columns A–K as in the workbook, with Description pushed out to AB to exercise column letters beyond Z.
const header =
  '<row r="6">' + [s('A6', 0), s('B6', 1), s('C6', 2), s('D6', 3), s('F6', 4), s('G6', 5), s('H6', 6), s('I6', 7), s('J6', 8), s('K6', 9), s('L6', 10), s('AB6', 11)].join('') + '</row>';
const mainRows =
  '<row r="1"><c r="A1" s="4"/></row>' +
  `<row r="2">${s('A2', 17)}</row>` +
  header +
  // 7: a full row — serial dates, Excel's float text for the amount, officers, an allegation beyond column Z.
  `<row r="7">${n('A7', 2009)}${n('B7', 2011)}${s('C7', 13)}${c('D7', '<f>VLOOKUP(C7,AGENCIES!A:E,3)</f><v>Bloomington PD</v>', 'str')}` +
  `${inline('F7', 'Jane Roe')}${n('G7', 39660)}${n('H7', 39871)}${n('J7', '271864.78000000003')}${s('K7', 12)}` +
  `${inline('L7', 'Officers Todd Lappegaard, James Brickley')}${inline('AB7', 'Allegation of excessive force &amp; false arrest')}</row>` +
  // 8: dates typed as text: a US date and a range we keep verbatim.
  `<row r="8">${n('B8', 2007)}${s('C8', 14)}${inline('G8', '2004 &gt; 2008')}${inline('I8', '3/8/2011')}${n('J8', 4500000)}${s('K8', 14)}</row>` +
  // 9: the amount is a spreadsheet error; 10: no amount at all.
  `<row r="9">${n('B9', 2012)}${c('J9', '<v>#N/A</v>', 'e')}${s('K9', 12)}</row>` +
  `<row r="10">${n('B10', 2012)}${s('K10', 15)}</row>` +
  // 11: amount typed as text with a dollar sign.
  `<row r="11">${n('B11', 2015)}${inline('J11', '$1,000.50')}${s('K11', 15)}</row>` +
  // 12: formatted but empty — layout, not data.
  '<row r="12"><c r="A12" s="3"/><c r="J12" s="5"/></row>' +
  // 13: a row without r (follows 12) whose payer is a rich-text shared string.
  `<row><c r="B13"><v>2016</v></c><c r="J13"><v>100</v></c><c r="K13" t="s"><v>16</v></c></row>` +
  // 14: mojibake in the claimant name.
  `<row r="14">${n('B14', 2016)}${inline('F14', 'JosÃ© Ruiz')}${n('J14', 5)}${s('K14', 14)}</row>`;

// A one-row extract with the same header on row 3: a smaller sheet that must not be chosen.
const extract =
  '<row r="3">' + [s('A3', 0), s('B3', 1), s('J3', 8), s('K3', 9)].join('') + '</row>' + `<row r="4">${n('B4', 2018)}${n('J4', 917.27)}${s('K4', 12)}</row>`;

describe('Minnesota workbook reader', () => {
  const fx = fixtureDir();
  const path = fx.write(
    'mn.xlsx',
    buildXlsx(
      [
        { name: 'AGENCIES', rows: `<row r="1">${inline('A1', 'NAME_MATCH')}</row>` },
        { name: 'Paid_in_2018', rows: extract, dimension: 'A3:K4' },
        { name: 'main data', rows: mainRows, dimension: 'A1:AB14' },
      ],
      SST,
    ),
  );

  it('finds the combined sheet and its header on row 6, and accounts for every data row', async () => {
    const { payouts, rejects } = await collect(readMinnesota(path));
    expect(payouts.map((p) => p.source_line)).toEqual([7, 8, 11, 13]);
    expect(rejects.map((r) => [r.source_line, r.code])).toEqual([
      [9, 'cell_error'],
      [10, 'missing_amount'],
      [14, 'encoding'],
    ]);
    expect(payouts.length + rejects.length).toBe(7); // rows 7–14 minus the empty row 12
  });

  it('normalises a full row', async () => {
    const { payouts } = await collect(readMinnesota(path));
    expect(payouts[0]).toMatchObject({
      source_format: 'minnesota',
      source_sheet: 'main data',
      source_row_id: 'mn.xlsx[main data]:7',
      jurisdiction: 'Minnesota',
      state: 'MN',
      agency: 'Bloomington PD',
      payer_type: 'insurance_pool',
      payer_name: 'League of Minnesota Cities Insurance Trust',
      payer_raw: 'League of Minnesota Cities',
      payer_basis: 'column',
      amount_cents: 27_186_478,
      amount_field: 'PAID LOSS',
      amount_raw: '271864.78000000003',
      incident_date: '2008-07-31',
      filed_date: '2009-02-27',
      claims_made_year: 2009,
      year_paid: 2011,
      plaintiff_names: ['Jane Roe'],
      officer_names: ['Todd Lappegaard', 'James Brickley'],
      allegation_text: 'Allegation of excessive force & false arrest',
      allegation_categories: ['excessive_force', 'false_arrest'],
      caveat_ids: ['minnesota-workbook-scope'],
    });
    expect(payouts[0]!.amount_rounded).toBe(true);
  });

  it('keeps unreadable dates verbatim, reads text dates, and names self-insured payers', async () => {
    const { payouts } = await collect(readMinnesota(path));
    expect(payouts[1]).toMatchObject({ payer_type: 'city', payer_name: 'Minneapolis', paid_date: '2011-03-08', unparsed: { incident_date: '2004 > 2008' } });
    expect(payouts[2]).toMatchObject({ payer_type: 'insurance_pool', payer_name: 'Minnesota Counties Intergovernmental Trust', amount_cents: 100_050 });
    expect(payouts[3]).toMatchObject({ payer_type: 'city', payer_name: 'St. Paul', amount_cents: 10_000, year_paid: 2016 });
  });

  it('reads a named sheet when asked, and an explicit header row', async () => {
    const { payouts } = await collect(readMinnesota(path, { sheet: 'Paid_in_2018' }));
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ source_line: 4, amount_cents: 91_727, year_paid: 2018 });
    const mapping = await builtinMapping('minnesota');
    const fixed = await collect(readMapped(path, { ...mapping, sheet: 'main data', header_row: 6 }));
    expect(fixed.payouts).toHaveLength(4);
  });

  it('fails clearly when no sheet has the amount column', async () => {
    const other = fx.write('other.xlsx', buildXlsx([{ name: 'S', rows: `<row r="1">${inline('A1', 'Total')}</row><row r="2">${n('A2', 5)}</row>` }], []));
    await expect(collect(readMinnesota(other))).rejects.toThrow(/no amount column \(PAID LOSS\)/);
  });

  it('converts serial dates in the 1904 system', async () => {
    const rows = `<row r="1">${inline('A1', 'PAID LOSS')}${inline('B1', 'PAID DATE')}${inline('C1', 'Source')}</row><row r="2">${n('A2', 10)}${n('B2', 42369)}${inline('C2', 'Hennepin County')}</row>`;
    const mac = fx.write('mac.xlsx', buildXlsx([{ name: 'S', rows }], [], { date1904: true }));
    const { payouts } = await collect(readMinnesota(mac));
    expect(payouts[0]).toMatchObject({ paid_date: '2020-01-01', payer_type: 'county', payer_name: 'Hennepin County' });
  });
});
