import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { runImport } from '../pipeline.js';
import { capCaseJson, jsonl, tempDir, write } from '../test-fixtures.js';
import type { SourceItem } from '../types.js';
import { CapReader } from './reader.js';

async function readAll(inputs: string[]): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of new CapReader().read(inputs)) out.push(item);
  return out;
}

describe('cap reader', () => {
  it('reads single case files in both casebody shapes, with court, citations and cites_to', async () => {
    const dir = tempDir();
    write(dir, 'a.json', JSON.stringify(capCaseJson(1, 'api')));
    write(dir, 'b.json', JSON.stringify(capCaseJson(2, 'bulk', { decision_date: '1999-07' })));
    const items = await readAll([dir]);
    expect(items.map((i) => i.kind)).toEqual(['case', 'case']);
    const [a, b] = items as Extract<SourceItem, { kind: 'case' }>[];
    expect(a!.case).toMatchObject({
      source: 'cap', source_id: 'case:1', case_name: 'Doe v. Roe', court_id: 'ca6', circuit: '6', decision_date: '2017-05-06',
      docket_number: 'No. 16-4004', citations: [{ volume: '905', reporter: 'F.3d', page: '55' }],
    });
    expect(a!.case.opinions).toEqual([{ source_id: 'case:1/opinion:0', type: 'majority', author: 'ROE, J.', text: expect.stringContaining('Poe v. Moe') }]);
    expect(a!.supplied_links).toEqual([
      { citing_opinion_source_id: 'case:1/opinion:0', cited: { source: 'cap', source_id: 'case:2', kind: 'case' }, text: '904 F.3d 44' },
      { citing_opinion_source_id: 'case:1/opinion:0', text: '906 F.3d 66' },
    ]);
    expect(b!.case).toMatchObject({ decision_date: '1999-07-01', inferred: { decision_date: { confidence: 0.3 } } });
    expect(b!.case.opinions).toHaveLength(1);
  });

  it('reads JSONL, rejects what is not a CAP case, and links cites_to by CAP id and by citation', async () => {
    const dir = tempDir();
    const other = capCaseJson(2, 'bulk', { name_abbreviation: 'Poe v. Moe', citations: [{ type: 'official', cite: '904 F.3d 44' }], cites_to: [] });
    const third = capCaseJson(3, 'bulk', { name_abbreviation: 'Zoe v. Woe', citations: [{ type: 'official', cite: '906 F.3d 66' }], cites_to: [] });
    const file = write(dir, 'cases.jsonl', jsonl([capCaseJson(1, 'api'), { hello: 'world' }, other, third]));
    const store = await openStore({ db: ':memory:' });
    const summary = await runImport({ store, reader: new CapReader(), inputs: [file] });
    expect(summary).toMatchObject({ imported: 3, rejected: 1 });
    expect((await store.listRejects(summary.import_key))[0]).toMatchObject({ file, line: 2 });
    const doe = (await store.getCaseBySource('cap', 'case:1'))!;
    const cited = (await store.cites(doe.id)).items.filter((e) => e.link.origin === 'cap').map((e) => e.case?.case_name);
    expect(cited.sort()).toEqual(['Poe v. Moe', 'Zoe v. Woe']);
    await store.close();
  });
});
