/**
 * The join index: a throw-away SQLite file holding the columns of the smaller tables that cases are built from
 * (clusters, dockets, citations, citation map, parentheticals) and, per cluster, how many opinions the opinions
 * file holds and where the first one is. It lives on disk, not in memory, because CourtListener's full export
 * has ~10 M clusters and ~75 M citation-map rows. It is kept (keyed by the input files' paths, sizes and times)
 * until the import finishes, so an interrupted import resumes without rebuilding it.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Bump when the schema or what is stored changes, so a cached index of an older layout is rebuilt. */
const LAYOUT = 3;

export interface ClusterRow {
  id: number;
  docket_id: number | null;
  case_name: string | null;
  case_name_short: string | null;
  case_name_full: string | null;
  date_filed: string | null;
  approximate: number;
  status: string | null;
  disposition: string | null;
  slug: string | null;
}

export interface DocketRow {
  court_id: string | null;
  docket_number: string | null;
  case_name: string | null;
}

export interface CountRow {
  n: number;
  first_pos: number;
  first_line: number;
  has_cluster: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS clusters (id INTEGER PRIMARY KEY, docket_id INTEGER, case_name TEXT, case_name_short TEXT,
  case_name_full TEXT, date_filed TEXT, approximate INTEGER, status TEXT, disposition TEXT, slug TEXT);
CREATE TABLE IF NOT EXISTS dockets (id INTEGER PRIMARY KEY, court_id TEXT, docket_number TEXT, case_name TEXT);
CREATE TABLE IF NOT EXISTS citations (cluster_id INTEGER, volume TEXT, reporter TEXT, page TEXT);
CREATE TABLE IF NOT EXISTS counts (cluster_id INTEGER PRIMARY KEY, n INTEGER, first_pos INTEGER, first_line INTEGER);
CREATE TABLE IF NOT EXISTS cmap (citing INTEGER, cited INTEGER, depth INTEGER);
CREATE TABLE IF NOT EXISTS parens (describing INTEGER, described INTEGER, text TEXT, score REAL);
CREATE TABLE IF NOT EXISTS spill (cluster_id INTEGER, seq INTEGER, data TEXT);
CREATE TABLE IF NOT EXISTS rejects (file TEXT, line INTEGER, id TEXT, reason TEXT, excerpt TEXT);
CREATE INDEX IF NOT EXISTS spill_cluster ON spill (cluster_id);`;

/** Indexes built once the bulk loads are done (building them after the inserts is several times faster). */
const AFTER_LOAD = `
CREATE INDEX IF NOT EXISTS citations_cluster ON citations (cluster_id);
CREATE INDEX IF NOT EXISTS cmap_citing ON cmap (citing);
CREATE INDEX IF NOT EXISTS parens_describing ON parens (describing);`;

export function indexKey(files: { path: string }[]): string {
  const parts = files.map((f) => {
    const s = statSync(f.path);
    return `${resolve(f.path)}\0${s.size}\0${s.mtimeMs}`;
  }).sort();
  return createHash('sha1').update(`${LAYOUT}\n${parts.join('\n')}`).digest('hex').slice(0, 16);
}

export class TempIndex {
  readonly db: Database.Database;
  private readonly stmts = new Map<string, Database.Statement>();

  private constructor(readonly path: string, readonly ready: boolean) {
    this.db = new Database(path);
    // Scratch data: no journal, no fsync; a crash just means rebuilding it. A small cache keeps memory flat.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -32768');
    this.db.pragma('temp_store = FILE');
    this.db.exec(SCHEMA);
  }

  /** The cached index for these inputs when a finished one exists, else a new empty one being built. */
  static open(key: string, dir = process.env.CLEARLY_TMPDIR || tmpdir()): TempIndex {
    const done = join(dir, `clearly-clbulk-${key}.db`);
    if (existsSync(done)) return new TempIndex(done, true);
    const part = `${done}.part`;
    rmSync(part, { force: true }); // a build that was interrupted: start over
    return new TempIndex(part, false);
  }

  /** Marks the build complete and moves it to its final name, so a later run can reuse it. */
  finish(): TempIndex {
    this.db.exec(AFTER_LOAD);
    if (this.ready) return this;
    this.db.close();
    const final = this.path.replace(/\.part$/, '');
    renameSync(this.path, final);
    return new TempIndex(final, true);
  }

  stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Runs `fn` over `rows` in transactions of `size`, to keep inserts fast without holding them in memory. */
  batch<T>(fn: (row: T) => void): { add(row: T): void; flush(): void } {
    let pending: T[] = [];
    const tx = this.db.transaction((rows: T[]) => rows.forEach(fn));
    return {
      add: (row) => {
        pending.push(row);
        if (pending.length >= 20_000) {
          tx(pending);
          pending = [];
        }
      },
      flush: () => {
        if (pending.length) tx(pending);
        pending = [];
      },
    };
  }

  /** The cluster with its docket and citations, in one query (this runs once per case). */
  caseRow(id: number): (ClusterRow & { docket: DocketRow | undefined; citations: { volume: string; reporter: string; page: string }[] }) | undefined {
    const r = this.stmt(`SELECT c.*, d.id AS d_id, d.court_id AS d_court, d.docket_number AS d_number, d.case_name AS d_name,
        (SELECT json_group_array(json_object('volume', volume, 'reporter', reporter, 'page', page))
          FROM (SELECT * FROM citations WHERE cluster_id = c.id ORDER BY rowid)) AS cites
      FROM clusters c LEFT JOIN dockets d ON d.id = c.docket_id WHERE c.id = ?`).get(id) as
      (ClusterRow & { d_id: number | null; d_court: string | null; d_number: string | null; d_name: string | null; cites: string }) | undefined;
    if (!r) return undefined;
    const { d_id, d_court, d_number, d_name, cites, ...cluster } = r;
    return { ...cluster, docket: d_id === null ? undefined : { court_id: d_court, docket_number: d_number, case_name: d_name }, citations: JSON.parse(cites) as never };
  }
  count(clusterId: number): CountRow | undefined {
    return this.stmt(`SELECT n, first_pos, first_line, EXISTS (SELECT 1 FROM clusters WHERE id = counts.cluster_id) AS has_cluster
      FROM counts WHERE cluster_id = ?`).get(clusterId) as CountRow | undefined;
  }
  /** Citation-map rows (kind 0) and parentheticals (kind 1, best score first) of one citing opinion. */
  linksOf(opinionId: number): { kind: 0 | 1; other: number; text: string | null }[] {
    return this.stmt(`SELECT 0 AS kind, cited AS other, NULL AS text, rowid AS o, 0 AS s FROM cmap WHERE citing = @id
      UNION ALL SELECT 1, described, text, rowid, -coalesce(score, 0) FROM parens WHERE describing = @id
      ORDER BY kind, s, o`).all({ id: opinionId }) as never;
  }
  addReject(r: { file: string; line: number; id?: string; reason: string; excerpt?: string }): void {
    this.stmt('INSERT INTO rejects (file, line, id, reason, excerpt) VALUES (?, ?, ?, ?, ?)').run(r.file, r.line, r.id ?? null, r.reason, r.excerpt ?? null);
  }
  /** In pages, never as an open cursor: the connection must stay free for the lookups made between yields. */
  *rejects(): Generator<{ file: string; line: number; id: string | null; reason: string; excerpt: string | null }> {
    type R = { rowid: number; file: string; line: number; id: string | null; reason: string; excerpt: string | null };
    for (let after = 0; ;) {
      const page = this.stmt('SELECT rowid, * FROM rejects WHERE rowid > ? ORDER BY rowid LIMIT 1000').all(after) as R[];
      if (!page.length) return;
      for (const { rowid, ...r } of page) {
        after = rowid;
        yield r;
      }
    }
  }
  getMeta(key: string): string | undefined {
    return (this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }
  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** False when neither a citation map nor parentheticals were loaded: saves a query per opinion. */
  get hasLinkRows(): boolean {
    return (this.linkRows ??= this.stmt('SELECT EXISTS (SELECT 1 FROM cmap) OR EXISTS (SELECT 1 FROM parens) AS x').pluck().get() === 1);
  }
  private linkRows: boolean | undefined;

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Deletes the file: called when the import has read everything. */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}
