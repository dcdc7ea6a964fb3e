import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvRecord } from './csv.js';

async function* chunks(...parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}
async function records(...parts: string[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(chunks(...parts))) out.push(r);
  return out;
}

describe('csvRecords', () => {
  it('reads quoted fields, doubled quotes and embedded newlines, keeping start lines', async () => {
    const rs = await records('a,b,c\n1,"x, ""y""",3\n2,"two\nlines",4\r\n5,6,7');
    expect(rs.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', 'x, "y"', '3']],
      [3, ['2', 'two\nlines', '4']],
      [5, ['5', '6', '7']],
    ]);
  });

  it('is not confused by chunk boundaries inside quotes, CRLF or doubled quotes', async () => {
    const rs = await records('a,b\r', '\n"1', '""', '",2\r', '\n3,4\n');
    expect(rs.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['1"', '2']],
      [3, ['3', '4']],
    ]);
  });

  it('skips blank lines but counts them for line numbers', async () => {
    const rs = await records('a\n\n1\n\r\n2\n');
    expect(rs.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'a'],
      [3, '1'],
      [5, '2'],
    ]);
  });

  it('flags text after a closing quote and carries on', async () => {
    const rs = await records('a,b\n"x"y,1\n2,3\n');
    expect(rs[1]).toMatchObject({ line: 2, error: expect.stringContaining('after a closing quote') });
    expect(rs[2]).toMatchObject({ line: 3, fields: ['2', '3'] });
  });

  it('reads a stray quote inside an unquoted field literally', async () => {
    const rs = await records('a,b\n12" pipe,1\n');
    expect(rs[1]).toEqual({ line: 2, fields: ['12" pipe', '1'], raw: '12" pipe,1\n' });
  });

  it('rejects only the line of a quote that never closes, then resumes', async () => {
    const rs = await records('a,b\n1,"open\n2,3\n4,5\n');
    expect(rs.map((r) => [r.line, r.error ? 'ERR' : r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, 'ERR'],
      [3, ['2', '3']],
      [4, ['4', '5']],
    ]);
  });
});
