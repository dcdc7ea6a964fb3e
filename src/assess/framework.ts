/**
 * The general authorities the memo states the framework from, as data (data/qi/framework.json), loaded and
 * validated once at startup: each row is a decision marked verified (✔) in doctrine.md, with the proposition in
 * the project's own words (quotations only where doctrine.md gives them with a verified source), the doctrine.md
 * section, the public sources it records and a `verified` flag; an element doctrine.md marks PARTIAL or UNVERIFIED
 * is named in `unverified` and printed with the row. The memo cites a row only when the store holds the case, so
 * every citation it prints resolves; otherwise it names the case without a citation.
 */
import { ClearlyError } from '../errors/index.js';
import { qiDataPath, readQiJson } from '../qi/rules/data.js';

export interface Authority {
  key: string;
  name: string;
  /** Reporter citation as doctrine.md verifies it; the memo's citation is the store's. */
  citation: string;
  year: number;
  proposition: string;
  /** doctrine.md section(s) the row rests on. */
  section: string;
  /** Public addresses doctrine.md records for it (without https://). */
  source: string;
  /** True when doctrine.md confirms the citation, court and date. */
  verified: boolean;
  unverified?: string;
}

export const FRAMEWORK_FILE = 'framework.json';

interface FrameworkRow {
  key: string; name: string; citation: string; year: number; proposition: string; doctrine_ref: string; source: string;
  verified: boolean; unverified?: string;
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const CITATION = /^\d+ [A-Za-z0-9.' ]+? \d+$/;

/** Every problem of the file's rows, as `row key: message`; empty when the file is sound. */
export function validateFramework(file: unknown): string[] {
  const rows = (file as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return ['rows: missing or not an array'];
  const issues: string[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of rows.entries()) {
    const r = raw as Partial<Record<keyof FrameworkRow, unknown>>;
    const at = nonEmpty(r.key) ? r.key : `#${i}`;
    if (!nonEmpty(r.key)) issues.push(`${at}: key missing`);
    else if (seen.has(r.key)) issues.push(`${at}: duplicate key`);
    else seen.add(r.key);
    for (const f of ['name', 'proposition', 'doctrine_ref', 'source'] as const) if (!nonEmpty(r[f])) issues.push(`${at}: ${f} missing`);
    if (!nonEmpty(r.citation) || !CITATION.test(r.citation)) issues.push(`${at}: citation must read "volume reporter page"`);
    if (typeof r.year !== 'number' || !Number.isInteger(r.year) || r.year < 1789 || r.year > 2100) issues.push(`${at}: year must be a year`);
    if (typeof r.verified !== 'boolean') issues.push(`${at}: verified must be true or false`);
    if (r.unverified !== undefined && !nonEmpty(r.unverified)) issues.push(`${at}: unverified, when present, names what is not verified`);
    if (nonEmpty(r.name) && !/ v\. /.test(r.name)) issues.push(`${at}: name must be a case name ("A v. B")`);
  }
  return issues;
}

/** The rows of a sound file as Authority records; a broken shipped file is a package defect (`internal`). */
export function loadFramework(file: unknown = readQiJson<unknown>(FRAMEWORK_FILE)): readonly Authority[] {
  const issues = validateFramework(file);
  if (issues.length) {
    throw new ClearlyError('internal', `data/qi/${FRAMEWORK_FILE}: ${issues[0]} (${issues.length} problem(s))`, {
      location: { file: qiDataPath(FRAMEWORK_FILE) },
    });
  }
  return Object.freeze((file as { rows: FrameworkRow[] }).rows.map((r): Authority => ({
    key: r.key, name: r.name, citation: r.citation, year: r.year, proposition: r.proposition, section: r.doctrine_ref,
    source: r.source, verified: r.verified, ...(r.unverified ? { unverified: r.unverified } : {}),
  })));
}

export const FRAMEWORK: readonly Authority[] = loadFramework();

export function authority(key: string): Authority {
  const a = FRAMEWORK.find((r) => r.key === key);
  if (!a) throw new ClearlyError('internal', `framework authority ${key} missing from data/qi/${FRAMEWORK_FILE}`);
  return a;
}
