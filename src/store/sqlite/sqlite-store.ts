import type Database from 'better-sqlite3';
import type {
  CodedCase, PayoutBatch, PayoutCaseLink, PayoutFilter, PayoutLedgerStats, PayoutRecord, PayoutUpsertResult,
} from '../payout-records.js';
import type { CaseBatch, MigrationResult, Store, UpsertResult } from '../store.js';
import type {
  CaseFilter, CaseRecord, CitationEdge, CitationLinkInput, JsonValue, OpinionRecord, Page, PageRequest,
  QiCodingInput, QiCodingRecord, RejectInput, RejectRecord, SearchHit, SearchQuery, StoreStats,
} from '../types.js';
import { setBulkLoad } from './bulk-load.js';
import { openDatabase, sqliteError, Statements } from './connection.js';
import { readCheckpoint, readRejects, writeCheckpoint, writeRejects } from './imports.js';
import { migrate, schemaVersion } from './migrate.js';
import * as payouts from './payouts.js';
import { getQiCoding, getQiCodings, listQiCodings, putQiCoding } from './qi.js';
import * as reads from './reads.js';
import { buildPostings, currentPostings, indexTotals, POSTINGS_MIN_STORE } from './postings.js';
import { changedCount, maxChanged } from './postings-delta.js';
import { search, searchError } from './search.js';
import { upsertBatch } from './write-cases.js';
import { writeLinks } from './write-links.js';

/**
 * The embedded store: one SQLite file. better-sqlite3 is synchronous, which suits SQLite (no thread hop per
 * query); the async methods only adapt it to the Store interface. Each write method is one transaction.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly sql: Statements;

  private constructor(private readonly db: Database.Database, readonly path: string, private readonly refreshMs: number) {
    this.sql = new Statements(db);
  }

  /**
   * Opens (creating if needed) without migrating; `openStore` migrates. `refreshMs` (default 0): how long other
   * connections' commits may go unnoticed by generation() — and so by the answers, rankings and snippets kept for
   * it — as a search engine's refresh interval; this connection's own writes are always noticed at once.
   */
  static open(path: string, opts: { refreshMs?: number } = {}): SqliteStore {
    return new SqliteStore(openDatabase(path), path, Math.max(0, opts.refreshMs ?? 0));
  }

  /** Runs `fn`, mapping SQLite failures onto the error catalog. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw sqliteError(err, this.path);
    }
  }

  /** Writes through this connection, for generation(): PRAGMA data_version only sees other connections' commits. */
  private writes = 0;

  /** IMMEDIATE takes the write lock up front, so a busy database waits (busy_timeout) instead of failing mid-batch. */
  private write<T>(fn: () => T): T {
    try {
      return this.guard(() => this.db.transaction(fn).immediate());
    } finally {
      this.writes++; // also after a failure: a spurious change only costs a cache miss
    }
  }

  /** Other connections' (and processes') commits move data_version; this connection's writes move `writes`. */
  async generation(): Promise<string> { return this.guard(() => this.currentGeneration()); }
  private currentGeneration(): string {
    const now = performance.now();
    if (this.sampled === undefined || now - this.sampled.at >= this.refreshMs) {
      this.sampled = { at: now, version: this.sql.get<{ data_version: number }>('PRAGMA data_version')!.data_version };
    }
    return `${this.sampled.version}.${this.writes}`;
  }
  private sampled: { at: number; version: number } | undefined;

  async migrate(): Promise<MigrationResult> { return this.guard(() => migrate(this.db, this.path)); }
  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      this.bulkLoad(false);
    } catch {
      // left as they are: they cost only postponed index merges, and the next import's end resets them
    } finally {
      this.db.close();
    }
  }

  async upsertCases(batch: CaseBatch): Promise<UpsertResult> {
    if (batch.checkpoint) this.bulkLoad(true); // an import's batch: more writes follow
    return this.write(() => upsertBatch(this.sql, batch));
  }
  async replaceCitationLinks(opinionId: string, links: CitationLinkInput[]): Promise<void> {
    this.write(() => writeLinks(this.sql, opinionId, links));
  }

  async getCase(id: string): Promise<CaseRecord | null> { return this.guard(() => reads.getCase(this.sql, id)); }
  async getCaseBySource(source: string, sourceId: string): Promise<CaseRecord | null> {
    return this.guard(() => reads.getCaseBySource(this.sql, source, sourceId));
  }
  async findCasesByCitation(volume: string, reporter: string, page: string): Promise<CaseRecord[]> {
    return this.guard(() => reads.findCasesByCitation(this.sql, volume, reporter, page));
  }
  async listCases(filter: CaseFilter & PageRequest): Promise<Page<CaseRecord>> {
    return this.guard(() => reads.listCases(this.sql, filter));
  }
  async getOpinions(caseId: string): Promise<OpinionRecord[]> { return this.guard(() => reads.getOpinions(this.sql, caseId)); }
  async getOpinion(id: string): Promise<OpinionRecord | null> { return this.guard(() => reads.getOpinion(this.sql, id)); }

  async cites(caseId: string, page?: PageRequest): Promise<Page<CitationEdge>> {
    return this.guard(() => reads.cites(this.sql, caseId, page));
  }
  async citedBy(caseId: string, page?: PageRequest): Promise<Page<CitationEdge>> {
    return this.guard(() => reads.citedBy(this.sql, caseId, page));
  }

  async search(query: SearchQuery): Promise<Page<SearchHit>> {
    try {
      return this.guard(() => search(this.sql, query, this.currentGeneration()));
    } catch (err) {
      throw searchError(err, query.text);
    }
  }

  async optimizeSearchIndex(): Promise<void> {
    this.bulkLoad(false);
    // Word postings with few opinions changed since they were built stay in use with the changes
    // (postings-delta.ts): the optimize, which rewrites the whole index (7.5 GB at 1M opinions), and the new
    // build wait until more have changed.
    if (this.guard(() => currentPostings(this.sql) && changedCount(this.sql) <= maxChanged())) return;
    this.write(() => this.sql.run("INSERT INTO opinion_fts (opinion_fts) VALUES ('optimize')"));
    // Word postings (postings.ts) for a store large enough that FTS5's pass over every match of a common word costs.
    const least = Number(process.env.CLEARLY_POSTINGS_MIN_STORE ?? POSTINGS_MIN_STORE);
    if (indexTotals(this.sql).rows >= least && !currentPostings(this.sql)) this.write(() => buildPostings(this.sql));
  }

  /**
   * Bulk-load settings while an import writes batch after batch (see bulk-load.ts); back to the defaults when the
   * import ends (`optimizeSearchIndex`) or the store closes. What is stored and found is the same either way.
   */
  private bulk = false;
  private bulkLoad(on: boolean): void {
    if (this.bulk === on || !this.db.open) return;
    this.guard(() => setBulkLoad(this.db, on));
    this.bulk = on;
  }

  async putQiCoding(coding: QiCodingInput): Promise<void> { this.write(() => putQiCoding(this.sql, coding)); }
  async getQiCoding(caseId: string): Promise<QiCodingRecord | null> { return this.guard(() => getQiCoding(this.sql, caseId)); }
  async getQiCodings(caseIds: string[]): Promise<Map<string, QiCodingRecord>> {
    return this.guard(() => getQiCodings(this.sql, caseIds));
  }
  async listQiCodings(caseId: string): Promise<QiCodingRecord[]> { return this.guard(() => listQiCodings(this.sql, caseId)); }

  async getCheckpoint(importKey: string): Promise<JsonValue | null> { return this.guard(() => readCheckpoint(this.sql, importKey)); }
  async setCheckpoint(importKey: string, state: JsonValue | null): Promise<void> {
    this.write(() => writeCheckpoint(this.sql, importKey, state));
  }
  async addRejects(rejects: RejectInput[]): Promise<void> { this.write(() => writeRejects(this.sql, rejects)); }
  async listRejects(importKey: string, page: { limit?: number; offset?: number } = {}): Promise<RejectRecord[]> {
    return this.guard(() => readRejects(this.sql, importKey, page.limit ?? -1, page.offset ?? 0));
  }

  async upsertPayouts(batch: PayoutBatch): Promise<PayoutUpsertResult> { return this.write(() => payouts.upsertPayouts(this.sql, batch)); }
  async listPayouts(filter: PayoutFilter & PageRequest): Promise<Page<PayoutRecord>> {
    return this.guard(() => payouts.listPayouts(this.sql, filter));
  }
  async payoutLedgerStats(): Promise<PayoutLedgerStats> { return this.guard(() => payouts.payoutLedgerStats(this.sql)); }
  async replacePayoutCaseLinks(links: PayoutCaseLink[]): Promise<number> {
    return this.write(() => payouts.replacePayoutCaseLinks(this.sql, links));
  }
  async listCodedCases(page: PageRequest = {}): Promise<Page<CodedCase>> { return this.guard(() => payouts.listCodedCases(this.sql, page)); }

  async stats(): Promise<StoreStats> {
    return this.guard(() => {
      const n = (sql: string): number => (this.sql.get<{ n: number }>(sql)!).n;
      return {
        schema_version: schemaVersion(this.db),
        cases: n('SELECT count(*) AS n FROM cases'),
        opinions: n('SELECT count(*) AS n FROM opinions'),
        citation_links: n('SELECT count(*) AS n FROM citation_links'),
        unresolved_links: n('SELECT count(*) AS n FROM citation_links WHERE cited_case_id IS NULL'),
        qi_codings: {
          machine: n("SELECT count(*) AS n FROM qi_codings WHERE coder = 'machine'"),
          human: n("SELECT count(*) AS n FROM qi_codings WHERE coder = 'human'"),
        },
        rejects: n('SELECT count(*) AS n FROM rejects'),
        checkpoints: n('SELECT count(*) AS n FROM import_checkpoints'),
      };
    });
  }
}
