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

/**
 * What a matching opinion must contain, as a plain AND/OR of words: NOT's right side dropped, phrases as all their
 * words (`plainto_tsquery`), prefix tokens ANDed. It selects the term-frequency levels of search_key (search.ts)
 * and the words a snippet is centred on; it never decides a match on its own.
 */
export function positiveTsquery(node: QueryNode, p: Params): string {
  switch (node.kind) {
    case 'term':
      return node.prefix
        ? `to_tsquery(${CONFIG}, ${p.add(prefixQuery(node.text).replace(/ <-> /g, ' & '))})`
        : `plainto_tsquery(${CONFIG}, ${p.add(node.text)})`;
    case 'phrase':
      return `plainto_tsquery(${CONFIG}, ${p.add(node.text)})`;
    case 'and':
      return '(' + node.items.map((n) => positiveTsquery(n, p)).join(' && ') + ')';
    case 'or':
      return '(' + node.items.map((n) => positiveTsquery(n, p)).join(' || ') + ')';
    case 'not':
      return positiveTsquery(node.left, p);
  }
}

/** Any one of the query's words or phrases (NOT's right side dropped): what a snippet highlights, as on SQLite. */
export function anyTsquery(node: QueryNode, p: Params): string {
  const leaves: QueryNode[] = [];
  const walk = (n: QueryNode): void => {
    if (n.kind === 'and' || n.kind === 'or') n.items.forEach(walk);
    else if (n.kind === 'not') walk(n.left);
    else leaves.push(n);
  };
  walk(node);
  return '(' + leaves.map((n) => toTsquery(n, p)).join(' || ') + ')';
}
