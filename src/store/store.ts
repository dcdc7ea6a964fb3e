import type {
  CodedCase,
  PayoutBatch,
  PayoutCaseLink,
  PayoutFilter,
  PayoutLedgerStats,
  PayoutRecord,
  PayoutUpsertResult,
} from './payout-records.js';
import type {
  CaseFilter,
  CaseInput,
  CaseRecord,
  Checkpoint,
  CitationEdge,
  CitationLinkInput,
  JsonValue,
  OpinionRecord,
  Page,
  PageRequest,
  QiCodingInput,
  QiCodingRecord,
  RejectInput,
  RejectRecord,
  SearchHit,
  SearchQuery,
  StoreStats,
} from './types.js';

/**
 * Everything an importer writes for one slice of its input, committed as one transaction: a `kill -9` at any
 * moment leaves either all of it (checkpoint included) or none, so resuming from the checkpoint neither skips nor
 * duplicates work.
 */
export interface CaseBatch {
  cases: CaseInput[];
  /** Citation links per opinion, written after the cases (so they may cite cases of the same batch). */
  links?: { opinion_id: string; links: CitationLinkInput[] }[];
  rejects?: RejectInput[];
  checkpoint?: Checkpoint;
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  /** Same content hash as the stored record: nothing was written. */
  unchanged: number;
  /** Effective case id of each input case, in order (an existing record keeps its id). */
  ids: string[];
  /**
   * Source-supplied links already stored that were waiting for an opinion or case of this batch (their
   * `cited_ref`) and are now bound to it; absent when none were.
   */
  bound_links?: number;
}

export interface MigrationResult {
  from: number;
  to: number;
}

/**
 * The one storage interface. Every method is async so a networked implementation (PostgreSQL, issue 7) fits
 * behind it unchanged; the embedded SQLite one simply resolves synchronously computed values.
 * Errors are `ClearlyError`s: `usage` for bad queries/cursors, `bad_data` for invalid records, `not_found` for
 * writes that name a missing row, `cannot_write` when the database cannot be written.
 */
export interface Store {
  /** `sqlite` or `postgres`, for diagnostics and `clearly migrate-store`. */
  readonly kind: string;
  /** Brings the schema to the latest version; idempotent. Refuses a database from a newer `clearly`. */
  migrate(): Promise<MigrationResult>;
  close(): Promise<void>;

  // --- corpus writes -------------------------------------------------------------------------------------------
  /** Upserts cases with their opinions by (source, source_id); see `CaseBatch` for atomicity. */
  upsertCases(batch: CaseBatch): Promise<UpsertResult>;
  /**
   * Optional hint from an importer: these cases (the same objects, not changed meanwhile, in this order) are the
   * next `upsertCases` batch, so a store may start preparing them while it writes the current one (PostgreSQL
   * computes their search vectors on other connections). Returns at once; results never depend on it.
   */
  stageCases?(cases: CaseInput[]): void;
  /** Replaces all links from one opinion (one transaction); identical links are a no-op. */
  replaceCitationLinks(opinionId: string, links: CitationLinkInput[]): Promise<void>;

  // --- corpus reads --------------------------------------------------------------------------------------------
  getCase(id: string): Promise<CaseRecord | null>;
  getCaseBySource(source: string, sourceId: string): Promise<CaseRecord | null>;
  /** Cases carrying this citation among their parallel cites (reporter spacing/case is ignored). */
  findCasesByCitation(volume: string, reporter: string, page: string): Promise<CaseRecord[]>;
  /** Cases matching the filter in insertion order (the precedent finder's candidate scan). */
  listCases(filter: CaseFilter & PageRequest): Promise<Page<CaseRecord>>;
  /** The case's opinions in source order. */
  getOpinions(caseId: string): Promise<OpinionRecord[]>;
  getOpinion(id: string): Promise<OpinionRecord | null>;

  // --- citation graph ------------------------------------------------------------------------------------------
  /** Links made by the case's opinions, unresolved ones included (with their reason). */
  cites(caseId: string, page?: PageRequest): Promise<Page<CitationEdge>>;
  /** Links pointing at the case, with the citing case. */
  citedBy(caseId: string, page?: PageRequest): Promise<Page<CitationEdge>>;

  // --- search --------------------------------------------------------------------------------------------------
  /** Full-text search, one hit per case (its best opinion), best first. */
  search(query: SearchQuery): Promise<Page<SearchHit>>;
  /**
   * For importers, once at the end of a bulk import: SQLite merges the FTS5 index into one segment (seconds per
   * 100k opinions; one write transaction); PostgreSQL flushes the GIN pending list and refreshes planner
   * statistics. Results never change, only how fast they come; safe to call at any time.
   */
  optimizeSearchIndex(): Promise<void>;

  // --- QI coding -----------------------------------------------------------------------------------------------
  /** Stores one coding per (case, coder): a machine re-coding replaces only the machine row. */
  putQiCoding(coding: QiCodingInput): Promise<void>;
  /** The coding that counts: human when there is one, else machine. */
  getQiCoding(caseId: string): Promise<QiCodingRecord | null>;
  /** Bulk form of `getQiCoding` for ranking many candidates; cases without a coding are absent. */
  getQiCodings(caseIds: string[]): Promise<Map<string, QiCodingRecord>>;
  /** Both rows, for review screens that show machine and human side by side. */
  listQiCodings(caseId: string): Promise<QiCodingRecord[]>;

  // --- imports -------------------------------------------------------------------------------------------------
  getCheckpoint(importKey: string): Promise<JsonValue | null>;
  /** Sets (or with `null`, clears) a checkpoint on its own; importers normally pass it inside the batch. */
  setCheckpoint(importKey: string, state: JsonValue | null): Promise<void>;
  /** Records rejects; the same reject reported twice (a re-run) is kept once. */
  addRejects(rejects: RejectInput[]): Promise<void>;
  listRejects(importKey: string, page?: { limit?: number; offset?: number }): Promise<RejectRecord[]>;

  stats(): Promise<StoreStats>;
  /**
   * A token that changes whenever the store's content may have changed — a write through this object or a commit
   * by any other connection or process — so derived answers (the HTTP response cache) can be keyed on it. Null
   * when the implementation cannot tell cheaply; callers must then not cache.
   */
  generation(): Promise<string | null>;

  // --- payouts ledger (issue 6; records and validation in payout-records.ts) ----------------------------------------
  /**
   * Upserts payouts and officer-roster rows by (file base name, sheet, row), with rejects and checkpoint, as one
   * transaction. Counts inserted / updated / unchanged by content hash, so a re-import reports all unchanged.
   */
  upsertPayouts(batch: PayoutBatch): Promise<PayoutUpsertResult>;
  /** Payouts matching the filter, in insertion order, each with the ids of the cases it is linked to. */
  listPayouts(filter: PayoutFilter & PageRequest): Promise<Page<PayoutRecord>>;
  /** Counts and exact cent totals, overall and per file; officer-roster rows; case links. */
  payoutLedgerStats(): Promise<PayoutLedgerStats>;
  /** Replaces all payout→case links (one transaction); `not_found` if a payout or case is missing. Returns the count stored. */
  replacePayoutCaseLinks(links: PayoutCaseLink[]): Promise<number>;
  /** Every case that has a QI coding, with the coding that counts (human over machine), ordered by case id. */
  listCodedCases(page?: PageRequest): Promise<Page<CodedCase>>;
}
