import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type CaseInput, type Store } from '../store/index.js';
import { caseContentHash, normalizeCase } from '../store/records.js';
import { CourtListenerJsonReader } from './courtlistener-json/reader.js';
import { runImport } from './pipeline.js';
import { prepareCase } from './prepare.js';
import { jsonl, tempDir, twoOpinions, v4Cluster, write } from './test-fixtures.js';
import type { SourceItem, SourceReader } from './types.js';

const stores: Store[] = [];
async function store(): Promise<Store> {
  const s = await openStore({ db: ':memory:' });
  stores.push(s);
  return s;
}
afterEach(async () => { for (const s of stores.splice(0)) await s.close(); });

const QI = 'The officers appeal the denial of qualified immunity at summary judgment. Doe was lying on the ground and not resisting when Officer Roe released a police dog on him. Because the right was clearly established, the officers are not entitled to qualified immunity. We affirm the denial of qualified immunity. See Poe v. Moe, 901 F.3d 11, 15 (1st Cir. 2015).';

const fictional = (text: string, html: string | null = null): CaseInput => ({
  source: 't', source_id: 'k1', case_name: 'Doe v. Roe', decision_date: '2090-01-02',
  citations: [{ volume: '998', reporter: 'F.9th', page: '7' }],
  opinions: [{ source_id: 'o1', type: 'majority', text, html }],
});

/** The JSON reader with `prepareCase` run on a structured clone of each case, as the bulk reader's worker does. */
function preparing(inner: SourceReader, alter?: (item: SourceItem & { kind: 'case' }) => void): SourceReader {
  return {
    format: inner.format,
    async *read(inputs, options) {
      for await (const item of inner.read(inputs, options)) {
        if (item.kind === 'case') {
          const copy = structuredClone(item);
          copy.prepared = prepareCase(structuredClone(item.case));
          alter?.(copy);
          yield copy;
        } else yield item;
      }
    },
  };
}

describe('content hash', () => {
  it('is what normalizeCase computes, depends on text and HTML, and not on key order', () => {
    const c = fictional(QI, '<p>x</p>');
    expect(caseContentHash(structuredClone(c))).toBe(normalizeCase(c).hash);
    expect(normalizeCase(c).hash).toMatch(/^v2:[0-9a-f]{40}$/);
    expect(normalizeCase(fictional(QI + ' ', '<p>x</p>')).hash).not.toBe(normalizeCase(c).hash);
    expect(normalizeCase(fictional(QI, '<p>y</p>')).hash).not.toBe(normalizeCase(c).hash);
    expect(normalizeCase(fictional(QI, null)).hash).not.toBe(normalizeCase(fictional(QI, '')).hash);
    // Lone surrogates, which UTF-8 would turn into the same U+FFFD, still count.
    expect(normalizeCase(fictional('a\ud800')).hash).not.toBe(normalizeCase(fictional('a\ud801')).hash);
    // A text and an HTML that swap bytes between them are different content.
    expect(normalizeCase(fictional('ab', 'c')).hash).not.toBe(normalizeCase(fictional('a', 'bc')).hash);
    const reordered = Object.fromEntries(Object.entries(c).reverse()) as unknown as CaseInput;
    expect(normalizeCase(reordered).hash).toBe(normalizeCase(c).hash);
  });

  it('prepareCase extracts links, codes QI and hashes like the pipeline would', () => {
    const c = fictional(QI);
    const p = prepareCase(structuredClone(c));
    expect(p.hash).toBe(normalizeCase(c).hash);
    expect(p.engine[0]!.map((l) => l.text)).toEqual(['901 F.3d 11']);
    expect(p.qi).toMatchObject({ decides_qi: true });
    expect(prepareCase(fictional('A contract dispute about a lease.')).qi).toBeNull();
    expect(prepareCase(c, { code_qi: false }).qi).toBeUndefined();
    expect(prepareCase({ ...c, decision_date: 'yesterday' }).hash).toBeUndefined();
  });
});

describe('runImport with prepared items', () => {
  it('stores the same cases, links and hashes as an unprepared import', async () => {
    const file = write(tempDir(), 'all.jsonl', jsonl([...twoOpinions(), ...v4Cluster()]));
    const reader = new CourtListenerJsonReader();
    const plain = await store();
    const prepared = await store();
    const a = await runImport({ store: plain, reader, inputs: [file], batch_size: 2 });
    const b = await runImport({ store: prepared, reader: preparing(reader), inputs: [file], batch_size: 2 });
    expect(b).toMatchObject({ imported: a.imported, opinions: a.opinions, links: a.links, qi_coded: a.qi_coded });
    for (const s of [plain, prepared]) expect((await s.stats()).citation_links).toBe(a.links.engine + a.links.supplied);
    const cases = (await plain.listCases({})).items;
    for (const c of cases) {
      expect((await prepared.cites(c.id)).items.map((e) => e.link)).toEqual((await plain.cites(c.id)).items.map((e) => e.link));
    }
    // The hash computed ahead is the store's own: an unprepared re-import finds every case unchanged.
    expect(await runImport({ store: prepared, reader, inputs: [file], batch_size: 2 })).toMatchObject({ unchanged: a.imported, updated: 0 });
  });

  it('uses the prepared links instead of extracting them again', async () => {
    const file = write(tempDir(), 'all.jsonl', jsonl(twoOpinions()));
    const reader = new CourtListenerJsonReader();
    const s = await store();
    const r = await runImport({ store: s, reader: preparing(reader, (item) => { item.prepared!.engine = item.case.opinions.map(() => []); }), inputs: [file] });
    expect(r.links.engine).toBe(0);
    expect(r.links.supplied).toBeGreaterThan(0);
  });
});
