import { describe, expect, it } from 'vitest';
import { gz, jsonl, tempDir, twoOpinions, v4Cluster, write } from '../test-fixtures.js';
import type { SourceItem } from '../types.js';
import { CourtListenerJsonReader } from './reader.js';

async function readAll(inputs: string[], resumeFrom?: unknown): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of new CourtListenerJsonReader().read(inputs, resumeFrom ? { resumeFrom: resumeFrom as never } : {})) out.push(item);
  return out;
}
const cases = (items: SourceItem[]) => items.flatMap((i) => (i.kind === 'case' ? [i] : []));

describe('courtlistener-json reader', () => {
  it('turns bare v3 opinions (.jsonl.gz) into cases with inferred metadata and supplied links', async () => {
    const dir = tempDir();
    const file = write(dir, 'ops.jsonl.gz', gz(jsonl(twoOpinions())));
    const [a, b] = cases(await readAll([file]));
    expect(a!.case).toMatchObject({
      source: 'courtlistener', source_id: 'cluster:9001', case_name: 'Doe v. Roe', court_id: 'ca1', circuit: '1',
      decision_date: '2010-03-03', docket_number: '10-1001', precedential_status: 'published',
    });
    expect(a!.case.inferred?.case_name?.method).toMatch(/slug/);
    expect(b!.case).toMatchObject({ case_name: 'Poe v. Moe', precedential_status: 'unpublished', decision_date: '2011-06-09' });
    expect(b!.case.opinions[0]).toMatchObject({ source_id: 'opinion:9002', type: 'combined' });
    // opinions_cited and the /opinion/ anchor name 9001 once (with the anchor's text); 12345678 is outside the file.
    expect(b!.supplied_links).toEqual([
      { citing_opinion_source_id: 'opinion:9002', cited: { source: 'courtlistener', source_id: 'opinion:9001', kind: 'opinion' }, text: '901 F.3d 11' },
      { citing_opinion_source_id: 'opinion:9002', cited: { source: 'courtlistener', source_id: 'opinion:12345678', kind: 'opinion' } },
    ]);
    expect(b!.location).toMatchObject({ file, line: 2 });
  });

  it('groups v4 opinions into their cluster and takes the court from the docket', async () => {
    const dir = tempDir();
    const file = write(dir, 'page.json', JSON.stringify({ count: 4, next: null, results: v4Cluster() }));
    const [c] = cases(await readAll([dir]));
    expect(c!.case).toMatchObject({
      source_id: 'cluster:7000', case_name: 'Doe v. City of Springfield', court_id: 'ca6', circuit: '6',
      decision_date: '2015-04-02', docket_number: '14-3003', precedential_status: 'published',
      citations: [{ volume: '903', reporter: 'F.3d', page: '33' }], inferred: {},
    });
    expect(c!.case.opinions.map((o) => [o.source_id, o.type, o.author])).toEqual([
      ['opinion:7002', 'dissent', 'Judge Moe'], ['opinion:7001', 'majority', 'Judge Roe']]);
    expect(c!.location.file).toBe(file);
  });

  it('rejects a broken line with file and line, and reads on', async () => {
    const dir = tempDir();
    const [a, b] = twoOpinions();
    const file = write(dir, 'ops.jsonl', `${JSON.stringify(a)}\n{"resource_uri": broken\n${JSON.stringify(b)}\n[1,2]\n`);
    const items = await readAll([file]);
    expect(items.map((i) => i.kind)).toEqual(['case', 'reject', 'case', 'reject']);
    expect(items[1]).toMatchObject({ kind: 'reject', location: { file, line: 2 }, reason: expect.stringMatching(/broken JSON/) });
    expect(items[3]).toMatchObject({ location: { line: 4 }, reason: 'line is not a JSON object' });
  });

  it('resumes after the last emitted case', async () => {
    const dir = tempDir();
    const file = write(dir, 'ops.jsonl', jsonl(twoOpinions()));
    const first = cases(await readAll([file]))[0]!;
    const rest = cases(await readAll([file], first.resume));
    expect(rest.map((c) => c.case.source_id)).toEqual(['cluster:9002']);
  });
});
