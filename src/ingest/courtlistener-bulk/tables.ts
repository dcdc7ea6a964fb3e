/**
 * Which CourtListener bulk table a file holds, told from its header row (file names change between exports:
 * `opinions-2024-05-06.csv.bz2`, `search_opinion.csv`…), and the columns this importer reads from each.
 * Column names are those of CourtListener's database tables as its bulk export writes them.
 */
export type TableKind = 'courts' | 'dockets' | 'clusters' | 'opinions' | 'citations' | 'citation-map' | 'parentheticals';

/** Columns that identify each table, checked in this order (citations and opinions both have `cluster_id`). */
const SIGNATURES: readonly (readonly [TableKind, readonly string[]])[] = [
  ['citation-map', ['citing_opinion_id', 'cited_opinion_id']],
  ['parentheticals', ['describing_opinion_id', 'described_opinion_id', 'text']],
  ['citations', ['volume', 'reporter', 'page', 'cluster_id']],
  ['opinions', ['id', 'cluster_id', 'type']],
  ['clusters', ['id', 'docket_id', 'case_name', 'date_filed']],
  ['dockets', ['id', 'court_id', 'docket_number']],
  ['courts', ['id', 'full_name', 'citation_string']],
];

/** The columns read from each table (anything else in the file is skipped without being decoded). */
export const COLUMNS = {
  courts: ['id', 'citation_string', 'full_name'],
  dockets: ['id', 'court_id', 'docket_number', 'case_name', 'case_name_full'],
  clusters: ['id', 'docket_id', 'case_name', 'case_name_short', 'case_name_full', 'date_filed', 'date_filed_is_approximate',
    'precedential_status', 'disposition', 'slug'],
  opinions: ['id', 'cluster_id', 'type', 'author_str', 'per_curiam', 'sha1', 'plain_text', 'html_with_citations', 'html',
    'html_lawbox', 'html_columbia', 'html_anon_2020', 'xml_harvard'],
  citations: ['volume', 'reporter', 'page', 'cluster_id'],
  'citation-map': ['citing_opinion_id', 'cited_opinion_id', 'depth'],
  parentheticals: ['describing_opinion_id', 'described_opinion_id', 'text', 'score'],
} as const satisfies Record<TableKind, readonly string[]>;

/** Columns without which a table's rows mean nothing (the rest may be absent from an older export). */
export const REQUIRED: Record<TableKind, readonly string[]> = {
  courts: ['id'],
  dockets: ['id'],
  clusters: ['id', 'docket_id'],
  opinions: ['id', 'cluster_id'],
  citations: ['volume', 'reporter', 'page', 'cluster_id'],
  'citation-map': ['citing_opinion_id', 'cited_opinion_id'],
  parentheticals: ['describing_opinion_id', 'described_opinion_id'],
};

export function tableOf(header: readonly (string | null)[]): TableKind | null {
  const names = new Set(header.map((h) => (h ?? '').trim().toLowerCase()));
  for (const [kind, cols] of SIGNATURES) if (cols.every((c) => names.has(c))) return kind;
  return null;
}

/** Column name → index in the file, for the columns we read that the file has. */
export function columnIndex(header: readonly (string | null)[], wanted: readonly string[]): Map<string, number> {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const name = (h ?? '').trim().toLowerCase();
    if (wanted.includes(name) && !at.has(name)) at.set(name, i);
  });
  return at;
}
