/**
 * The QI coder's lexicons: data/qi/lexicon-*.json. Every row is a regular expression with a rationale (and, where
 * it encodes law, a source), so a reader can see why a phrase counts and correct it without touching code.
 * Patterns are compiled once, case-insensitive unless a row says `"case": true`.
 */
import { readFileSync } from 'node:fs';
import { ClearlyError } from '../errors/index.js';

export interface PatternRow {
  id: string;
  pattern: string;
  rationale: string;
  source?: string;
  weight?: number;
  /** Case-sensitive pattern (e.g. one that needs a capital letter). */
  case?: boolean;
}

export interface Compiled<T extends PatternRow = PatternRow> {
  row: T;
  re: RegExp;
}

interface LexiconFile {
  version: string;
}

const cache = new Map<string, unknown>();

export function lexiconPath(name: string): URL {
  return new URL(`../../data/qi/${name}`, import.meta.url);
}

export function readLexicon<T extends LexiconFile>(name: string): T {
  const hit = cache.get(name);
  if (hit) return hit as T;
  let parsed: T;
  try {
    parsed = JSON.parse(readFileSync(lexiconPath(name), 'utf8')) as T;
  } catch (err) {
    throw new ClearlyError('internal', `cannot read the QI lexicon data/qi/${name}: ${(err as Error).message}`, {
      hint: 'reinstall clearly, or restore the file from the repository',
      location: { file: `data/qi/${name}` },
      cause: err,
    });
  }
  cache.set(name, parsed);
  return parsed;
}

/** Compiles rows; a bad pattern is reported with its file and row id rather than crashing later. */
export function compileRows<T extends PatternRow>(file: string, rows: readonly T[]): Compiled<T>[] {
  return rows.map((row) => {
    try {
      return { row, re: new RegExp(row.pattern, row.case ? 'g' : 'gi') };
    } catch (err) {
      throw new ClearlyError('internal', `bad pattern in data/qi/${file}: ${(err as Error).message}`, {
        hint: 'fix the regular expression of that row',
        location: { file: `data/qi/${file}`, id: row.id },
        cause: err,
      });
    }
  });
}

/** First match of any compiled row in `text` (rows in order), or undefined. */
export function firstMatch<T extends PatternRow>(rows: readonly Compiled<T>[], text: string): { row: T; match: RegExpExecArray } | undefined {
  for (const c of rows) {
    c.re.lastIndex = 0;
    const m = c.re.exec(text);
    if (m) return { row: c.row, match: m };
  }
  return undefined;
}

/** Every match of every row, in text order. */
export function allMatches<T extends PatternRow>(rows: readonly Compiled<T>[], text: string): { row: T; match: RegExpExecArray }[] {
  const out: { row: T; match: RegExpExecArray }[] = [];
  for (const c of rows) {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
      out.push({ row: c.row, match: m });
      if (m[0] === '') c.re.lastIndex++;
    }
  }
  return out.sort((a, b) => a.match.index - b.match.index);
}

export function anyMatch(rows: readonly Compiled[], text: string): boolean {
  return firstMatch(rows, text) !== undefined;
}

/** Version string of all lexicons together, recorded in every coding. */
export function lexiconVersions(names: readonly string[]): string {
  return names.map((n) => `${n.replace(/^lexicon-|\.json$/g, '')}@${readLexicon<LexiconFile>(n).version}`).join(',');
}
