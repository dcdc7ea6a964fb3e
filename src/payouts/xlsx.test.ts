import { describe, expect, it } from 'vitest';
import { buildXlsx } from './test-helpers.js';
import { strToU8, strFromU8, zipSync } from 'fflate';
import { inflateEntry, zipEntries } from './zip.js';
import { columnIndex, columnLetters, openWorkbook, sheetRows, type XlsxRow } from './xlsx.js';

describe('column letters', () => {
  it('converts beyond Z both ways', () => {
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('Z')).toBe(25);
    expect(columnIndex('AA')).toBe(26);
    expect(columnIndex('AB')).toBe(27);
    expect(columnIndex('XFD')).toBe(16383);
    for (const n of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnLetters(n))).toBe(n);
  });
});

describe('zip', () => {
  it('inflates an entry in small slices to the same bytes', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `<row r="${i}">${i * 7919}</row>`).join('');
    const zip = zipSync({ 'a.txt': strToU8('hello'), 'xl/big.xml': strToU8(text) });
    const entry = zipEntries(zip, 'z.zip').get('xl/big.xml')!;
    const pieces = [...inflateEntry(zip, entry, 'z.zip', 256)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((p) => strFromU8(p)).join('')).toBe(text);
  });
});

describe('openWorkbook / sheetRows', () => {
  const bytes = buildXlsx(
    [
      { name: 'Cover', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>About</t></is></c></row>' },
      {
        name: 'data',
        dimension: 'A1:AB4',
        rows:
          '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="AB2" t="s"><v>2</v></c></row>' +
          '<row r="3"><c r="A3"><v>39660</v></c><c r="B3" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve">line </t></r></is></c>' +
          '<c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3" t="str"><f>A1</f><v>x &amp; y</v></c><c r="F3" s="4"/>' +
          '<c r="AB3"><v>271864.78000000003</v></c></row>' +
          '<row><c><v>1</v></c><c><v>2</v></c></row>',
      },
    ],
    ['<t>AMOUNT</t>', '<r><t>Pay</t></r><r><t>er</t></r><rPh><t>ペイ</t></rPh>', '<t>Esc_x000D_aped &lt;ok&gt;</t>'],
  );
  const wb = openWorkbook(bytes, 'test.xlsx');

  it('lists sheets through the workbook relationships and reads shared strings', () => {
    expect(wb.sheets.map((s) => [s.name, s.path])).toEqual([
      ['Cover', 'xl/worksheets/sheet1.xml'],
      ['data', 'xl/worksheets/sheet2.xml'],
    ]);
    expect(wb.sharedStrings).toEqual(['AMOUNT', 'Payer', 'Esc\raped <ok>']);
    expect(wb.date1904).toBe(false);
  });

  it('streams typed cells by column, following rows and cells without r', () => {
    const info: { dimension?: string } = {};
    const rows: XlsxRow[] = [...sheetRows(wb, 'data', info)];
    expect(info.dimension).toBe('A1:AB4');
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[0]!.cells[27]).toEqual({ type: 'string', text: 'Esc\raped <ok>' });
    const r3 = rows[1]!.cells;
    expect(r3[0]).toEqual({ type: 'number', text: '39660' });
    expect(r3[1]).toEqual({ type: 'string', text: 'inline ' });
    expect(r3[2]).toEqual({ type: 'boolean', text: 'TRUE' });
    expect(r3[3]).toEqual({ type: 'error', text: '#N/A' });
    expect(r3[4]).toEqual({ type: 'string', text: 'x & y' });
    expect(r3[5]).toBeUndefined(); // styled, empty
    expect(r3[27]).toEqual({ type: 'number', text: '271864.78000000003' });
    expect(rows[2]!.cells.map((c) => c?.text)).toEqual(['1', '2']);
  });

  it('reads a sheet inflated in small slices identically', () => {
    // Force many inflate slices by building a sheet with many rows.
    const many = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>row ${i} ${'x'.repeat(i % 50)}</t></is></c></row>`).join('');
    const big = openWorkbook(buildXlsx([{ name: 'S', rows: many }], []), 'big.xlsx');
    const rows = [...sheetRows(big, 'S')];
    expect(rows).toHaveLength(3000);
    expect(rows[2999]!.cells[1]?.text).toBe(`row 2999 ${'x'.repeat(2999 % 50)}`);
  });

  it('notices the 1904 date system and names missing sheets', () => {
    const mac = openWorkbook(buildXlsx([{ name: 'S', rows: '' }], [], { date1904: true }), 'mac.xlsx');
    expect(mac.date1904).toBe(true);
    expect(() => [...sheetRows(mac, 'nope')]).toThrow(/no worksheet named "nope"/);
  });

  it('refuses a file that is not a ZIP', () => {
    expect(() => openWorkbook(new TextEncoder().encode('a,b\n1,2\n'), 'x.xlsx')).toThrow(/not a ZIP archive/);
  });
});
