import { describe, expect, it } from 'vitest';
import { ca1Caption, tempDir, tinyDocx, write } from '../test-fixtures.js';
import type { SourceItem } from '../types.js';
import { DocumentReader } from './reader.js';

async function readAll(inputs: string[]): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of new DocumentReader().read(inputs)) out.push(item);
  return out;
}

describe('document reader', () => {
  it('reads text, HTML and DOCX with inferred caption metadata; an unreadable PDF is a reject', async () => {
    const dir = tempDir();
    const caption = ca1Caption({ no: '15-1500', first: 'JANE DOE', second: 'RICHARD ROE', date: 'April 4, 2015' });
    write(dir, 'a.txt', `${caption}Doe sued Roe for excessive force.`);
    write(dir, 'b.html', `<html><head><script>alert("x")</script><style>p{}</style></head><body><p>UNITED STATES COURT OF APPEALS<br>FOR THE SIXTH CIRCUIT</p><p>No. 16-2600</p><p>PETER POE,<br>Plaintiff-Appellant,<br>v.<br>MARY MOE,<br>Defendant-Appellee.</p><p>Decided: May 5, 2016</p><p>Poe &amp; Moe.</p></body></html>`);
    write(dir, 'c.docx', tinyDocx(['UNITED STATES COURT OF APPEALS FOR THE FOURTH CIRCUIT', 'No. 17-1700', 'JOHN ZOE, Plaintiff, v. WILLIAM WOE, Defendant.', 'Filed: July 7, 2017', 'Zoe appeals.']));
    const pdf = write(dir, 'd.pdf', '%PDF-1.7\nthis is not really a PDF\n%%EOF\n');
    const items = await readAll([dir]);
    expect(items.map((i) => i.kind)).toEqual(['case', 'case', 'case', 'reject']);
    const [a, b, c] = items as Extract<SourceItem, { kind: 'case' }>[];
    expect(a!.case).toMatchObject({ source: 'file', source_id: `${dir}/a.txt`, case_name: 'Doe v. Roe', court_id: 'ca1', decision_date: '2015-04-04', docket_number: '15-1500' });
    expect(a!.case.inferred?.case_name?.confidence).toBeGreaterThan(0);
    expect(b!.case).toMatchObject({ case_name: 'Poe v. Moe', court_id: 'ca6', decision_date: '2016-05-05', docket_number: '16-2600' });
    expect(b!.case.opinions[0]!.text).not.toMatch(/alert|<p>|p\{\}/);
    expect(b!.case.opinions[0]!.text).toContain('Poe & Moe.');
    expect(c!.case).toMatchObject({ case_name: 'Zoe v. Woe', court_id: 'ca4', decision_date: '2017-07-07', docket_number: '17-1700' });
    expect(items[3]).toMatchObject({ kind: 'reject', location: { file: pdf }, reason: expect.stringMatching(/unreadable PDF/) });
  });
});
