import type {
  CodedCase, PayoutBatch, PayoutCaseLink, PayoutFilter, PayoutLedgerStats, PayoutRecord, PayoutUpsertResult,
} from '../payout-records.js';
import type { CaseBatch, MigrationResult, Store, UpsertResult } from '../store.js';
import type {
  CaseFilter, CaseInput, CaseRecord, CitationEdge, CitationLinkInput, JsonValue, OpinionRecord, Page, PageRequest,
  QiCodingInput, QiCodingRecord, RejectInput, RejectRecord, SearchHit, SearchQuery, StoreStats,
} from '../types.js';
import { CiteLookup } from './cite-lookup.js';
import { hasDeferredIndexes, rebuildDeferredIndexes } from './deferred-indexes.js';
import { readCheckpoint, readRejects, writeCheckpoint, writeRejects } from './imports.js';
import { checkSchema, migrate, schemaVersion } from './migrate.js';
import * as payouts from './payouts.js';
import { Db, type Sql } from './pool.js';
import { getQiCoding, getQiCodings, listQiCodings, putQiCoding } from './qi.js';
import * as reads from './reads.js';
import { search } from './search.js';
import { cleanStaging, dropStaged, stageBatch, type StagedBatch } from './staging.js';
import { upsertBatch } from './write-cases.js';
import { writeLinkSets } from './write-links.js';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Opinion text bytes per batch from which opinions are loaded with COPY (default 1 MB). */
  copyThresholdBytes?: number;
  /** How long other processes' commits may go unnoticed by generation() (see OpenStoreOptions.refresh_ms). */
  refreshMs?: number;
  /** Connections that compute a staged batch's search vectors side by side (default 2; see staging.ts). */
  stagingConnections?: number;
}

/**
 * The server store: PostgreSQL through a connection pool. Each write method is one transaction that first takes
 * a per-schema advisory lock, so writers run one at a time as on SQLite: "inserted / updated / unchanged" and
 * late binding of waiting links stay exact with several importers running, while readers never wait (MVCC).
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private readonly copyThresholdBytes: number;
  private readonly citeLookup = new CiteLookup((cites) => reads.findCasesByCitations(this.sql, cites));

  private readonly refreshMs: number;
  private readonly stagingConnections: number;
  /** Batches staged by stageCases and not yet written, by their first case. */
  private readonly staged = new Map<CaseInput, StagedBatch>();

  private constructor(readonly db: Db, opts: PostgresStoreOptions) {
    this.copyThresholdBytes = opts.copyThresholdBytes ?? 1 << 20;
    this.refreshMs = Math.max(0, opts.refreshMs ?? 0);
    this.stagingConnections = opts.stagingConnections ?? 2;
  }

  /** Creates the pool (connecting lazily) without migrating; `openStore` migrates. */
  static open(url: string, opts: PostgresStoreOptions = {}): PostgresStore {
    return new PostgresStore(new Db(url, { max: opts.poolSize }), opts);
  }

  /**
   * The store_generation counter (migration 8), which triggers move in the same transaction as any write to the
   * data tables: a reader that sees the same value before and after computing an answer saw no commit in between.
   * Read at most once per `refreshMs` (other processes' writes may go unnoticed that long; this store's own at
   * once, through `writes`), by one query at a time; a counter never goes back, so the largest value read is kept.
   */
  async generation(): Promise<string> {
    const now = performance.now();
    if (this.sampled === undefined || now - this.sampled.at >= this.refreshMs) {
      this.reading ??= this.sql.get<{ n: string }>('SELECT n::text AS n FROM store_generation').then((row) => {
        const n = BigInt(row?.n ?? '0');
        if (this.sampled === undefined || n > this.sampled.n) this.sampled = { at: now, n };
        else this.sampled = { ...this.sampled, at: now };
      }).finally(() => { this.reading = undefined; });
      await this.reading;
    }
    return `${this.sampled!.n}.${this.writes}`;
  }
  private sampled: { at: number; n: bigint } | undefined;
  private reading: Promise<void> | undefined;
  /** Write transactions through this store, finished or failed: noticed by generation() at once. */
  private writes = 0;

  /** The server's URL with the password replaced by ***. */
  get url(): string { return this.db.name; }
  private get sql(): Sql { return this.db.sql; }

  /**
   * One write transaction. `durable: false` commits without waiting for the WAL flush (synchronous_commit off
   * for this transaction only): a server crash may then lose it, but only together with every transaction
   * committed after it, never out of order. Import batches use it: each carries its own checkpoint, so a batch
   * lost in a crash is lost with its checkpoint and the resumed import reads it again; the import's last
   * transaction (clearing the checkpoint) is durable and flushes everything before it.
   */
  private async write<T>(fn: (sql: Sql) => Promise<T>, opts: { durable?: boolean } = {}): Promise<T> {
    try {
      return await this.db.tx(async (sql) => {
        await sql.run("SELECT pg_advisory_xact_lock(hashtext('clearly.write.' || coalesce(current_schema(), '')))");
        if (opts.durable === false) await sql.run('SET LOCAL synchronous_commit = off');
        return fn(sql);
      });
    } finally {
      this.writes++; // also after a failure: a spurious change only costs a cache miss
    }
  }

  /**
   * Migrates, then rebuilds any search index an interrupted first load left dropped (deferred-indexes.ts) and
   * deletes the staged rows of imports that were killed (staging.ts).
   */
  async migrate(): Promise<MigrationResult> {
    const result = await migrate(this.db);
    await this.rebuildDeferredIndexes();
    await cleanStaging(this.sql);
    return result;
  }
  private async rebuildDeferredIndexes(): Promise<void> {
    if (await hasDeferredIndexes(this.sql)) await this.write((sql) => rebuildDeferredIndexes(sql));
  }
  /** For replicas: checks the schema without writing. */
  checkSchema(): Promise<void> { return checkSchema(this.db); }
  async close(): Promise<void> {
    const left = [...this.staged.values()];
    this.staged.clear();
    try {
      for (const s of left) {
        await s.ready;
        await dropStaged(this.sql, s.token);
      }
    } finally {
      await this.db.end();
    }
  }

  /**
   * Starts computing the search vectors of a batch that `upsertCases` will be given next (the same case objects,
   * unchanged, in the same order) on other connections, while this store writes the previous one (staging.ts).
   * Only a hint: results are the same with or without it.
   */
  stageCases(cases: CaseInput[]): void {
    if (cases.length === 0) return;
    this.dropUnused(this.staged.get(cases[0]!));
    const staged = stageBatch(this.db, cases, { thresholdBytes: this.copyThresholdBytes, connections: this.stagingConnections });
    if (staged) this.staged.set(cases[0]!, staged);
    else this.staged.delete(cases[0]!);
  }

  /** Deletes the rows of a staging that will not be written, once it is done (best effort: see cleanStaging). */
  private dropUnused(s: StagedBatch | undefined): void {
    if (s) void s.ready.then(() => dropStaged(this.sql, s.token)).catch(() => {});
  }

  /** The staging of exactly these cases, if any, taken out of the waiting list. */
  private takeStaged(cases: CaseInput[]): StagedBatch | undefined {
    const s = cases.length > 0 ? this.staged.get(cases[0]!) : undefined;
    if (!s) return undefined;
    this.staged.delete(cases[0]!);
    if (s.cases.length === cases.length && s.cases.every((c, i) => c === cases[i])) return s;
    this.dropUnused(s);
    return undefined;
  }

  async upsertCases(batch: CaseBatch): Promise<UpsertResult> {
    const staged = this.takeStaged(batch.cases);
    if (staged) await staged.ready;
    try {
      return await this.write((sql) => upsertBatch(sql, batch, { copyThresholdBytes: this.copyThresholdBytes }, staged),
        { durable: !batch.checkpoint });
    } catch (err) {
      if (staged) await dropStaged(this.sql, staged.token).catch(() => {});
      throw err;
    }
  }
  async replaceCitationLinks(opinionId: string, links: CitationLinkInput[]): Promise<void> {
    await this.write((sql) => writeLinkSets(sql, [{ opinion_id: opinionId, links }]));
  }

  getCase(id: string): Promise<CaseRecord | null> { return reads.getCase(this.sql, id); }
  getCaseBySource(source: string, sourceId: string): Promise<CaseRecord | null> {
    return reads.getCaseBySource(this.sql, source, sourceId);
  }
  findCasesByCitation(volume: string, reporter: string, page: string): Promise<CaseRecord[]> {
    return this.citeLookup.find({ volume, reporter, page });
  }
  listCases(filter: CaseFilter & PageRequest): Promise<Page<CaseRecord>> { return reads.listCases(this.sql, filter); }
  getOpinions(caseId: string): Promise<OpinionRecord[]> { return reads.getOpinions(this.sql, caseId); }
  getOpinion(id: string): Promise<OpinionRecord | null> { return reads.getOpinion(this.sql, id); }
  cites(caseId: string, page?: PageRequest): Promise<Page<CitationEdge>> { return reads.cites(this.sql, caseId, page); }
  citedBy(caseId: string, page?: PageRequest): Promise<Page<CitationEdge>> { return reads.citedBy(this.sql, caseId, page); }

  search(query: SearchQuery): Promise<Page<SearchHit>> { return search(this.db, query); }
  async optimizeSearchIndex(): Promise<void> {
    await this.rebuildDeferredIndexes();
    await this.sql.run("SELECT gin_clean_pending_list('opinions_search'::regclass), gin_clean_pending_list('opinions_search_key'::regclass)");
    await this.sql.run('ANALYZE cases, opinions, qi_effective, qi_effective_factors');
    // The staged rows an import moved into opinions leave dead space behind (staging.ts); an emptied table is
    // truncated by VACUUM, so the database does not keep a bulk load's worth of it.
    await this.sql.run('VACUUM opinion_staging');
  }

  /** Machine codings are recomputed by any re-import, so they need not wait for the disk; human ones do. */
  async putQiCoding(coding: QiCodingInput): Promise<void> {
    await this.write((sql) => putQiCoding(sql, coding), { durable: coding.coder !== 'machine' });
  }
  getQiCoding(caseId: string): Promise<QiCodingRecord | null> { return getQiCoding(this.sql, caseId); }
  getQiCodings(caseIds: string[]): Promise<Map<string, QiCodingRecord>> { return getQiCodings(this.sql, caseIds); }
  listQiCodings(caseId: string): Promise<QiCodingRecord[]> { return listQiCodings(this.sql, caseId); }

  getCheckpoint(importKey: string): Promise<JsonValue | null> { return readCheckpoint(this.sql, importKey); }
  async setCheckpoint(importKey: string, state: JsonValue | null): Promise<void> {
    await this.write((sql) => writeCheckpoint(sql, importKey, state));
  }
  async addRejects(rejects: RejectInput[]): Promise<void> { await this.write((sql) => writeRejects(sql, rejects)); }
  listRejects(importKey: string, page: { limit?: number; offset?: number } = {}): Promise<RejectRecord[]> {
    return readRejects(this.sql, importKey, page.limit ?? null, page.offset ?? 0);
  }

  upsertPayouts(batch: PayoutBatch): Promise<PayoutUpsertResult> { return this.write((sql) => payouts.upsertPayouts(sql, batch)); }
  listPayouts(filter: PayoutFilter & PageRequest): Promise<Page<PayoutRecord>> { return payouts.listPayouts(this.sql, filter); }
  payoutLedgerStats(): Promise<PayoutLedgerStats> { return payouts.payoutLedgerStats(this.sql); }
  replacePayoutCaseLinks(links: PayoutCaseLink[]): Promise<number> {
    return this.write((sql) => payouts.replacePayoutCaseLinks(sql, links));
  }
  listCodedCases(page: PageRequest = {}): Promise<Page<CodedCase>> { return payouts.listCodedCases(this.sql, page); }

  async stats(): Promise<StoreStats> {
    // One statement, so the counts come from one snapshot.
    const row = (await this.sql.get<Record<string, number>>(`SELECT
      (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM opinions) AS opinions,
      (SELECT count(*) FROM citation_links) AS citation_links,
      (SELECT count(*) FROM citation_links WHERE cited_case_id IS NULL) AS unresolved_links,
      (SELECT count(*) FROM qi_codings WHERE coder = 'machine') AS machine,
      (SELECT count(*) FROM qi_codings WHERE coder = 'human') AS human,
      (SELECT count(*) FROM rejects) AS rejects, (SELECT count(*) FROM import_checkpoints) AS checkpoints`))!;
    return {
      schema_version: await schemaVersion(this.sql),
      cases: row.cases!, opinions: row.opinions!, citation_links: row.citation_links!, unresolved_links: row.unresolved_links!,
      qi_codings: { machine: row.machine!, human: row.human! }, rejects: row.rejects!, checkpoints: row.checkpoints!,
    };
  }
}
