import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseInput, JsonValue } from '../../store/index.js';
import type { SourceItem } from '../types.js';
import { courtListenerBulkReader } from './threaded.js';
import { cleanupFixtures, opinionLine, opinions, tempDir, writeFixture } from './test-bulk-fixture.js';

const tmp = (): string => tempDir('clearly-bulk-idx-');
afterAll(cleanupFixtures);

async function readAll(inputs: string[], opts: { resumeFrom?: JsonValue; tmpDir?: string; memoryBudget?: number; stopAfter?: number } = {}): Promise<SourceItem[]> {
  const reader = courtListenerBulkReader({ tmpDir: opts.tmpDir ?? tmp(), ...(opts.memoryBudget ? { memoryBudget: opts.memoryBudget } : {}) });
  const items: SourceItem[] = [];
  for await (const item of reader.read(inputs, opts.resumeFrom === undefined ? {} : { resumeFrom: opts.resumeFrom })) {
    items.push(item);
    if (opts.stopAfter !== undefined && items.length >= opts.stopAfter) break;
  }
  return items;
}

const cases = (items: SourceItem[]): (SourceItem & { kind: 'case' })[] => items.filter((i): i is SourceItem & { kind: 'case' } => i.kind === 'case');
const rejects = (items: SourceItem[]): (SourceItem & { kind: 'reject' })[] => items.filter((i): i is SourceItem & { kind: 'reject' } => i.kind === 'reject');
const byId = (items: SourceItem[]): Map<string, CaseInput> => new Map(cases(items).map((i) => [i.case.source_id, i.case]));

describe('courtlistener-bulk reader', () => {
  it('joins clusters, dockets, citations and opinions into cases, whatever the opinions file order', async () => {
    const fx = writeFixture();
    const items = await readAll([fx.dir]);
    expect(cases(items).map((i) => i.case.source_id)).toEqual(['cluster:2', 'cluster:1', 'cluster:3']);
    const c1 = byId(items).get('cluster:1')!;
    expect(c1).toMatchObject({
      source: 'courtlistener', case_name: 'Doe v. Roe', case_name_short: 'Doe', court_id: 'ca1', circuit: '1',
      decision_date: '2001-02-03', docket_number: '00-1234', precedential_status: 'published', disposition: 'Affirmed',
      source_url: 'https://www.courtlistener.com/opinion/1/doe-v-roe/',
      citations: [{ volume: '101', reporter: 'F.3d', page: '202' }, { volume: '5', reporter: 'Fed. Appx.', page: '77' }],
    });
    expect(c1.opinions.map((o) => [o.source_id, o.type, o.author])).toEqual([['opinion:101', 'majority', 'Judge Alpha'], ['opinion:102', 'dissent', null]]);
    // Backslash escapes and an embedded newline come back exactly.
    expect(c1.opinions[0]!.text).toBe(opinions[0]!.plain_text);
    // The row has HTML too, but the text is the plain text: the HTML is not kept (as in the JSON importer).
    expect(opinions[0]!.html_with_citations ?? opinions[0]!.html).toBeTruthy();
    expect(c1.opinions[0]!.html).toBeNull();
    const c1item = cases(items).find((i) => i.case.source_id === 'cluster:1')!;
    expect(c1item.location).toEqual({ file: fx.files.opinions, line: 2, id: 'cluster:1' });
  });

  it('falls back from plain text to the best HTML, maps per curiam, approximate dates and missing dockets', async () => {
    const items = await readAll([writeFixture().dir]);
    const c2 = byId(items).get('cluster:2')!;
    expect(c2).toMatchObject({ court_id: 'ohsd', circuit: '6', precedential_status: 'unpublished', case_name_short: null });
    expect(c2.inferred).toEqual({ decision_date: { method: 'courtlistener:date_filed_is_approximate' } });
    expect(c2.opinions[0]).toMatchObject({ type: 'per_curiam', author: null, text: 'Per curiam. See 101 F.3d 202.' });
    expect(c2.opinions[0]!.html).toContain('<a href="/opinion/101/doe-v-roe/">');
    const c3 = byId(items).get('cluster:3')!;
    expect(c3).toMatchObject({ case_name: 'In re Example Petition', court_id: null, docket_number: null, precedential_status: 'errata', citations: [] });
    expect(c3.opinions[0]!.text).toBe('Lawbox & text');
  });

  it('supplies the citation map and parentheticals as links, only for opinions in the export', async () => {
    const items = await readAll([writeFixture().dir]);
    const links = cases(items).flatMap((i) => i.supplied_links ?? []);
    expect(links).toEqual([
      { citing_opinion_source_id: 'opinion:201', cited: { source: 'courtlistener', source_id: 'opinion:101', kind: 'opinion' }, parenthetical: 'holding that the stop was unreasonable' },
      { citing_opinion_source_id: 'opinion:102', cited: { source: 'courtlistener', source_id: 'opinion:999', kind: 'opinion' } },
    ]);
  });

  it('reads HTML anchors as links when no citation map is given', async () => {
    const fx = writeFixture({ omit: ['citation-map', 'parentheticals'] });
    const links = cases(await readAll([fx.dir])).flatMap((i) => i.supplied_links ?? []);
    expect(links).toEqual([{ citing_opinion_source_id: 'opinion:201', cited: { source: 'courtlistener', source_id: 'opinion:101', kind: 'opinion' } }]);
  });

  it('reads the anchors of an opinion with plain text from its HTML, which is not kept', async () => {
    const rows = opinions.map((r) => (r.id === 102 ? { ...r, html_with_citations: '<p>See <a href="/opinion/201/smith/">Smith</a>.</p>' } : r));
    const fx = writeFixture({ omit: ['citation-map', 'parentheticals'], opinionRows: rows });
    const items = cases(await readAll([fx.dir]));
    const links = items.flatMap((i) => i.supplied_links ?? []);
    expect(links).toContainEqual({ citing_opinion_source_id: 'opinion:102', cited: { source: 'courtlistener', source_id: 'opinion:201', kind: 'opinion' } });
    const dissent = byId(items).get('cluster:1')!.opinions[1]!;
    expect([dissent.text, dissent.html]).toEqual(['I respectfully dissent.', null]);
  });

  it('rejects malformed rows with file and line, and imports the rest', async () => {
    const extra = [
      '"401","x","y"\n', // too few fields
      opinionLine({ id: 402, type: '010combined', cluster_id: 77, plain_text: 'orphan' }),
      opinionLine({ id: 'abc', type: '010combined', cluster_id: 1, plain_text: 'bad id' }),
      opinionLine({ id: 101, type: '010combined', cluster_id: 1, plain_text: 'same id again' }),
      opinionLine({ id: 403, type: '010combined', cluster_id: 2, plain_text: 'ok "then" garbage' }).replace('"ok \\"then\\" garbage"', '"ok"x'),
    ].join('');
    const fx = writeFixture({ extraOpinionLines: extra });
    const items = await readAll([fx.dir]);
    // Line numbers count the quoted newline inside opinion 101's text (rows 2–3), so the extra rows start at line 7.
    expect(rejects(items).map((r) => [r.location.file, r.location.line, r.reason])).toEqual([
      [fx.files.opinions, 7, 'expected 21 fields, found 3'],
      [fx.files.opinions, 8, 'opinion 402 belongs to cluster 77, which is not in the opinion-clusters file'],
      [fx.files.opinions, 9, 'opinion id "abc" or cluster_id "1" is not a number'],
      [fx.files.opinions, 10, 'opinion 101 appears more than once; the first row was kept'],
      [fx.files.opinions, 11, 'unexpected character after the closing quote of field 12'],
    ]);
    expect(rejects(items)[0]!.excerpt).toBe('401');
    expect(cases(items)).toHaveLength(3);
    expect(byId(items).get('cluster:1')!.opinions).toHaveLength(2);
  });

  it('rejects bad rows of the smaller tables and keeps going', async () => {
    const fx = writeFixture();
    writeFileSync(join(fx.dir, 'opinion-clusters-2024-01-01.csv'),
      'id,docket_id,case_name,date_filed,precedential_status\n"1","11","Doe v. Roe","2001-13-45","Published"\n"2","12","Smith","2005-06-07","Published"\n"3",,"In re X",,"Errata"\n');
    const items = await readAll([fx.dir]);
    expect(rejects(items).map((r) => [r.location.line, r.reason])).toEqual([
      [2, 'date_filed "2001-13-45" is not a date (YYYY-MM-DD)'],
      [2, 'opinion 101 belongs to cluster 1, which is not in the opinion-clusters file'],
      [5, 'opinion 102 belongs to cluster 1, which is not in the opinion-clusters file'],
    ]);
    expect(cases(items).map((i) => i.case.source_id)).toEqual(['cluster:2', 'cluster:3']);
  });

  it('reads .csv.bz2 files through the bzip2 program with the same result', async () => {
    const plain = await readAll([writeFixture().dir]);
    const fx = writeFixture({ bz2: true });
    expect(readdirSync(fx.dir).every((n) => n.endsWith('.csv.bz2'))).toBe(true);
    const bz = await readAll(Object.values(fx.files));
    expect(bz.map((i) => (i.kind === 'case' ? i.case : i))).toEqual(plain.map((i) => (i.kind === 'case' ? i.case : i)));
  });

  it('resumes from any item without skipping a case (scattered clusters re-emitted at most once more)', async () => {
    const fx = writeFixture();
    const all = await readAll([fx.dir]);
    const everything = [...byId(all).keys()].sort();
    for (let k = 0; k < all.length; k++) {
      const resume = all[k]!.resume!;
      const rest = await readAll([fx.dir], { resumeFrom: resume });
      const seen = new Set([...cases(all.slice(0, k + 1)), ...cases(rest)].map((i) => i.case.source_id));
      expect([...seen].sort()).toEqual(everything);
      expect(cases(rest).length).toBeLessThanOrEqual(cases(all).length - cases(all.slice(0, k + 1)).length + 1);
    }
    // After the last item nothing is left to read.
    expect(cases(await readAll([fx.dir], { resumeFrom: all.at(-1)!.resume! }))).toEqual([]);
  });

  it('resumes inside a .bz2 file by skipping the decompressed bytes already read', async () => {
    const fx = writeFixture({ bz2: true });
    const all = await readAll([fx.dir]);
    const second = cases(all)[1]!; // cluster 1, complete after cluster 2: nothing is waiting behind it
    expect(second.case.source_id).toBe('cluster:1');
    const rest = await readAll([fx.dir], { resumeFrom: second.resume! });
    expect(cases(rest).map((i) => i.case)).toEqual(cases(all).slice(2).map((i) => i.case));
  });

  it('ignores resume state from a different opinions file', async () => {
    const fx = writeFixture();
    const items = await readAll([fx.dir], { resumeFrom: { format: 'courtlistener-bulk', opinions: 'other', file: 0, offset: 99999, line: 50 } });
    expect(cases(items)).toHaveLength(3);
  });

  it('spills waiting opinions to disk under a tiny memory budget and still emits whole cases', async () => {
    const fx = writeFixture();
    const normal = await readAll([fx.dir]);
    const spilled = await readAll([fx.dir], { memoryBudget: 1 });
    expect(cases(spilled).map((i) => i.case)).toEqual(cases(normal).map((i) => i.case));
  });

  it('keeps its temp index while unfinished, reuses it, and deletes it at the end', async () => {
    const fx = writeFixture();
    const dir = tmp();
    await readAll([fx.dir], { tmpDir: dir, stopAfter: 1 });
    expect(readdirSync(dir).filter((n) => n.endsWith('.db'))).toHaveLength(1);
    const rest = await readAll([fx.dir], { tmpDir: dir });
    expect(cases(rest)).toHaveLength(3);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('needs opinions and clusters', async () => {
    const fx = writeFixture({ omit: ['opinion-clusters'] });
    await expect(readAll([fx.dir])).rejects.toThrow(/needs an opinions file and an opinion-clusters file/);
    await expect(readAll([join(fx.dir, 'nope.csv')])).rejects.toThrow(/cannot read .*nope\.csv/);
  });
});
