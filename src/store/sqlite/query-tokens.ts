/** The tokens opinion_fts makes of a query's words, asked of FTS5 itself so they are exactly the index's. */
import type { Statements } from './connection.js';

/** The tokenizer of opinion_fts (migration 1): anything that must tokenize alike uses this. */
export const TOKENIZE = 'porter unicode61 remove_diacritics 2';

/** Tokens already asked for, by text (the tokenizer is fixed, so they hold for every store); the oldest go first. */
const known = new Map<string, string[]>();
const MAX_KNOWN = 4096;

/** Each text's index tokens in order (`summary` → [`summari`], `U.S.C.` → [`u`, `s`, `c`]). */
export function queryTokens(sql: Statements, texts: string[]): string[][] {
  const missing = [...new Set(texts.filter((t) => !known.has(t)))];
  if (missing.length) for (const [i, tokens] of tokenize(sql, missing).entries()) known.set(missing[i]!, tokens);
  const out = texts.map((t) => [...known.get(t)!]);
  for (const text of known.keys()) {
    if (known.size <= MAX_KNOWN) break;
    known.delete(text);
  }
  return out;
}

function tokenize(sql: Statements, texts: string[]): string[][] {
  if (!sql.get("SELECT 1 FROM temp.sqlite_master WHERE name = 'query_text'")) {
    sql.db.exec(`CREATE VIRTUAL TABLE temp.query_text USING fts5 (t, tokenize = '${TOKENIZE}');
      CREATE VIRTUAL TABLE temp.query_tokens USING fts5vocab(temp, query_text, instance);`);
  }
  sql.run('DELETE FROM temp.query_text');
  texts.forEach((t, i) => sql.run('INSERT INTO temp.query_text (rowid, t) VALUES (?, ?)', BigInt(i + 1), t));
  const out = texts.map((): string[] => []);
  for (const r of sql.all<{ doc: number; term: string }>('SELECT doc, term FROM temp.query_tokens ORDER BY doc, offset')) {
    out[r.doc - 1]!.push(r.term);
  }
  sql.run('DELETE FROM temp.query_text');
  return out;
}
