/**
 * The write path for cases and opinions: set-based, a handful of statements per batch whatever its size
 * (arrays bound as parameters and `unnest`ed, or COPY into a staging table for large batches). Runs inside the
 * caller's transaction; semantics match src/store/sqlite/write-cases.ts (same counts, ids and late binding).
 */
import { caseIdFor, normalizeCase, reporterKey, type NormalizedCase } from '../records.js';
import type { CaseBatch, UpsertResult } from '../store.js';
import { NOT_IN_CORPUS } from '../types.js';
import { copyRows, type CopyValue } from './copy.js';
import { deferSearchIndexes } from './deferred-indexes.js';
import { writeCheckpoint, writeRejects } from './imports.js';
import type { Sql } from './pool.js';
import { dropStaged, STAGED_FIELDS, stagedRow, type StagedBatch } from './staging.js';
import { entryKey, LINK_HASH_COLUMNS, planBinding, storedLinksHash, type BoundRow, type StoredLinkRow, type WaitingRow } from '../waiting-links.js';
import { writeLinkSets } from './write-links.js';

export interface WriteOptions {
  /** Opinion text bytes in one batch above which opinions go through COPY instead of bound arrays. */
  copyThresholdBytes: number;
}

type Outcome = 'inserted' | 'updated' | 'unchanged';
/** A case to write: `idx` is its place in the batch (which locates its staged opinion rows). */
interface Pending { n: NormalizedCase; id: string; idx: number }

/** `staged`: the same cases, staged beforehand (staging.ts); their rows are moved into opinions and deleted. */
export async function upsertBatch(sql: Sql, batch: CaseBatch, opts: WriteOptions, staged?: StagedBatch): Promise<UpsertResult> {
  const normalized = staged ? staged.normalized : batch.cases.map(normalizeCase);
  const key = (source: string, sourceId: string): string => `${source}\0${sourceId}`;
  const found = await sql.all<{ source: string; source_id: string; id: string; content_hash: string; case_name: string }>(
    `SELECT c.source, c.source_id, c.id, c.content_hash, c.case_name FROM cases c
     JOIN unnest($1::text[], $2::text[]) AS k(source, source_id) ON c.source = k.source AND c.source_id = k.source_id`,
    [normalized.map((n) => n.record.source), normalized.map((n) => n.record.source_id)]);
  const known = new Map(found.map((r) => [key(r.source, r.source_id), { id: r.id, hash: r.content_hash }]));
  // The names the stored search vectors were built with (see writeOpinions).
  const storedNames = new Map(found.map((r) => [r.id, r.case_name]));

  // Decided in input order, as the SQLite store does row by row: a case repeated in one batch counts as
  // inserted, then updated (or unchanged); only its last version is written.
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, ids: [] };
  const pending = new Map<string, Pending>();
  normalized.forEach((n, idx) => {
    const k = key(n.record.source, n.record.source_id);
    const prev = known.get(k);
    const outcome: Outcome = !prev ? 'inserted' : prev.hash === n.hash ? 'unchanged' : 'updated';
    const id = prev?.id ?? n.record.id;
    result[outcome]++;
    result.ids.push(id);
    if (outcome === 'unchanged') return;
    known.set(k, { id, hash: n.hash });
    pending.delete(k);
    pending.set(k, { n, id, idx });
  });
  const written = [...pending.values()];
  if (written.length > 0) {
    await writeCases(sql, written);
    if (staged) await writeStagedOpinions(sql, written, storedNames, opts, !!batch.checkpoint, staged);
    else await writeOpinions(sql, written, storedNames, opts, !!batch.checkpoint);
    await bindWaitingLinks(sql, written);
    const bound = await bindWaitingSupplied(sql, written);
    if (bound) result.bound_links = bound;
  }
  if (staged) await dropStaged(sql, staged.token);
  if (batch.links && batch.links.length > 0) await writeLinkSets(sql, batch.links);
  if (batch.rejects && batch.rejects.length > 0) await writeRejects(sql, batch.rejects);
  if (batch.checkpoint) await writeCheckpoint(sql, batch.checkpoint.import_key, batch.checkpoint.state);
  return result;
}

const CASE_FIELDS = ['id', 'source', 'source_id', 'case_name', 'case_name_short', 'court_id', 'circuit', 'decision_date',
  'docket_number', 'precedential_status', 'citations', 'disposition', 'subsequent_history', 'inferred', 'source_url', 'content_hash'] as const;

async function writeCases(sql: Sql, written: Pending[]): Promise<void> {
  const cols = CASE_FIELDS.map((f) => written.map(({ n, id }): string | null => {
    if (f === 'id') return id;
    if (f === 'content_hash') return n.hash;
    if (f === 'citations' || f === 'inferred') return JSON.stringify(n.record[f]);
    return n.record[f];
  }));
  // ON CONFLICT … DO UPDATE keeps the row (and its id, seq, opinions, links, human codings) in place.
  const sets = CASE_FIELDS.filter((f) => f !== 'id' && f !== 'source' && f !== 'source_id').map((f) => `${f} = excluded.${f}`).join(', ');
  await sql.run(`INSERT INTO cases (${CASE_FIELDS.join(', ')})
    SELECT ${CASE_FIELDS.map((f) => (f === 'citations' || f === 'inferred' ? `${f}::jsonb` : f)).join(', ')}
    FROM unnest(${CASE_FIELDS.map((_, i) => `$${i + 1}::text[]`).join(', ')}) WITH ORDINALITY AS r(${CASE_FIELDS.join(', ')}, ord)
    ORDER BY ord
    ON CONFLICT (source, source_id) DO UPDATE SET ${sets}`, cols);

  const ids = written.map((w) => w.id);
  await sql.run('DELETE FROM case_citations WHERE case_id = ANY($1::text[])', [ids]);
  const cites = written.flatMap(({ n, id }) => n.record.citations.map((c) => [reporterKey(c.reporter), c.volume, c.page, id] as const));
  if (cites.length > 0) {
    await sql.run(`INSERT INTO case_citations (reporter_key, volume, page, case_id)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
    [0, 1, 2, 3].map((i) => cites.map((c) => c[i])));
  }
}

const OPINION_FIELDS = ['id', 'case_id', 'ordinal', 'source_id', 'type', 'author', 'text', 'html', 'sha1', 'case_name', 'same_name'] as const;

interface OpinionRow {
  /** OPINION_FIELDS' values. */
  row: CopyValue[];
  /** Where its case is in the batch, and its place among the case's opinions. */
  idx: number;
  ordinal: number;
  n: NormalizedCase;
}

/**
 * The opinions of the written cases, and the text bytes they hold. Last occurrence wins when an opinion id
 * appears under two cases of one batch (it moves, as on SQLite). Opinions dropped from a rewritten case are
 * deleted here (their links cascade); kept ones are updated in place by the caller, so their seq and links stay.
 */
async function opinionRows(sql: Sql, written: Pending[], storedNames: Map<string, string>): Promise<{ rows: OpinionRow[]; bytes: number }> {
  const byId = new Map<string, OpinionRow>();
  let bytes = 0;
  for (const { n, id, idx } of written) {
    n.opinions.forEach((o, ordinal) => {
      byId.delete(o.id);
      byId.set(o.id, { row: [o.id, id, ordinal, o.source_id, o.type, o.author, o.text, o.html, o.sha1, n.record.case_name,
        storedNames.get(id) === n.record.case_name], idx, ordinal, n });
      bytes += o.text.length;
    });
  }
  await sql.run('DELETE FROM opinions WHERE case_id = ANY($1::text[]) AND NOT (id = ANY($2::text[]))',
    [written.map((w) => w.id), [...byId.keys()]]);
  return { rows: [...byId.values()], bytes };
}

/**
 * Opinions are written with their search vector, computed once: `to_tsvector` is the costliest step of an import
 * on the server, so a rewritten case whose opinion text and case name are unchanged (a re-import where only
 * metadata moved) keeps the stored vector instead of computing it again.
 */
async function writeOpinions(sql: Sql, written: Pending[], storedNames: Map<string, string>, opts: WriteOptions,
  importing: boolean): Promise<void> {
  const { rows: opinions, bytes } = await opinionRows(sql, written, storedNames);
  if (opinions.length === 0) return;
  const rows = opinions.map((r) => r.row);
  // Only rewritten cases can have a vector worth keeping; a batch of new cases skips the lookup altogether.
  const reuse = rows.some((r) => r[10] === true);
  let source: string;
  let params: unknown[] = [];
  if (sql.client && bytes >= opts.copyThresholdBytes) {
    // A large import batch into an empty table starts a first load: build the GIN indexes once, after it.
    if (importing) await deferSearchIndexes(sql);
    await sql.run(`CREATE TEMP TABLE IF NOT EXISTS clearly_opinion_stage (ord serial, id text, case_id text, ordinal integer,
      source_id text, type text, author text, text text, html text, sha1 text, case_name text, same_name boolean) ON COMMIT DELETE ROWS`);
    await sql.run('TRUNCATE clearly_opinion_stage');
    await copyRows(sql.client, 'clearly_opinion_stage', [...OPINION_FIELDS], rows);
    source = 'clearly_opinion_stage r';
  } else {
    params = OPINION_FIELDS.map((_, i) => rows.map((r) => (r[i] === null ? null : String(r[i]))));
    source = `unnest(${OPINION_FIELDS.map((_, i) => `$${i + 1}::text[]`).join(', ')}) WITH ORDINALITY AS r(${OPINION_FIELDS.join(', ')}, ord)`;
  }
  await sql.run(`INSERT INTO opinions (id, case_id, ordinal, source_id, type, author, text, html, sha1, search)
    SELECT r.id, r.case_id, r.ordinal::integer, r.source_id, r.type, r.author, r.text, r.html, r.sha1,
      ${reuse ? 'coalesce(o.search, clearly_opinion_vector(r.case_name, r.text))' : 'clearly_opinion_vector(r.case_name, r.text)'}
    FROM ${source}
    ${reuse ? 'LEFT JOIN opinions o ON r.same_name::boolean AND o.id = r.id AND o.case_id = r.case_id AND o.text = r.text' : ''}
    ORDER BY r.ord
    ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, ordinal = excluded.ordinal, source_id = excluded.source_id,
      type = excluded.type, author = excluded.author, text = excluded.text, html = excluded.html, sha1 = excluded.sha1,
      search = excluded.search`, params);
}

/**
 * writeOpinions for a staged batch (staging.ts): the opinion rows and, mostly, their vectors are in
 * opinion_staging already. Rows the staging did not leave there (it failed, was cleaned up, or left the case out
 * as unchanged) are copied in now without vectors; locking the present ones keeps a concurrent clean-up from
 * taking them. Vectors are then taken, in this order, from the stored opinion (same text under the same case
 * name, as writeOpinions), from staging, or computed here; search_key and search_words come with a taken
 * vector (the trigger keeps them, clearly.opinion_key_given) and are computed by the trigger otherwise.
 */
async function writeStagedOpinions(sql: Sql, written: Pending[], storedNames: Map<string, string>, opts: WriteOptions,
  importing: boolean, staged: StagedBatch): Promise<void> {
  const { rows, bytes } = await opinionRows(sql, written, storedNames);
  if (rows.length === 0) return;
  if (importing && bytes >= opts.copyThresholdBytes) await deferSearchIndexes(sql);
  const ords = rows.map((r) => staged.firstOrd[r.idx]! + r.ordinal);
  const present = new Set((await sql.all<{ ord: number }>(
    'SELECT ord FROM opinion_staging WHERE token = $1 AND ord = ANY($2::integer[]) ORDER BY ord FOR UPDATE', [staged.token, ords])).map((r) => r.ord));
  const missing = rows.flatMap((r, i) => (present.has(ords[i]!) ? [] : [stagedRow(staged.token, ords[i]!, r.n, r.ordinal)]));
  if (missing.length > 0) await copyRows(sql.client!, 'opinion_staging', [...STAGED_FIELDS], missing);
  await sql.run("SELECT set_config('clearly.opinion_key_given', 'on', true)");
  await sql.run(`INSERT INTO opinions (id, case_id, ordinal, source_id, type, author, text, html, sha1, search, search_key, search_words)
    SELECT s.id, r.case_id, s.ordinal, s.source_id, s.type, s.author, s.text, s.html, s.sha1,
      CASE WHEN o.id IS NOT NULL THEN o.search WHEN s.search IS NOT NULL THEN s.search ELSE clearly_opinion_vector(s.case_name, s.text) END,
      CASE WHEN o.id IS NOT NULL THEN o.search_key WHEN s.search IS NOT NULL THEN s.search_key END,
      CASE WHEN o.id IS NOT NULL THEN o.search_words WHEN s.search IS NOT NULL THEN s.search_words END
    FROM unnest($2::integer[], $3::text[], $4::boolean[]) WITH ORDINALITY AS r(ord, case_id, same_name, n)
    JOIN opinion_staging s ON s.token = $1 AND s.ord = r.ord
    LEFT JOIN opinions o ON r.same_name AND o.id = s.id AND o.case_id = r.case_id AND o.text = s.text
    ORDER BY r.n
    ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, ordinal = excluded.ordinal, source_id = excluded.source_id,
      type = excluded.type, author = excluded.author, text = excluded.text, html = excluded.html, sha1 = excluded.sha1,
      search = excluded.search, search_key = excluded.search_key, search_words = excluded.search_words`,
  [staged.token, ords, rows.map((r) => r.row[1]), rows.map((r) => r.row[10])]);
  await sql.run("SELECT set_config('clearly.opinion_key_given', 'off', true)");
}

/**
 * Links stored as NOT_IN_CORPUS whose citation now names exactly one case get bound to it, so the graph does
 * not depend on import order. Two cases sharing a cite stay unbound: choosing is the citation engine's call.
 */
async function bindWaitingLinks(sql: Sql, written: Pending[]): Promise<void> {
  const cites = written.flatMap(({ n }) => n.record.citations.map((c) => [reporterKey(c.reporter), c.volume, c.page] as const));
  if (cites.length === 0) return;
  await sql.run(`WITH w AS (SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::text[]) AS w(reporter_key, volume, page)),
    one AS (SELECT k.reporter_key, k.volume, k.page, min(k.case_id) AS case_id
      FROM case_citations k JOIN w USING (reporter_key, volume, page) GROUP BY 1, 2, 3 HAVING count(*) = 1)
    UPDATE citation_links l SET cited_case_id = one.case_id, unresolved_reason = NULL FROM one
    WHERE l.cited_case_id IS NULL AND l.reporter_key = one.reporter_key AND l.volume = one.volume AND l.page = one.page
      AND l.unresolved_reason = $4`, [...[0, 1, 2].map((i) => cites.map((c) => c[i])), NOT_IN_CORPUS]);
}

/**
 * Supplied links waiting for an opinion or case of this batch (cited_ref) get bound to its case, merged with the
 * citing opinion's entry for that case if it has one (waiting-links.ts), as on SQLite. Driven by the small index
 * of waiting rows; a batch whose records nobody waits for costs one query. Returns the number of links bound.
 */
async function bindWaitingSupplied(sql: Sql, written: Pending[]): Promise<number> {
  const stored = new Map<string, string>();
  for (const { n, id } of written) {
    stored.set(caseIdFor(n.record.source, n.record.source_id), id);
    for (const o of n.opinions) stored.set(o.id, id);
  }
  const waiting = await sql.all<WaitingRow>(`SELECT l.seq, l.citing_opinion_id, o.case_id AS citing_case_id, l.origin, l.depth,
      l.parenthetical, t.case_id AS target
    FROM unnest($1::text[], $2::text[]) AS t(ref, case_id)
    JOIN citation_links l ON l.cited_ref = t.ref AND l.cited_case_id IS NULL AND l.cited_ref IS NOT NULL
    JOIN opinions o ON o.id = l.citing_opinion_id`, [[...stored.keys()], [...stored.values()]]);
  if (waiting.length === 0) return 0;
  const asked = new Map<string, WaitingRow>();
  for (const w of waiting) if (w.origin !== 'engine') asked.set(entryKey(w.citing_opinion_id, w.origin, w.target), w);
  const bound = asked.size === 0 ? [] : await sql.all<BoundRow>(`SELECT l.seq, l.citing_opinion_id, l.origin, l.cited_case_id, l.depth, l.parenthetical
    FROM unnest($1::text[], $2::text[], $3::text[]) AS k(opinion, origin, target)
    JOIN citation_links l ON l.citing_opinion_id = k.opinion AND l.cited_case_id = k.target AND l.origin = k.origin`,
  [[...asked.values()].map((w) => w.citing_opinion_id), [...asked.values()].map((w) => w.origin), [...asked.values()].map((w) => w.target)]);
  const plan = planBinding(waiting, bound);
  if (plan.remove.length > 0) await sql.run('DELETE FROM citation_links WHERE seq = ANY($1::bigint[])', [plan.remove]);
  if (plan.bind.length > 0) {
    await sql.run(`UPDATE citation_links l SET cited_case_id = b.case_id, unresolved_reason = NULL, cited_ref = NULL,
        depth = b.depth, parenthetical = b.parenthetical
      FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::text[]) AS b(seq, case_id, depth, parenthetical)
      WHERE l.seq = b.seq`, [plan.bind.map((b) => b.seq), plan.bind.map((b) => b.cited_case_id), plan.bind.map((b) => b.depth),
      plan.bind.map((b) => b.parenthetical)]);
  }
  const touched = [...new Set(waiting.map((w) => w.citing_opinion_id))];
  const rows = await sql.all<StoredLinkRow & { citing_opinion_id: string }>(`SELECT citing_opinion_id, ${LINK_HASH_COLUMNS}
    FROM citation_links WHERE citing_opinion_id = ANY($1::text[]) ORDER BY seq`, [touched]);
  const hashes = touched.map((id) => storedLinksHash(id, rows.filter((r) => r.citing_opinion_id === id)));
  await sql.run('UPDATE opinions o SET links_hash = v.h FROM unnest($1::text[], $2::text[]) AS v(id, h) WHERE o.id = v.id', [touched, hashes]);
  return plan.bound;
}
