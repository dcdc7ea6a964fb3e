import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { codeBatch } from './code-on-import.js';

const DECIDES = 'The officers appeal the denial of qualified immunity at summary judgment. Doe was lying on the ground and not resisting when Officer Roe released a police dog on him. Because the right was clearly established, the officers are not entitled to qualified immunity. We affirm the denial of qualified immunity.';

describe('QI coding on import', () => {
  it('codes opinions that decide QI, skips the rest, and never touches a human coding', async () => {
    const store = await openStore({ db: ':memory:' });
    await store.migrate();
    const cases = [
      { source: 't', source_id: '1', case_name: 'Doe v. Roe', opinions: [{ source_id: 'o1', type: 'majority', text: DECIDES }] },
      { source: 't', source_id: '2', case_name: 'Poe v. Moe', opinions: [{ source_id: 'o2', type: 'majority', text: 'A contract dispute about a lease.' }] },
    ];
    const { ids } = await store.upsertCases({ cases });
    expect(await codeBatch(store, cases, ids)).toBe(1);
    const machine = await store.getQiCoding(ids[0]!);
    expect(machine?.coder).toBe('machine');
    expect(machine?.coding.decides_qi).toBe(true);
    expect(await store.getQiCoding(ids[1]!)).toBeNull();

    await store.putQiCoding({ case_id: ids[0]!, coder: 'human', coding: { decides_qi: true, outcome: 'AFFIRM_DENIAL' } });
    await codeBatch(store, cases, ids);
    expect((await store.getQiCoding(ids[0]!))?.coder).toBe('human');
    expect(await store.listQiCodings(ids[0]!)).toHaveLength(2);
    await store.close();
  });
});
