/**
 * The parsed search query (src/store/search-query.ts) rendered as a PostgreSQL tsquery expression. Every word
 * and phrase travels as a bind parameter and is parsed by PostgreSQL's own text-search functions, so nothing a
 * user types can become SQL or tsquery syntax:
 *   word / "phrase"  → phraseto_tsquery('english', $n)   (a word with inner punctuation, `U.S.C.`, stays one unit)
 *   prefix*          → to_tsquery('english', $n) with `'lexeme':*` built from the word's letters and digits
 *   AND / OR / NOT   → &&  ||  && !!
 * Stop words ('the', 'of') index to nothing in the 'english' configuration, so PostgreSQL drops them from a
 * query where SQLite would require them; phrases keep their word distances (`force <2> law`).
 */
import type { QueryNode } from '../search-query.js';
import type { Params } from './rows.js';

const CONFIG = "'english'::regconfig";

/** `'tase':*` from `tase*`; a prefix made of several tokens (`42-u*`) becomes a phrase whose last token is the prefix. */
export function prefixQuery(word: string): string {
  const tokens = word.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens.map((t, i) => `'${t}'${i === tokens.length - 1 ? ':*' : ''}`).join(' <-> ');
}

export function toTsquery(node: QueryNode, p: Params): string {
  switch (node.kind) {
    case 'term':
      return node.prefix
        ? `to_tsquery(${CONFIG}, ${p.add(prefixQuery(node.text))})`
        : `phraseto_tsquery(${CONFIG}, ${p.add(node.text)})`;
    case 'phrase':
      return `phraseto_tsquery(${CONFIG}, ${p.add(node.text)})`;
    case 'and':
      return '(' + node.items.map((n) => toTsquery(n, p)).join(' && ') + ')';
    case 'or':
      return '(' + node.items.map((n) => toTsquery(n, p)).join(' || ') + ')';
    case 'not':
      return `(${toTsquery(node.left, p)} && !!${toTsquery(node.right, p)})`;
  }
}
