/** Writing opinions' citation links, set-based. Runs inside the caller's transaction. */
import { ClearlyError } from '../../errors/index.js';
import { linksHash, normalizeLinks, reporterKey } from '../records.js';
import { NOT_IN_CORPUS, type CitationLink, type CitationLinkInput } from '../types.js';
import { bindSuppliedNow } from '../waiting-links.js';
import type { Sql } from './pool.js';

const COLUMNS = ['citing_opinion_id', 'cited_case_id', 'text', 'volume', 'reporter', 'reporter_key', 'page', 'pin_cite',
  'parenthetical', 'signal', 'span_start', 'span_end', 'treatment', 'depth', 'unresolved_reason', 'origin', 'cited_ref'] as const;

/** Replaces each opinion's links; identical sets (same hash as stored) are left untouched, ids and all. */
export async function writeLinkSets(sql: Sql, sets: { opinion_id: string; links: CitationLinkInput[] }[]): Promise<void> {
  const last = new Map<string, CitationLinkInput[]>();
  for (const s of sets) { last.delete(s.opinion_id); last.set(s.opinion_id, s.links); }
  const ids = [...last.keys()];
  const stored = new Map((await sql.all<{ id: string; links_hash: string | null; case_id: string }>(
    'SELECT id, links_hash, case_id FROM opinions WHERE id = ANY($1::text[])', [ids])).map((r) => [r.id, r]));
  const missing = ids.find((id) => !stored.has(id));
  if (missing !== undefined) {
    throw new ClearlyError('not_found', `cannot write citation links: opinion ${missing} is not in the store`, {
      hint: 'Write the opinion (upsertCases) before its links, or in the same batch.', location: { id: missing },
    });
  }
  let changed: { id: string; links: CitationLink[]; refs: (string | null)[]; hash: string }[] = [];
  for (const [id, input] of last) {
    const { links, refs, hash } = normalizeLinks(id, input);
    if (stored.get(id)!.links_hash !== hash) changed.push({ id, links, refs, hash });
  }
  const waiting = [...new Set(changed.flatMap((c) => c.refs.filter((r): r is string => r !== null)))];
  if (waiting.length > 0) {
    // Waiting links whose record is stored are bound now; the same links written before and bound since (the
    // stored hash is then that of the bound set, bindWaitingSupplied) are an identical re-import too.
    const targets = await storedTargets(sql, waiting);
    if (targets.size > 0) {
      changed = changed.flatMap((c) => {
        const now = bindSuppliedNow(c.links, c.refs, stored.get(c.id)!.case_id, (r) => targets.get(r));
        if (now.links === c.links) return [c];
        const hash = linksHash(now.links, now.refs);
        return stored.get(c.id)!.links_hash === hash ? [] : [{ id: c.id, ...now, hash }];
      });
    }
  }
  if (changed.length === 0) return;
  const all = changed.flatMap((c) => c.links);
  const refs = changed.flatMap((c) => c.refs);

  const targets = [...new Set(all.map((l) => l.cited_case_id).filter((x): x is string => x !== null))];
  if (targets.length > 0) {
    const exist = new Set((await sql.all<{ id: string }>('SELECT id FROM cases WHERE id = ANY($1::text[])', [targets])).map((r) => r.id));
    const bad = all.find((l) => l.cited_case_id !== null && !exist.has(l.cited_case_id));
    if (bad) {
      throw new ClearlyError('not_found', `citation link from ${bad.citing_opinion_id} names case ${bad.cited_case_id}, which is not in the store`, {
        hint: 'Leave cited_case_id null with an unresolved_reason when the cited case is not in the corpus.',
        location: { id: bad.citing_opinion_id },
      });
    }
  }
  const bound = await lateBind(sql, all);

  await sql.run('DELETE FROM citation_links WHERE citing_opinion_id = ANY($1::text[])', [changed.map((c) => c.id)]);
  const rows = all.map((l, i) => {
    const key = l.reporter === null ? null : reporterKey(l.reporter);
    const cited = bound.get(i) ?? l.cited_case_id;
    return [l.citing_opinion_id, cited, l.text, l.volume, l.reporter, key, l.page, l.pin_cite, l.parenthetical, l.signal,
      l.span?.[0] ?? null, l.span?.[1] ?? null, JSON.stringify(l.treatment), l.depth, bound.has(i) ? null : l.unresolved_reason, l.origin,
      cited === null ? refs[i] : null];
  });
  const types: Record<string, string> = { span_start: 'integer', span_end: 'integer', depth: 'integer', treatment: 'jsonb' };
  await sql.run(`INSERT INTO citation_links (${COLUMNS.join(', ')})
    SELECT ${COLUMNS.map((c) => (types[c] ? `r.${c}::${types[c]}` : `r.${c}`)).join(', ')}
    FROM unnest(${COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ')}) WITH ORDINALITY AS r(${COLUMNS.join(', ')}, ord)
    ORDER BY r.ord`, COLUMNS.map((_, i) => rows.map((r) => (r[i] === null || r[i] === undefined ? null : String(r[i])))));
  await sql.run(`UPDATE opinions o SET links_hash = v.h FROM unnest($1::text[], $2::text[]) AS v(id, h) WHERE o.id = v.id`,
    [changed.map((c) => c.id), changed.map((c) => c.hash)]);
}

/** The cases that waiting links' `cited_ref`s name and the store holds: by the opinion's id, or the case's. */
async function storedTargets(sql: Sql, refs: string[]): Promise<Map<string, string>> {
  const rows = await sql.all<{ ref: string; case_id: string }>(`SELECT id AS ref, case_id, 0 AS k FROM opinions WHERE id = ANY($1::text[])
    UNION ALL SELECT id, id, 1 FROM cases WHERE id = ANY($1::text[]) ORDER BY k`, [refs]);
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.ref)) out.set(r.ref, r.case_id);
  return out;
}

/**
 * Late binding (see bindWaitingLinks): a link the engine left NOT_IN_CORPUS whose cite now names exactly one
 * case in the store is bound to it. Returns link index → case id.
 */
async function lateBind(sql: Sql, links: CitationLink[]): Promise<Map<number, string>> {
  const waiting = links.map((l, i) => ({ l, i })).filter(({ l }) =>
    l.cited_case_id === null && l.unresolved_reason === NOT_IN_CORPUS && l.reporter !== null && l.volume !== null && l.page !== null);
  const out = new Map<number, string>();
  if (waiting.length === 0) return out;
  const rows = await sql.all<{ reporter_key: string; volume: string; page: string; case_id: string }>(
    `SELECT k.reporter_key, k.volume, k.page, min(k.case_id) AS case_id
     FROM case_citations k JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::text[]) AS w(reporter_key, volume, page)) w
       USING (reporter_key, volume, page)
     GROUP BY 1, 2, 3 HAVING count(*) = 1`,
    [waiting.map(({ l }) => reporterKey(l.reporter!)), waiting.map(({ l }) => l.volume), waiting.map(({ l }) => l.page)]);
  const hit = new Map(rows.map((r) => [`${r.reporter_key}\0${r.volume}\0${r.page}`, r.case_id]));
  for (const { l, i } of waiting) {
    const c = hit.get(`${reporterKey(l.reporter!)}\0${l.volume}\0${l.page}`);
    if (c !== undefined) out.set(i, c);
  }
  return out;
}
