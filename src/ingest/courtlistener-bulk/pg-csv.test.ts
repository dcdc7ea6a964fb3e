import { describe, expect, it } from 'vitest';
import { PgCsvTokenizer, type CsvRecord, type TokenizerOptions } from './pg-csv.js';

/** Feeds `text` in chunks of `size` bytes (1 = every possible split point). */
function tokenize(text: string | Buffer, size = 1 << 16, opts: TokenizerOptions = {}): CsvRecord[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const t = new PgCsvTokenizer(opts);
  const out: CsvRecord[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...t.push(bytes.subarray(i, i + size)));
  out.push(...t.end());
  return out;
}

describe('PgCsvTokenizer', () => {
  const sample = [
    'id,plain_text,author_str,cluster_id',
    '1,"line one\nline two",,10',
    '2,"",\\N,11',
    '3,"say \\"hi\\" and \\\\ back","Doe, J.",12',
    '4,"doubled ""quotes"" too",x,13',
    '',
  ].join('\n');

  it('reads NULL, empty strings, escapes, embedded newlines and commas', () => {
    const recs = tokenize(sample);
    expect(recs.map((r) => r.fields)).toEqual([
      ['id', 'plain_text', 'author_str', 'cluster_id'],
      ['1', 'line one\nline two', null, '10'],
      ['2', '', '\\N', '11'],
      ['3', 'say "hi" and \\ back', 'Doe, J.', '12'],
      ['4', 'doubled "quotes" too', 'x', '13'],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
    expect(recs.map((r) => r.nextLine)).toEqual([2, 4, 5, 6, 7]); // resume points keep line numbers right
    expect(recs.every((r) => r.error === undefined)).toBe(true);
  });

  it('gives the same records and exact byte offsets whatever the chunking', () => {
    const whole = tokenize(sample);
    for (const size of [1, 2, 3, 7, 64]) expect(tokenize(sample, size)).toEqual(whole);
    const bytes = Buffer.from(sample);
    for (const r of whole) {
      expect(bytes.subarray(r.offset, r.end).toString().endsWith('\n')).toBe(true);
    }
    expect(whole[1]!.offset).toBe(Buffer.byteLength('id,plain_text,author_str,cluster_id\n'));
    expect(whole.at(-1)!.end).toBe(bytes.length);
  });

  it('keeps multi-byte characters split across chunks intact', () => {
    const text = '1,"Señor § 1983 — “curly”"\n2,"日本"\n';
    expect(tokenize(text, 1).map((r) => r.fields[1])).toEqual(['Señor § 1983 — “curly”', '日本']);
  });

  it('decodes only the requested columns', () => {
    const recs = tokenize(sample, 5, { columns: new Set([0, 3]) });
    expect(recs[3]!.fields).toEqual(['3', null, null, '12']);
    expect(recs[1]!.line).toBe(2);
  });

  it('decodes deferred columns only when the rest of the record says they are needed', () => {
    // Column 2 is deferred: needed only when column 1 (the plain text) is empty, as the opinions' HTML is.
    const text = '1,"",<p>only \\"html\\"</p>,10\n2,"plain",<p>html too</p>,11\n3,"",raw,12\n4,"x","a ""b""",13\n';
    const deferred = { columns: new Set([2]), needed: (f: readonly (string | null)[]) => !f[1] };
    for (const size of [1, 3, 1 << 16]) {
      expect(tokenize(text, size, { deferred }).map((r) => r.fields)).toEqual([
        ['1', '', '<p>only \\"html\\"</p>', '10'], ['2', 'plain', null, '11'], ['3', '', 'raw', '12'], ['4', 'x', null, '13'],
      ]);
    }
    const all = tokenize(text, 7, { deferred: { columns: new Set([2]), needed: () => true } }).map((r) => r.fields[2]);
    expect(all).toEqual(tokenize(text).map((r) => r.fields[2])); // needed: exactly what a plain read gives
  });

  it('decodes deferred columns of a malformed record, so its reject shows them', () => {
    const deferred = { columns: new Set([1]), needed: () => false };
    const [bad] = tokenize('1,"html"x,2\n', 1 << 16, { deferred });
    expect(bad!.error).toMatch(/unexpected character/);
    expect(bad!.fields[1]).toBe('html');
  });

  it('continues from a given offset and line (resume)', () => {
    const bytes = Buffer.from(sample);
    const whole = tokenize(bytes);
    const from = whole[2]!;
    const rest = tokenize(bytes.subarray(from.offset), 3, { startOffset: from.offset, startLine: from.line });
    expect(rest).toEqual(whole.slice(2));
  });

  it('accepts CRLF line ends and a last record without a newline', () => {
    expect(tokenize('a,b\r\n1,"x\r\ny"\r\n2,').map((r) => r.fields)).toEqual([['a', 'b'], ['1', 'x\r\ny'], ['2', null]]);
  });

  it('flags garbage after a closing quote and goes on with the next record', () => {
    const recs = tokenize('1,"ok"x,2\n3,"fine",4\n');
    expect(recs[0]!.error).toMatch(/after the closing quote of field 2/);
    expect(recs[1]).toMatchObject({ fields: ['3', 'fine', '4'], line: 2 });
  });

  it('reports an unterminated quote at the end of input', () => {
    const recs = tokenize('1,"ok"\n2,"never closed\nmore\n');
    expect(recs).toHaveLength(2);
    expect(recs[1]!.error).toMatch(/unterminated/);
    expect(recs[1]!.line).toBe(2);
  });

  it('rejects a runaway record and resynchronises on the following line', () => {
    const text = '1,"unbalanced\n2,b\n3,c\n' + 'x'.repeat(200) + '\n';
    const recs = tokenize(text, 16, { maxRecordBytes: 64 });
    expect(recs[0]!.error).toMatch(/longer than 64 bytes/);
    expect(recs[1]).toMatchObject({ fields: ['2', 'b'], line: 2 });
    expect(recs[2]).toMatchObject({ fields: ['3', 'c'], line: 3 });
    expect(recs[3]!.error).toMatch(/longer than 64 bytes/); // a 200-byte line is over the limit too
    expect(recs[3]!.line).toBe(4);
  });

  it('reads one long quoted field full of escapes fed in small chunks', () => {
    const big = 'ab"\\'.repeat(50_000); // 200 KB of quotes and backslashes to escape
    const escaped = big.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    const recs = tokenize(`1,"${escaped}",2\n`, 4096);
    expect(recs).toHaveLength(1);
    expect(recs[0]!.fields[1]).toBe(big);
  });
});
