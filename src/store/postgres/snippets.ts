/**
 * Snippets for one page of search hits. ts_headline parses the text it is given word by word (as to_tsvector
 * does, a few MB/s), so over whole opinions (22 KB on average, some over 300 KB) twenty snippets cost hundreds of
 * milliseconds. Instead, each opinion's stored vector says where the query's words are (word positions); the
 * densest run of distinct query words is mapped to a character offset (the opinion's own characters per word
 * position) and ts_headline runs on a few KB around it. When the window misses (the estimate drifted), that
 * opinion's snippet is taken from the whole text, as before.
 */
import type { QueryNode } from '../search-query.js';
import type { Sql } from './pool.js';
import { Params } from './rows.js';
import { anyTsquery, positiveTsquery } from './tsquery.js';

// ts_headline options; the markers are control characters no opinion text contains, swapped for the caller's
// markers afterwards so any marker string (quotes, commas) is safe and adjacent matches merge into one span.
const START = '\u0002';
const STOP = '\u0003';
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** PostgreSQL stores word positions up to 16,383; later words all carry that position. */
const MAX_POS = 16383;
/** Characters per word position when an opinion's own ratio is unknown (median of the benchmark corpus: 7.8). */
const CHARS_PER_POSITION = 7.8;
/** Word positions over which distinct query words are counted when choosing where the snippet goes. */
const SPAN = 24;

export interface Located { id: string; len: number; words: number | null; name_end: number; hits: [string, number[] | null][] | null }
interface Window { id: string; start: number; length: number | null }

/** Snippet (with the control-character markers) per opinion id. */
export async function pageSnippets(sql: Sql, tree: QueryNode, ids: string[]): Promise<Map<string, string>> {
  const p = new Params();
  const positive = positiveTsquery(tree, p);
  // The positive query's lexemes ('qualifi', 'tase':* as a prefix), then each opinion's positions of them: the
  // vector reduced to those lexemes by C functions (setweight marks them B, a weight search never uses, ts_filter
  // keeps them), since unnesting a whole vector (~600 lexemes) row by row cost ~4 ms an opinion. The case name's
  // words come first in the vector (search = name || text), so text positions start after name_end.
  const located = await sql.all<Located>(`
    WITH m AS MATERIALIZED (SELECT replace(x[1], '''''', '''') AS lexeme, x[2] IS NOT NULL AS prefix
               FROM regexp_matches((${positive})::text, '''((?:[^'']|'''')*)''(:\\*)?', 'g') AS x),
    e AS (SELECT coalesce(array_agg(lexeme) FILTER (WHERE NOT prefix), '{}') AS exact,
                 array_agg(lexeme) FILTER (WHERE prefix) AS prefixes FROM m)
    SELECT o.id, octet_length(o.text) AS len, o.search_words AS words,
      (SELECT coalesce(max(u.positions[cardinality(u.positions)]), 0)
         FROM unnest(to_tsvector('english'::regconfig, c.case_name)) u) AS name_end,
      (SELECT json_agg(json_build_array(u.lexeme, u.positions)) FROM unnest(ts_filter(setweight(o.search, 'B',
         CASE WHEN e.prefixes IS NULL THEN e.exact ELSE e.exact || ARRAY(SELECT l FROM unnest(tsvector_to_array(o.search)) l
           WHERE EXISTS (SELECT 1 FROM unnest(e.prefixes) x WHERE starts_with(l, x))) END), '{b}')) u) AS hits
    FROM opinions o JOIN cases c ON c.id = o.case_id CROSS JOIN e
    WHERE o.id = ANY(${p.add(ids)}::text[])`, p.values);
  const windows = located.map(windowOf);
  const out = await headlines(sql, tree, windows);
  // A window that holds no match: the estimate drifted; that opinion gets the whole-text headline.
  const missed = windows.filter((w) => w.length !== null && !out.get(w.id)?.includes(START) && located.some((l) => l.id === w.id && bodyPositions(l).length > 0));
  if (missed.length > 0) {
    for (const [id, s] of await headlines(sql, tree, missed.map((w) => ({ id: w.id, start: 0, length: null })))) out.set(id, s);
  }
  return out;
}

/** Text positions of the query's words, ascending, each with the index of its word. */
function bodyPositions(l: Located): [number, number][] {
  const out: [number, number][] = [];
  (l.hits ?? []).forEach(([, positions], i) => {
    for (const pos of positions ?? []) if (pos > l.name_end && pos < MAX_POS) out.push([pos, i]);
  });
  return out.sort((a, b) => a[0] - b[0]);
}

/** The characters of an opinion to headline: around the first run of SPAN positions holding the most distinct query words. */
export function windowOf(l: Located): Window {
  const body = bodyPositions(l);
  if (body.length === 0) return { id: l.id, start: 0, length: Math.min(l.len, 4000) };
  let best = body[0]![0];
  let bestDistinct = 0;
  for (let i = 0, j = 0; i < body.length; i++) {
    while (j < body.length && body[j]![0] < body[i]![0] + SPAN) j++;
    const distinct = new Set(body.slice(i, j).map((b) => b[1])).size;
    if (distinct > bestDistinct) { best = body[i]![0]; bestDistinct = distinct; }
  }
  // The opinion's own characters per position (its text over its word count), unless the count was capped.
  const words = (l.words ?? 0) - l.name_end;
  const ratio = (l.words ?? MAX_POS) < MAX_POS && words > 0 ? l.len / words : CHARS_PER_POSITION;
  const at = (best - l.name_end - 1) * ratio;
  // The estimate drifts with the distance from the start (layout whitespace and punctuation are not uniform).
  const slack = 1000 + 0.12 * at;
  const start = Math.max(0, Math.floor(at - slack));
  const end = Math.min(l.len, Math.ceil(at + SPAN * ratio + slack));
  return { id: l.id, start, length: Math.max(0, end - start) };
}

/** ts_headline over each window (length null: the whole text); a window cut mid-word drops the partial words. */
async function headlines(sql: Sql, tree: QueryNode, windows: Window[]): Promise<Map<string, string>> {
  const p = new Params();
  // Every word or phrase of the query is highlighted where it occurs, as SQLite's snippet() does, so a window
  // holding one word of `probable cause` (AND) still shows it even where the other word is far away.
  const q = anyTsquery(tree, p);
  const text = `CASE WHEN w.len IS NULL THEN o.text ELSE regexp_replace(regexp_replace(substr(o.text, w.start + 1, w.len),
      CASE WHEN w.start > 0 THEN '^\\S*\\s+' ELSE '^$' END, ''),
      CASE WHEN w.start + w.len < octet_length(o.text) THEN '\\s+\\S*$' ELSE '^$' END, '') END`;
  const rows = await sql.all<{ id: string; s: string }>(`
    SELECT o.id, ts_headline('english'::regconfig, ${text}, ${q}, ${p.add(HEADLINE)}) AS s
    FROM unnest(${p.add(windows.map((w) => w.id))}::text[], ${p.add(windows.map((w) => w.start))}::integer[],
      ${p.add(windows.map((w) => w.length))}::integer[]) AS w(id, start, len)
    JOIN opinions o ON o.id = w.id`, p.values);
  return new Map(rows.map((r) => [r.id, r.s]));
}

/** `⟨excessive⟩ ⟨force⟩` → `<mark>excessive force</mark>`: a matched phrase reads as one highlight, as on SQLite. */
export function mark(headline: string, open: string, close: string): string {
  return headline.replace(/\u0003(\s+)\u0002/g, '$1').split(START).join(open).split(STOP).join(close);
}
