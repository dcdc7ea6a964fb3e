/**
 * Full-text phrases that find opinions about each fact factor — search vocabulary for candidate retrieval, a
 * software design (not law) — read from data/qi/search-terms.json and validated once at startup. Each row names a
 * factor of data/qi/factors.json, its phrases, a `source` from the file's sources and a `verified` flag (false
 * throughout: the vocabulary decides which opinions are read, never how they rank or whether they are eligible).
 * Phrases rather than common words keep the query selective (see the file's comment). Factors not listed fall
 * back to the words the coder read or the factor's label.
 */
import { ClearlyError } from '../errors/index.js';
import { qiDataPath, readQiJson } from '../qi/rules/data.js';
import { factor } from '../qi/rules/index.js';

export const SEARCH_TERMS_FILE = 'search-terms.json';

interface SearchTermsFile {
  sources?: Record<string, string>;
  rows?: { factor?: unknown; phrases?: unknown; source?: unknown; verified?: unknown }[];
}

/** Every problem of the file, as `factor: message`; empty when sound. `known` tells a factor id from a typo. */
export function validateSearchTerms(file: unknown, known: (id: string) => boolean = (id) => factor(id) !== undefined): string[] {
  const f = file as SearchTermsFile | null;
  if (!f || !Array.isArray(f.rows)) return ['rows: missing or not an array'];
  const sources = f.sources ?? {};
  const issues: string[] = [];
  const seen = new Set<string>();
  for (const [i, r] of f.rows.entries()) {
    const at = typeof r.factor === 'string' ? r.factor : `#${i}`;
    if (typeof r.factor !== 'string' || !known(r.factor)) issues.push(`${at}: not a factor of data/qi/factors.json`);
    else if (seen.has(r.factor)) issues.push(`${at}: listed twice`);
    else seen.add(r.factor);
    if (!Array.isArray(r.phrases) || r.phrases.length === 0) issues.push(`${at}: phrases missing`);
    else {
      for (const p of r.phrases) {
        if (typeof p !== 'string' || p.trim() !== p || p.length < 2 || /["*()]/.test(p) || p !== p.toLowerCase()) {
          issues.push(`${at}: phrase ${JSON.stringify(p)} must be lower-case words without quotes, stars or parentheses`);
        }
      }
      if (new Set(r.phrases).size !== r.phrases.length) issues.push(`${at}: a phrase is listed twice`);
    }
    if (typeof r.source !== 'string' || !(r.source in sources)) issues.push(`${at}: source must name an entry of the file's sources`);
    if (typeof r.verified !== 'boolean') issues.push(`${at}: verified must be true or false`);
  }
  return issues;
}

export function loadSearchTerms(file: unknown = readQiJson<unknown>(SEARCH_TERMS_FILE)): Readonly<Record<string, readonly string[]>> {
  const issues = validateSearchTerms(file);
  if (issues.length) {
    throw new ClearlyError('internal', `data/qi/${SEARCH_TERMS_FILE}: ${issues[0]} (${issues.length} problem(s))`, {
      location: { file: qiDataPath(SEARCH_TERMS_FILE) },
    });
  }
  const out: Record<string, readonly string[]> = {};
  for (const r of (file as SearchTermsFile).rows!) out[r.factor as string] = Object.freeze([...(r.phrases as string[])]);
  return Object.freeze(out);
}

export const SEARCH_TERMS: Readonly<Record<string, readonly string[]>> = loadSearchTerms();
