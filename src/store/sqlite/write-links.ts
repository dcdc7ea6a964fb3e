/** Writing one opinion's citation links. Runs inside the caller's transaction. */
import { ClearlyError } from '../../errors/index.js';
import { linksHash, normalizeLinks, reporterKey } from '../records.js';
import { NOT_IN_CORPUS, type CitationLinkInput } from '../types.js';
import { bindSuppliedNow } from '../waiting-links.js';
import type { Statements } from './connection.js';

/**
 * `bindings`, when given, caches the late-binding look-ups (citation → the one case carrying it, or null) across
 * calls that run while case_citations stays the same (the links of one batch).
 */
export function writeLinks(sql: Statements, opinionId: string, input: CitationLinkInput[], bindings?: Map<string, string | null>): void {
  const opinion = sql.get<{ links_hash: string | null; case_id: string }>('SELECT links_hash, case_id FROM opinions WHERE id = ?', opinionId);
  if (!opinion) {
    throw new ClearlyError('not_found', `cannot write citation links: opinion ${opinionId} is not in the store`, {
      hint: 'Write the opinion (upsertCases) before its links, or in the same batch.', location: { id: opinionId },
    });
  }
  const normalized = normalizeLinks(opinionId, input);
  if (opinion.links_hash === normalized.hash) return; // identical re-import: leave rows (and their ids) alone
  let { links, refs, hash } = normalized;
  if (refs.some((r) => r !== null)) {
    // Waiting links whose record is stored are bound now; the same links written before and bound since (the
    // stored hash is then that of the bound set, bindWaitingSupplied) are an identical re-import too.
    const now = bindSuppliedNow(links, refs, opinion.case_id, (ref) => storedTarget(sql, ref));
    if (now.links !== links) {
      ({ links, refs } = now);
      hash = linksHash(links, refs);
      if (opinion.links_hash === hash) return;
    }
  }

  sql.run('DELETE FROM citation_links WHERE citing_opinion_id = ?', opinionId);
  // Rows go in LINK_ROWS at a time (one statement each, in order, so their seq is what one insert per link gave):
  // an opinion has a dozen links on average and a statement call costs more than a row.
  const params: unknown[] = [];
  for (const [i, l] of links.entries()) {
    const key = l.reporter === null ? null : reporterKey(l.reporter);
    let cited = l.cited_case_id;
    let reason = l.unresolved_reason;
    if (cited !== null && !sql.get('SELECT 1 FROM cases WHERE id = ?', cited)) {
      throw new ClearlyError('not_found', `citation link from ${opinionId} names case ${cited}, which is not in the store`, {
        hint: 'Leave cited_case_id null with an unresolved_reason when the cited case is not in the corpus.',
        location: { id: opinionId },
      });
    }
    // Late binding (see bindWaitingLinks): the cited case may have arrived since the engine looked.
    if (cited === null && reason === NOT_IN_CORPUS && key !== null && l.volume !== null && l.page !== null) {
      const bound = lateBinding(sql, key, l.volume, l.page, bindings);
      if (bound !== null) { cited = bound; reason = null; }
    }
    params.push(opinionId, cited, l.text, l.volume, l.reporter, key, l.page, l.pin_cite, l.parenthetical, l.signal,
      l.span?.[0] ?? null, l.span?.[1] ?? null, JSON.stringify(l.treatment), l.depth, reason, l.origin, cited === null ? refs[i] : null);
    if (params.length === LINK_ROWS * LINK_COLUMNS) insertLinks(sql, params);
  }
  if (params.length) insertLinks(sql, params);
  sql.run('UPDATE opinions SET links_hash = ? WHERE id = ?', hash, opinionId);
}

/** The case a waiting link's `cited_ref` names, when stored: the case of that opinion, or that case. */
function storedTarget(sql: Statements, ref: string): string | undefined {
  return sql.get<{ case_id: string }>('SELECT case_id FROM opinions WHERE id = ?', ref)?.case_id
    ?? sql.get<{ id: string }>('SELECT id FROM cases WHERE id = ?', ref)?.id;
}

const LINK_COLUMNS = 17;
const LINK_ROWS = 32;
const linkInserts: string[] = [];

/** Inserts the links whose values `params` holds (LINK_COLUMNS each, at most LINK_ROWS links) and empties it. */
function insertLinks(sql: Statements, params: unknown[]): void {
  const rows = params.length / LINK_COLUMNS;
  const text = (linkInserts[rows] ??= `INSERT INTO citation_links (citing_opinion_id, cited_case_id, text, volume, reporter,
      reporter_key, page, pin_cite, parenthetical, signal, span_start, span_end, treatment, depth, unresolved_reason, origin, cited_ref)
    VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
  sql.run(text, params);
  params.length = 0;
}

/** The one case carrying the citation, or null (none, or several: the engine's call, not the store's). */
function lateBinding(sql: Statements, key: string, volume: string, page: string, cache: Map<string, string | null> | undefined): string | null {
  const k = `${key}\0${volume}\0${page}`;
  const known = cache?.get(k);
  if (known !== undefined) return known;
  const hits = sql.all<{ case_id: string }>(
    'SELECT case_id FROM case_citations WHERE reporter_key = ? AND volume = ? AND page = ? LIMIT 2', key, volume, page);
  const found = hits.length === 1 ? hits[0]!.case_id : null;
  cache?.set(k, found);
  return found;
}
