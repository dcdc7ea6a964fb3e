/**
 * First phase of a bulk import: load the join columns of the smaller tables into the temp index, and scan the
 * opinions file(s) once reading only `id` and `cluster_id` to count each cluster's opinions. Bad rows are kept
 * in the index's reject list (reported to the pipeline afterwards, on every run: the store keeps each once).
 */
import { IdSet } from './id-set.js';
import { isoDate } from './map.js';
import { intId, readRows, type BulkFile, type Row, type RowOptions } from './rows.js';
import { COLUMNS, type TableKind } from './tables.js';
import type { TempIndex } from './temp-index.js';

/** Opinions-file positions are global across several files: file number × 2^44 + byte offset. */
export const FILE_SPAN = 2 ** 44;

export interface BuildContext {
  index: TempIndex;
  files: Record<TableKind, BulkFile[]>;
  rowOptions: (file: BulkFile) => RowOptions;
}

type Handler = (row: Row, file: BulkFile, at: { line: number; offset: number }) => string | null;

/** Reads every file of one table, calling `handle` per good row; a returned string is a reject reason. */
async function load(ctx: BuildContext, kind: TableKind, columns: readonly string[], handle: Handler): Promise<void> {
  for (const file of ctx.files[kind]) {
    for await (const ev of readRows(file, columns, ctx.rowOptions(file))) {
      const reason = ev.ok ? handle(ev.row, file, ev) : ev.reason;
      if (reason !== null) ctx.index.addReject({ file: file.path, line: ev.line, reason, excerpt: ev.ok ? JSON.stringify(ev.row).slice(0, 200) : ev.excerpt });
    }
  }
}

export async function buildIndex(ctx: BuildContext): Promise<void> {
  const { index } = ctx;
  const clusters = new IdSet();
  const dockets = new IdSet();
  const opinions = new IdSet();

  const insCluster = index.batch((r: unknown[]) => index.stmt('INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...r));
  await load(ctx, 'clusters', COLUMNS.clusters, (row) => {
    const id = intId(row.id);
    if (id === null) return `cluster id "${row.id}" is not a number`;
    if (clusters.has(id)) return `duplicate cluster id ${id}`;
    const docket = row.docket_id == null ? null : intId(row.docket_id);
    if (row.docket_id != null && docket === null) return `docket_id "${row.docket_id}" is not a number`;
    const date = !row.date_filed ? null : isoDate(row.date_filed);
    if (row.date_filed && date === null) return `date_filed "${row.date_filed}" is not a date (YYYY-MM-DD)`;
    clusters.add(id);
    if (docket !== null) dockets.add(docket);
    insCluster.add([id, docket, row.case_name, row.case_name_short, row.case_name_full, date,
      row.date_filed_is_approximate === 't' ? 1 : 0, row.precedential_status, row.disposition, row.slug]);
    return null;
  });
  insCluster.flush();

  const insDocket = index.batch((r: unknown[]) => index.stmt('INSERT OR IGNORE INTO dockets VALUES (?, ?, ?, ?)').run(...r));
  await load(ctx, 'dockets', COLUMNS.dockets, (row) => {
    const id = intId(row.id);
    if (id === null) return `docket id "${row.id}" is not a number`;
    if (dockets.has(id)) insDocket.add([id, row.court_id, row.docket_number, row.case_name ?? row.case_name_full ?? null]);
    return null;
  });
  insDocket.flush();

  const insCitation = index.batch((r: unknown[]) => index.stmt('INSERT INTO citations VALUES (?, ?, ?, ?)').run(...r));
  await load(ctx, 'citations', COLUMNS.citations, (row) => {
    const cluster = intId(row.cluster_id);
    if (cluster === null) return `cluster_id "${row.cluster_id}" is not a number`;
    if (!row.volume || !row.reporter || !row.page) return 'citation lacks volume, reporter or page';
    if (clusters.has(cluster)) insCitation.add([cluster, row.volume, row.reporter, row.page]);
    return null;
  });
  insCitation.flush();

  await countOpinions(ctx, opinions);

  const insCite = index.batch((r: unknown[]) => index.stmt('INSERT INTO cmap VALUES (?, ?, ?)').run(...r));
  await load(ctx, 'citation-map', COLUMNS['citation-map'], (row) => {
    const citing = intId(row.citing_opinion_id);
    const cited = intId(row.cited_opinion_id);
    if (citing === null || cited === null) return 'citing_opinion_id or cited_opinion_id is not a number';
    if (opinions.has(citing)) insCite.add([citing, cited, intId(row.depth)]);
    return null;
  });
  insCite.flush();

  const insParen = index.batch((r: unknown[]) => index.stmt('INSERT INTO parens VALUES (?, ?, ?, ?)').run(...r));
  await load(ctx, 'parentheticals', COLUMNS.parentheticals, (row) => {
    const describing = intId(row.describing_opinion_id);
    const described = intId(row.described_opinion_id);
    if (describing === null || described === null) return 'describing_opinion_id or described_opinion_id is not a number';
    if (!row.text) return 'parenthetical has no text';
    if (opinions.has(describing)) insParen.add([describing, described, row.text, row.score === null ? null : Number(row.score)]);
    return null;
  });
  insParen.flush();
  index.setMeta('has_citation_map', ctx.files['citation-map'].length ? '1' : '0');
}

/**
 * The first pass over the opinions: per cluster, how many opinions and where the first one is. Rows the second
 * pass will reject (malformed, bad ids, repeated ids) are not counted, so both passes agree on every count;
 * a repeated id's position is noted so the second pass reports it in place.
 */
async function countOpinions(ctx: BuildContext, opinions: IdSet): Promise<void> {
  const { index } = ctx;
  const bump = index.batch((r: [number, number, number]) =>
    index.stmt(`INSERT INTO counts (cluster_id, n, first_pos, first_line) VALUES (?, 1, ?, ?)
      ON CONFLICT (cluster_id) DO UPDATE SET n = n + 1`).run(...r));
  const dupes: number[] = [];
  for (const [n, file] of ctx.files.opinions.entries()) {
    for await (const ev of readRows(file, ['id', 'cluster_id'], ctx.rowOptions(file))) {
      if (!ev.ok) continue;
      const id = intId(ev.row.id);
      const cluster = intId(ev.row.cluster_id);
      if (id === null || cluster === null) continue;
      if (opinions.has(id)) {
        dupes.push(n * FILE_SPAN + ev.offset);
        continue;
      }
      opinions.add(id);
      bump.add([cluster, n * FILE_SPAN + ev.offset, ev.line]);
    }
  }
  bump.flush();
  index.setMeta('duplicate_positions', JSON.stringify(dupes));
}
