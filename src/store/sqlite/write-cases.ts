/** The write path for cases and opinions. Runs inside the caller's transaction. */
import { caseIdFor, normalizeCase, reporterKey, type NormalizedCase } from '../records.js';
import type { CaseBatch, UpsertResult } from '../store.js';
import { NOT_IN_CORPUS, type CaseCitation } from '../types.js';
import { entryKey, LINK_HASH_COLUMNS, planBinding, storedLinksHash, type BoundRow, type StoredLinkRow, type WaitingRow } from '../waiting-links.js';
import type { Statements } from './connection.js';
import { writeLinks } from './write-links.js';
import { writeCheckpoint, writeRejects } from './imports.js';

type Outcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Search index rows (FTS rowid = opinion seq, case name, text) waiting to be written. FTS5 writes its in-memory
 * index to disk as a new segment when a later statement of the transaction opens a statement savepoint, as the
 * upserts of cases and opinions (INSERT … ON CONFLICT DO UPDATE) do: an opinion's index row written right after
 * its row became a segment of its own at the next upsert, and those one-document segments were merged again and
 * again. Written after everything else in the transaction, a batch's rows stay in memory and become one segment at
 * commit. The index receives the same inserts and deletes in the same order, so what it holds is the same.
 */
type IndexRows = [seq: number, caseName: string, text: Buffer | string][];

function writeIndex(sql: Statements, rows: IndexRows): void {
  if (!rows.length) return;
  const index = sql.stmt('INSERT INTO opinion_fts (rowid, case_name, text) VALUES (?, ?, CAST(? AS TEXT))');
  for (const [seq, name, text] of rows) index.run(seq, name, text);
  rows.length = 0;
}

export function upsertBatch(sql: Statements, batch: CaseBatch): UpsertResult {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, ids: [] };
  const written: CaseCitation[] = [];
  /** Ids a waiting supplied link may name (cited_ref) → the case now stored under it. */
  const stored = new Map<string, string>();
  const indexRows: IndexRows = [];
  for (const input of batch.cases) {
    const n = normalizeCase(input);
    const existing = sql.get<{ id: string; content_hash: string }>(
      'SELECT id, content_hash FROM cases WHERE source = ? AND source_id = ?', n.record.source, n.record.source_id);
    const outcome: Outcome = !existing ? 'inserted' : existing.content_hash === n.hash ? 'unchanged' : 'updated';
    const id = existing?.id ?? n.record.id;
    result[outcome]++;
    result.ids.push(id);
    if (outcome === 'unchanged') continue;
    writeCase(sql, n, id, existing !== undefined, indexRows);
    written.push(...n.record.citations);
    stored.set(caseIdFor(n.record.source, n.record.source_id), id);
    for (const o of n.opinions) stored.set(o.id, id);
  }
  bindWaitingLinks(sql, written);
  const bound = bindWaitingSupplied(sql, stored);
  if (bound) result.bound_links = bound;
  // case_citations does not change while the links are written: late-binding look-ups are shared by the batch.
  const bindings = new Map<string, string | null>();
  for (const { opinion_id, links } of batch.links ?? []) writeLinks(sql, opinion_id, links, bindings);
  if (batch.rejects) writeRejects(sql, batch.rejects);
  if (batch.checkpoint) writeCheckpoint(sql, batch.checkpoint.import_key, batch.checkpoint.state);
  writeIndex(sql, indexRows);
  return result;
}

const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** Opinions this write touches: the case's current ones plus any that move here from another case. */
// A UNION rather than OR, so each half uses its index (an OR here made SQLite scan every opinion).
const TOUCHED = `SELECT seq FROM opinions WHERE case_id = @id
  UNION SELECT seq FROM opinions WHERE id IN (SELECT value FROM json_each(@ids))`;

/** Opinions of a new case that are already stored (under another case): the only ones a new case can touch. */
const MOVED = 'SELECT 1 FROM opinions WHERE id IN (SELECT value FROM json_each(?)) LIMIT 1';

function writeCase(sql: Statements, n: NormalizedCase, id: string, exists: boolean, indexRows: IndexRows): void {
  const r = n.record;
  const ids = JSON.stringify(n.opinions.map((o) => o.id));
  // Remove index entries while the rows still hold the values they were indexed from (external content rule).
  // A new case whose opinions are all new has nothing indexed yet: skip the statement (and the FTS table).
  const touches = exists || sql.get(MOVED, ids) !== undefined;
  if (touches) {
    writeIndex(sql, indexRows); // entries still waiting may be among those deleted here: the index gets them first
    sql.run(`INSERT INTO opinion_fts (opinion_fts, rowid, case_name, text)
      SELECT 'delete', seq, case_name, text FROM opinion_search WHERE seq IN (${TOUCHED})`, { id, ids });
  }

  // ON CONFLICT … DO UPDATE (never INSERT OR REPLACE): a replace deletes the row and would cascade to opinions,
  // links and human QI codings.
  sql.run(`INSERT INTO cases (id, source, source_id, case_name, case_name_short, court_id, circuit, decision_date,
      docket_number, precedential_status, citations, disposition, subsequent_history, inferred, source_url, content_hash)
    VALUES (@id, @source, @source_id, @case_name, @case_name_short, @court_id, @circuit, @decision_date,
      @docket_number, @precedential_status, @citations, @disposition, @subsequent_history, @inferred, @source_url, @hash)
    ON CONFLICT (source, source_id) DO UPDATE SET case_name = excluded.case_name,
      case_name_short = excluded.case_name_short, court_id = excluded.court_id, circuit = excluded.circuit,
      decision_date = excluded.decision_date, docket_number = excluded.docket_number,
      precedential_status = excluded.precedential_status, citations = excluded.citations,
      disposition = excluded.disposition, subsequent_history = excluded.subsequent_history,
      inferred = excluded.inferred, source_url = excluded.source_url, content_hash = excluded.content_hash`,
  { ...r, id, citations: JSON.stringify(r.citations), inferred: JSON.stringify(r.inferred), hash: n.hash });

  if (exists) sql.run('DELETE FROM case_citations WHERE case_id = ?', id);
  for (const c of r.citations) {
    sql.run('INSERT OR IGNORE INTO case_citations (reporter_key, volume, page, case_id) VALUES (?, ?, ?, ?)',
      reporterKey(c.reporter), c.volume, c.page, id);
  }

  // Opinions dropped from the case go (their links cascade); kept ones are updated in place so their seq, and
  // with it their links and FTS rowid, stay the same.
  if (exists) sql.run('DELETE FROM opinions WHERE case_id = @id AND id NOT IN (SELECT value FROM json_each(@ids))', { id, ids });
  // Each opinion is indexed from the values just written (the same ones the opinion_search view yields), not by
  // reading them back through the view; the index rows are written at the end of the batch (writeIndex). The text
  // is encoded to UTF-8 once and bound as bytes to both statements, which store it as TEXT (CAST): bound as a
  // string, it was measured and converted once per statement. A string with a lone surrogate is bound as before:
  // the binding writes it as WTF-8 where Buffer.from would write U+FFFD.
  const row = sql.stmt(`INSERT INTO opinions (id, case_id, ordinal, source_id, type, author, text, html, sha1)
      VALUES (@id, @case_id, @ordinal, @source_id, @type, @author, CAST(@text AS TEXT), @html, @sha1)
      ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, ordinal = excluded.ordinal,
        source_id = excluded.source_id, type = excluded.type, author = excluded.author, text = excluded.text,
        html = excluded.html, sha1 = excluded.sha1
      RETURNING seq`).pluck();
  n.opinions.forEach((o, ordinal) => {
    const text = wellFormed(o.text) ? Buffer.from(o.text, 'utf8') : o.text;
    const seq = row.get({ ...o, text, case_id: id, ordinal }) as number;
    indexRows.push([seq, r.case_name, text]);
  });
}

/**
 * Links stored as NOT_IN_CORPUS whose citation now names exactly one case get bound to it, so the graph does
 * not depend on import order. Two cases sharing a cite stay unbound: choosing between them is the citation
 * engine's call, not the store's.
 */
function bindWaitingLinks(sql: Statements, citations: CaseCitation[]): void {
  for (const c of citations) {
    const key = reporterKey(c.reporter);
    const cases = sql.all<{ case_id: string }>(
      'SELECT case_id FROM case_citations WHERE reporter_key = ? AND volume = ? AND page = ? LIMIT 2', key, c.volume, c.page);
    if (cases.length !== 1) continue;
    sql.run(`UPDATE citation_links SET cited_case_id = ?, unresolved_reason = NULL
      WHERE cited_case_id IS NULL AND reporter_key = ? AND volume = ? AND page = ? AND unresolved_reason = ?`,
    cases[0]!.case_id, key, c.volume, c.page, NOT_IN_CORPUS);
  }
}

/**
 * Supplied links waiting for an opinion or case of this batch (cited_ref) get bound to its case, merged with the
 * citing opinion's entry for that case if it has one (waiting-links.ts). Index-driven: one probe of the small
 * index of waiting rows per id written. Returns the number of links bound.
 */
function bindWaitingSupplied(sql: Statements, stored: Map<string, string>): number {
  if (!stored.size) return 0;
  const rows = sql.all<Omit<WaitingRow, 'target'> & { cited_ref: string }>(`SELECT l.seq, l.citing_opinion_id,
      o.case_id AS citing_case_id, l.origin, l.depth, l.parenthetical, l.cited_ref
    FROM json_each(?) j JOIN citation_links l INDEXED BY links_waiting_ref ON l.cited_ref = j.value
      AND l.cited_case_id IS NULL AND l.cited_ref IS NOT NULL
    JOIN opinions o ON o.id = l.citing_opinion_id`, JSON.stringify([...stored.keys()]));
  if (!rows.length) return 0;
  const waiting: WaitingRow[] = rows.map(({ cited_ref, ...r }) => ({ ...r, target: stored.get(cited_ref)! }));
  // The citing opinion's links (a dozen or so), not the cited case's (a leading case has tens of thousands).
  const bound: BoundRow[] = [];
  const asked = new Set<string>();
  for (const w of waiting) {
    const k = entryKey(w.citing_opinion_id, w.origin, w.target);
    if (w.origin === 'engine' || asked.has(k)) continue;
    asked.add(k);
    bound.push(...sql.all<BoundRow>(`SELECT seq, citing_opinion_id, origin, cited_case_id, depth, parenthetical
      FROM citation_links INDEXED BY links_citing WHERE citing_opinion_id = ? AND cited_case_id = ? AND origin = ?`, w.citing_opinion_id, w.target, w.origin));
  }
  const plan = planBinding(waiting, bound);
  for (const seq of plan.remove) sql.run('DELETE FROM citation_links WHERE seq = ?', seq);
  for (const b of plan.bind) {
    sql.run(`UPDATE citation_links SET cited_case_id = ?, unresolved_reason = NULL, cited_ref = NULL, depth = ?, parenthetical = ?
      WHERE seq = ?`, b.cited_case_id, b.depth, b.parenthetical, b.seq);
  }
  for (const id of new Set(waiting.map((w) => w.citing_opinion_id))) {
    const links = sql.all<StoredLinkRow>(`SELECT ${LINK_HASH_COLUMNS} FROM citation_links WHERE citing_opinion_id = ? ORDER BY seq`, id);
    sql.run('UPDATE opinions SET links_hash = ? WHERE id = ?', storedLinksHash(id, links), id);
  }
  return plan.bound;
}
