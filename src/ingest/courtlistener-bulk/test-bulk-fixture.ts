/**
 * A small CourtListener bulk export written in the real format (PostgreSQL COPY CSV, backslash escapes, NULLs,
 * quoted newlines, the real header rows), with fictional cases. Tests only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_COLUMNS } from './export-columns.js';
import { pgCsvRow, pgCsvTable, type CsvValue } from './pg-csv-write.js';

type Rows = Record<string, CsvValue>[];

export const clusters: Rows = [
  { id: 1, date_filed: '2001-02-03', date_filed_is_approximate: false, slug: 'doe-v-roe', case_name_short: 'Doe',
    case_name: 'Doe v. Roe', case_name_full: 'Jane Doe v. Richard Roe, Officer', precedential_status: 'Published', docket_id: 11,
    disposition: 'Affirmed', headmatter: 'Headmatter with "quotes", commas,\nand a second line', citation_count: 3 },
  { id: 2, date_filed: '2005-06-07', date_filed_is_approximate: true, slug: 'smith-v-city-of-nowhere', case_name: 'Smith v. City of Nowhere',
    case_name_short: '', precedential_status: 'Unpublished', docket_id: 12, syllabus: null },
  { id: 3, date_filed: '1999-12-31', case_name: '', case_name_full: 'In re Example Petition', precedential_status: 'Errata', docket_id: null },
];

export const dockets: Rows = [
  { id: 11, court_id: 'ca1', docket_number: '00-1234', case_name: 'Doe v. Roe', slug: 'doe-v-roe' },
  { id: 12, court_id: 'ohsd', docket_number: '2:05-cv-0001', case_name: 'Smith v. City of Nowhere' },
  { id: 99, court_id: 'ca9', docket_number: 'unreferenced', case_name: 'Nobody v. Nothing' },
];

export const citations: Rows = [
  { id: 1, volume: 101, reporter: 'F.3d', page: 202, type: 1, cluster_id: 1 },
  { id: 2, volume: 5, reporter: 'Fed. Appx.', page: 77, type: 1, cluster_id: 1 },
  { id: 3, volume: 9, reporter: 'F. Supp. 2d', page: 9, type: 1, cluster_id: 2 },
];

/** File order is by opinion id, not cluster: cluster 1's dissent (102) comes after cluster 2's opinion. */
export const opinions: Rows = [
  { id: 101, type: '020lead', author_str: 'Judge Alpha', per_curiam: false, cluster_id: 1,
    plain_text: 'The officer said "stop."\nThen \\ a backslash, a comma, and C:\\path.', html_with_citations: '<p>The officer said "stop."</p>' },
  { id: 201, type: '010combined', author_str: null, per_curiam: true, cluster_id: 2, plain_text: '',
    html_with_citations: '<p>Per curiam. See <a href="/opinion/101/doe-v-roe/">101 F.3d 202</a>.</p>', html: '<p>older html</p>' },
  { id: 102, type: '040dissent', author_str: '', per_curiam: false, cluster_id: 1, plain_text: 'I respectfully dissent.', html_with_citations: null },
  { id: 301, type: '010combined', cluster_id: 3, plain_text: null, html_with_citations: null, html_lawbox: '<div>Lawbox &amp; text</div>' },
];

export const citationMap: Rows = [
  { id: 1, depth: 2, cited_opinion_id: 101, citing_opinion_id: 201 },
  { id: 2, depth: 1, cited_opinion_id: 999, citing_opinion_id: 102 },
  { id: 3, depth: 1, cited_opinion_id: 101, citing_opinion_id: 555 }, // citing opinion not in this export
];

export const parentheticals: Rows = [
  { id: 1, text: 'holding that the stop was unreasonable', score: 0.9, described_opinion_id: 101, describing_opinion_id: 201, group_id: 1 },
];

export interface Fixture {
  dir: string;
  files: Record<string, string>;
}

const made: string[] = [];

/** A new temp directory, removed by `cleanupFixtures`. */
export function tempDir(prefix = 'clearly-bulk-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every directory this module made (call from `afterAll`). */
export function cleanupFixtures(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes the tables to a new temp directory; `extra` appends raw lines to the opinions file. */
export function writeFixture(opts: { bz2?: boolean; opinionRows?: Rows; extraOpinionLines?: string; omit?: string[] } = {}): Fixture {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const tables: [string, readonly string[], Rows][] = [
    ['opinion-clusters', EXPORT_COLUMNS.clusters, clusters],
    ['dockets', EXPORT_COLUMNS.dockets, dockets],
    ['citations', EXPORT_COLUMNS.citations, citations],
    ['opinions', EXPORT_COLUMNS.opinions, opts.opinionRows ?? opinions],
    ['citation-map', EXPORT_COLUMNS['citation-map'], citationMap],
    ['parentheticals', EXPORT_COLUMNS.parentheticals, parentheticals],
  ];
  const files: Record<string, string> = {};
  for (const [name, cols, rows] of tables) {
    if (opts.omit?.includes(name)) continue;
    let text = pgCsvTable(cols, rows);
    if (name === 'opinions' && opts.extraOpinionLines) text += opts.extraOpinionLines;
    const path = join(dir, `${name}-2024-01-01.csv`);
    writeFileSync(path, text);
    if (opts.bz2) execFileSync('bzip2', [path]); // the real program, as CourtListener's files are made
    files[name] = opts.bz2 ? `${path}.bz2` : path;
  }
  return { dir, files };
}

/** One opinions row with the export's columns, for appending rows by hand. */
export const opinionLine = (r: Record<string, CsvValue>): string => pgCsvRow(EXPORT_COLUMNS.opinions.map((c) => r[c]));
