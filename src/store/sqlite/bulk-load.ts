/**
 * Settings for an import that writes batch after batch, and the defaults they replace. None changes what is
 * stored or what a search finds; they change how much work the writing takes:
 *
 * - FTS5 flushes its in-memory index to a new segment whenever it exceeds `hashsize` (default 1 MB), so a batch of
 *   ~10 MB of opinion text made a dozen tiny segments, each merged again and again. With 64 MB a batch makes one.
 * - FTS5 merges segments as soon as `automerge` (4) of one size exist, a little at each commit, rewriting each
 *   document's postings at every level. During the load it does not merge on its own (`automerge` 0): segments
 *   wait until `crisismerge` (64) of one size exist and are then merged at once, so each posting is rewritten at
 *   most once per 64-fold growth. The import ends with an 'optimize' (one segment) anyway, so searches afterwards
 *   see the same index; searches during the import consult more segments (at most 64 per size).
 * - SQLite copies the write-ahead log into the database (a checkpoint, with an fsync) once the log exceeds
 *   `wal_autocheckpoint` pages (1000, 4 MB): after every batch. With 64 MB it happens every few batches and pages
 *   rewritten by consecutive batches (index pages, the FTS structure record) are copied once.
 *
 * The FTS5 values are stored in the index's config table, so they are set back when the import ends (or the
 * store closes); an import killed mid-way leaves them until the next one ends, which costs nothing but index
 * merges postponed.
 */
import type Database from 'better-sqlite3';

const BULK = { automerge: 0, crisismerge: 64, hashsize: 64 << 20, wal_autocheckpoint: 16384 };
/** SQLite's and FTS5's own defaults. */
const DEFAULTS = { automerge: 4, crisismerge: 16, hashsize: 1 << 20, wal_autocheckpoint: 1000 };

export function setBulkLoad(db: Database.Database, on: boolean): void {
  const v = on ? BULK : DEFAULTS;
  db.pragma(`wal_autocheckpoint = ${v.wal_autocheckpoint}`);
  // FTS5 wants integers; literal SQL, because better-sqlite3 binds JS numbers as REAL.
  db.transaction(() => {
    for (const k of ['automerge', 'crisismerge', 'hashsize'] as const) {
      db.exec(`INSERT INTO opinion_fts (opinion_fts, rank) VALUES ('${k}', ${v[k]})`);
    }
  }).immediate();
}
