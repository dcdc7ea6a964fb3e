/**
 * The user's search syntax, parsed once into a tree that each store renders into its own engine's language
 * (FTS5 MATCH for SQLite, tsquery for PostgreSQL). Parsing here, rather than passing the text through, is what
 * lets a malformed query become a `usage` error with a useful message instead of an engine exception, and keeps
 * `"U.S."` or `42:1983` from being read as engine operators or column filters.
 *
 * Grammar (operators upper case, as in Westlaw/Lexis terms-and-connectors):
 *   or      := and ("OR" and)*
 *   and     := not ("AND"? not)*          adjacent terms are ANDed
 *   not     := primary ("NOT" primary)*   binary: `force NOT deadly`
 *   primary := word | word* | "phrase" | "(" or ")"
 */
import { ClearlyError } from '../errors/index.js';

export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean }
  | { kind: 'phrase'; text: string }
  | { kind: 'and' | 'or'; items: QueryNode[] }
  | { kind: 'not'; left: QueryNode; right: QueryNode };

type Token = { t: 'word'; text: string; prefix: boolean } | { t: 'phrase'; text: string } | { t: 'AND' | 'OR' | 'NOT' | '(' | ')' };

const usage = (query: string, message: string): ClearlyError =>
  new ClearlyError('usage', `search query ${JSON.stringify(query)}: ${message}`, {
    hint: 'Use words, "exact phrases", AND, OR, NOT (as in: force NOT deadly), parentheses and prefix* terms.',
  });

/** Words with no letter or digit (`§`, `--`) index to nothing; they are dropped rather than sent to the engine. */
const searchable = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '(' || ch === ')') { tokens.push({ t: ch }); i++; continue; }
    if (ch === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) throw usage(query, 'a quotation mark is not closed');
      tokens.push({ t: 'phrase', text: query.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < query.length && !/[\s()"]/.test(query[j]!)) j++;
    const word = query.slice(i, j);
    i = j;
    if (word === 'AND' || word === 'OR' || word === 'NOT') { tokens.push({ t: word }); continue; }
    const prefix = word.endsWith('*');
    const text = prefix ? word.replace(/\*+$/, '') : word;
    if (text.includes('*')) throw usage(query, `"${word}": * may only end a word (prefix search)`);
    tokens.push({ t: 'word', text, prefix });
  }
  return tokens;
}

/** Parses user query text; null children (unsearchable words) are folded away. Throws `usage` on bad syntax. */
export function parseSearchQuery(query: string): QueryNode {
  const tokens = lex(query);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const startsPrimary = (tok: Token | undefined): boolean => !!tok && (tok.t === 'word' || tok.t === 'phrase' || tok.t === '(');
  const operand = (op: string): void => {
    if (!startsPrimary(peek())) throw usage(query, `${op} needs a term after it`);
  };

  const primary = (): QueryNode | null => {
    const tok = tokens[pos++];
    if (!tok) throw usage(query, 'the query ends where a term was expected');
    if (tok.t === 'word') return searchable(tok.text) ? { kind: 'term', text: tok.text, prefix: tok.prefix } : null;
    if (tok.t === 'phrase') return searchable(tok.text) ? { kind: 'phrase', text: tok.text } : null;
    if (tok.t === '(') {
      const inner = or();
      if (peek()?.t !== ')') throw usage(query, 'a parenthesis is not closed');
      pos++;
      return inner;
    }
    throw usage(query, tok.t === ')' ? 'a ")" has no matching "("' : `${tok.t} needs a term before it`);
  };
  const not = (): QueryNode | null => {
    let left = primary();
    while (peek()?.t === 'NOT') {
      pos++;
      operand('NOT');
      const right = primary();
      if (left && right) left = { kind: 'not', left, right };
    }
    return left;
  };
  const join = (kind: 'and' | 'or', items: (QueryNode | null)[]): QueryNode | null => {
    const kept = items.filter((n): n is QueryNode => n !== null);
    return kept.length === 0 ? null : kept.length === 1 ? kept[0]! : { kind, items: kept };
  };
  const and = (): QueryNode | null => {
    const items = [not()];
    for (;;) {
      if (peek()?.t === 'AND') { pos++; operand('AND'); items.push(not()); continue; }
      if (startsPrimary(peek())) { items.push(not()); continue; }
      return join('and', items);
    }
  };
  function or(): QueryNode | null {
    const items = [and()];
    while (peek()?.t === 'OR') { pos++; operand('OR'); items.push(and()); }
    return join('or', items);
  }

  if (tokens.length === 0) throw usage(query, 'the query is empty');
  const tree = or();
  if (pos < tokens.length) throw usage(query, tokens[pos]!.t === ')' ? 'a ")" has no matching "("' : 'unexpected text after the query');
  if (!tree) throw usage(query, 'the query has no searchable words');
  return tree;
}
