import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeWith } from '../precedent/test-fixtures.js';
import type { Store } from '../store/index.js';
import { documentFromBytes } from './read-document.js';
import { verifyText } from './verify.js';

let store: Store;
beforeAll(async () => {
  store = await storeWith([
    { n: '1', name: 'Doe v. Roe', cite: '700 F.3d 779', date: '2012-11-29', factors: ['force.k9_bite'] },
    { n: '2', name: 'Unpub v. Roe', cite: "751 F. App'x 869", date: '2018-11-08', status: 'unpublished', prong1: 'not_reached' },
    { n: '3', name: 'Twin One v. Roe', cite: '5 F.4th 50' },
    { n: '4', name: 'Twin Two v. Roe', cite: '5 F.4th 50' },
    { n: '5', name: 'Later v. Roe', cite: '10 F.4th 100', date: '2021-06-01', court: 'ca9', circuit: '9' },
    { n: '6', name: 'Vacated v. Roe', cite: '20 F.3d 200', date: '2010-01-01', history: 'vacated, 2011-02-03' },
    { n: '7', name: 'District v. Roe', cite: '30 F. Supp. 3d 300', date: '2014-01-01', court: 'ohsd' },
  ]);
});
afterAll(async () => { await store.close(); });

const BRIEF = `Plaintiff relies on Doe v. Roe, 700 F.3d 779, 785 (6th Cir. 2012), and Unpub v. Roe, 751 F. App'x 869 (6th Cir. 2018).
See also Twin v. Roe, 5 F.4th 50 (6th Cir. 2021); Ghost v. Phantom, 123 F.3d 456 (6th Cir. 1999); Made Up v. Case, 77 F.6th 12 (6th Cir. 2024).
Later v. Roe, 10 F.4th 100 (9th Cir. 2021). Vacated v. Roe, 20 F.3d 200 (6th Cir. 2010). District v. Roe, 30 F. Supp. 3d 300 (S.D. Ohio 2014).
Doe, 700 F.3d at 786. Wrong Name v. Person, 700 F.3d 779 (6th Cir. 1990).`;

describe('verifyText', () => {
  it('gives every case citation a status: found, ambiguous, not found, unknown reporter', async () => {
    const r = await verifyText(store, BRIEF);
    const status = Object.fromEntries(r.citations.map((c) => [`${c.case_name}|${c.text}`, c.status]));
    expect(status).toMatchObject({
      'Doe v. Roe|700 F.3d 779': 'found',
      "Unpub v. Roe|751 F. App'x 869": 'found',
      'Twin v. Roe|5 F.4th 50': 'ambiguous',
      'Ghost v. Phantom|123 F.3d 456': 'not_found',
      'Made Up v. Case|77 F.6th 12': 'unknown_reporter',
    });
    expect(r.citations.find((c) => c.status === 'ambiguous')!.matches).toHaveLength(2);
    expect(r.counts).toMatchObject({ not_found: 1, unknown_reporter: 1, ambiguous: 1 });
    expect(r.counts.short_forms).toBe(1);
    expect(r.citations.map((c) => c.span[0])).toEqual([...r.citations.map((c) => c.span[0])].sort((x, y) => x - y));
  });

  it('takes unknown reporters from the citation engine, with the parts the engine read', async () => {
    const r = await verifyText(store, BRIEF);
    const made = r.citations.find((c) => c.status === 'unknown_reporter')!;
    expect(made).toMatchObject({ case_name: 'Made Up v. Case', volume: '77', reporter: 'F.6th', page: '12', year: 2024, court: 'ca6', matches: [] });
    expect(BRIEF.slice(...made.source_span!)).toBe('77 F.6th 12');
    const html = '<p>See <i>Fake v. Person</i>, 12 Zzz. Rptr. 45, 50 (D. Mass. 2001); Jane Doe, <i>A Note</i>, 12 Dapple L. Rev. 34 (1999).</p>';
    const h = await verifyText(store, html, { html: true });
    expect(h.citations.map((c) => [c.reporter, c.status, c.pin_cite])).toEqual([['Zzz. Rptr.', 'unknown_reporter', '50']]);
    expect(html.slice(...h.citations[0]!.source_span!)).toBe('12 Zzz. Rptr. 45');
    expect((await verifyText(store, 'In 2019 Officer Smith fired 3 Shots 12 (times).')).citations).toEqual([]);
  });

  it('warns when the name or year written does not match the case the citation points to', async () => {
    const r = await verifyText(store, BRIEF);
    const wrong = r.citations.find((c) => c.case_name === 'Wrong Name v. Person')!;
    expect(wrong.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['name_mismatch', 'year_mismatch']));
    expect(r.citations.find((c) => c.case_name === 'Doe v. Roe')!.warnings).toEqual([]);
  });

  it('adds the qualified-immunity warnings for an incident date and circuit', async () => {
    const r = await verifyText(store, BRIEF, { date: '2019-03-02', circuit: '6', state: 'OH' });
    const codes = (name: string): string[] => r.citations.find((c) => c.case_name === name)!.warnings.map((w) => w.code);
    expect(codes('Doe v. Roe')).toEqual([]);
    expect(codes('Unpub v. Roe')).toEqual(['unpublished', 'prong1_not_reached']);
    expect(codes('Later v. Roe')).toEqual(['after_incident', 'out_of_circuit']);
    expect(codes('Vacated v. Roe')).toEqual(['reversed_or_vacated']);
    expect(codes('District v. Roe')).toEqual(['district_court']);
  });

  it('reads HTML briefs and plain-text bytes', async () => {
    const html = await documentFromBytes(Buffer.from('<p>See <i>Doe v. Roe</i>, 700 F.3d 779 (6th Cir. 2012).</p>'), 'brief.html');
    expect(html.kind).toBe('html');
    const r = await verifyText(store, html.text, { html: true });
    expect(r.citations).toHaveLength(1);
    expect(r.citations[0]).toMatchObject({ status: 'found' });
    expect((await documentFromBytes(Buffer.from('plain'), 'brief.txt')).kind).toBe('text');
  });

  it('reads the text layer of a PDF', async () => {
    const doc = await documentFromBytes(minimalPdf('See Doe v. Roe, 700 F.3d 779 (6th Cir. 2012).'), 'brief.pdf');
    expect(doc.kind).toBe('pdf');
    const r = await verifyText(store, doc.text);
    expect(r.citations.map((c) => [c.text, c.status])).toEqual([['700 F.3d 779', 'found']]);
  });

  it('rejects a broken PDF with a bad_data error naming the file', async () => {
    await expect(documentFromBytes(Buffer.from('%PDF-1.4 garbage'), 'broken.pdf')).rejects.toMatchObject({ code: 'bad_data', location: { file: 'broken.pdf' } });
  });
});

/** A one-page PDF with one line of Helvetica text, offsets computed so the cross-reference table is exact. */
function minimalPdf(line: string): Buffer {
  const text = line.replace(/([()\\])/g, '\\$1');
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, k) => { offsets.push(pdf.length); pdf += `${k + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
