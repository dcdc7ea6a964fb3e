/**
 * Records the store keeps. Field names are snake_case because they are also the JSON the CLI (`--json`) and the
 * HTTP API emit, and the column names of both store implementations.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** CourtListener's vocabulary plus `unknown`; only `published` counts as binding precedent in most circuits. */
export type PrecedentialStatus = 'published' | 'unpublished' | 'errata' | 'separate' | 'in_chambers' | 'relating_to' | 'unknown';

/** One reporter citation of a case; a case usually has several parallel ones (`490 U.S. 386`, `109 S. Ct. 1865`). */
export interface CaseCitation {
  volume: string;
  reporter: string;
  page: string;
  /** Canonical string, e.g. `490 U.S. 386`; the store builds it from the parts when absent. */
  cite?: string;
}

/** How a field was inferred when the source did not state it (e.g. court from the download host). */
export interface Inference {
  method: string;
  confidence?: number;
}

export interface CaseRecord {
  /** Stable internal id; defaults to `caseIdFor(source, source_id)`. Kept across re-imports. */
  id: string;
  /** Where the record came from (`courtlistener`, `cap`, `file`) and its id there (`cluster:1234`): the upsert key. */
  source: string;
  source_id: string;
  case_name: string;
  case_name_short: string | null;
  /** A CourtListener court id (`ca6`, `ohsd`); the courts module owns the court table. Null when unknown. */
  court_id: string | null;
  /** Circuit the court sits in (`1`…`11`, `dc`, `fed`), derived by the caller from the court data. */
  circuit: string | null;
  /** ISO date `YYYY-MM-DD`. */
  decision_date: string | null;
  docket_number: string | null;
  precedential_status: PrecedentialStatus;
  citations: CaseCitation[];
  disposition: string | null;
  subsequent_history: string | null;
  /** field name → how it was inferred; empty when everything came from the source as stated. */
  inferred: Record<string, Inference>;
  source_url: string | null;
}

export type OpinionType = 'majority' | 'concurrence' | 'dissent' | 'combined' | 'plurality' | 'per_curiam' | 'unknown' | (string & {});

export interface OpinionRecord {
  /** Defaults to `opinionIdFor(case.source, source_id)`. */
  id: string;
  case_id: string;
  type: OpinionType;
  author: string | null;
  text: string;
  html: string | null;
  source_id: string;
  /** SHA-1 of the text as the source gave it; computed by the store when absent. */
  sha1: string;
}

/** What importers hand to `upsertCases`: ids and derived fields optional, opinions nested in their case. */
export type OpinionInput = Omit<OpinionRecord, 'id' | 'case_id' | 'sha1' | 'author' | 'html'> &
  Partial<Pick<OpinionRecord, 'id' | 'sha1' | 'author' | 'html'>>;

export type CaseInput = Pick<CaseRecord, 'source' | 'source_id' | 'case_name'> &
  Partial<Omit<CaseRecord, 'source' | 'source_id' | 'case_name'>> & { opinions: OpinionInput[] };

/** Reason code for a citation the corpus does not (yet) hold; such links are bound when the case arrives. */
export const NOT_IN_CORPUS = 'not_in_corpus';

export interface CitationLink {
  citing_opinion_id: string;
  /** Null when the citation matched no case; `unresolved_reason` then says why. */
  cited_case_id: string | null;
  /** The citation as found, e.g. `490 U.S. 386`. */
  text: string;
  volume: string | null;
  reporter: string | null;
  page: string | null;
  pin_cite: string | null;
  parenthetical: string | null;
  signal: string | null;
  /** [start, end) in the opinion's cleaned text. */
  span: [number, number] | null;
  /** Treatment words near the citation (`overruled`, `distinguished`, `followed`). */
  treatment: string[];
  /** How many times the citing opinion cites this authority. */
  depth: number;
  unresolved_reason: string | null;
  /** Who found the link: `engine` (our extractor) or a source that supplied it (`courtlistener`). */
  origin: string;
  /**
   * Only on an unresolved source-supplied link waiting for the record it names (see CitationLinkInput): that
   * opinion's or case's id. The link is bound when the record is written.
   */
  cited_ref?: string;
}

export type CitationLinkInput = Pick<CitationLink, 'text'> & Partial<Omit<CitationLink, 'citing_opinion_id' | 'text' | 'cited_ref'>> & {
  /**
   * For a source-supplied link whose cited record is not stored yet: the id that record will have, an opinion id
   * (`opinionIdFor(source, source_id)`) or the default id of a case (`caseIdFor(source, source_id)`). The store
   * keeps it on the unresolved link and binds the link when that opinion or case is written, whatever the order
   * of the input or of the imports. Read back on the link while it waits (so a copy of the store, `clearly
   * migrate-store`, keeps waiting).
   */
  cited_ref?: string | null;
};

/** One edge of the citation graph with the case at the other end (null when unresolved). */
export interface CitationEdge {
  link: CitationLink;
  citing_case_id: string;
  case: CaseRecord | null;
}

export type Coder = 'machine' | 'human';

export interface QiCodingRecord {
  case_id: string;
  coder: Coder;
  /** Owned by the QI module (outcome, prongs, factors with evidence); the store keeps it verbatim. */
  coding: JsonObject;
  created_at: string;
}

export type QiCodingInput = Omit<QiCodingRecord, 'created_at'> & { created_at?: string };

export interface RejectInput {
  import_key: string;
  /** File (or URL) the bad record came from. */
  file: string | null;
  line: number | null;
  record_id: string | null;
  reason: string;
  /** A short excerpt of the record so the user can find it. */
  excerpt: string | null;
}

export interface RejectRecord extends RejectInput {
  created_at: string;
}

export interface Checkpoint {
  import_key: string;
  /** Importer-defined resume state (byte offset, last id, API cursor…). */
  state: JsonValue;
}

export interface StoreStats {
  schema_version: number;
  cases: number;
  opinions: number;
  citation_links: number;
  unresolved_links: number;
  qi_codings: { machine: number; human: number };
  rejects: number;
  checkpoints: number;
}

/** Filters shared by search and case listing (the precedent finder lists cases by court and date). */
export interface CaseFilter {
  /** Any of these court ids. */
  courts?: string[];
  circuit?: string;
  /** Decided strictly after / strictly before this ISO date ("decided before the incident"). */
  after?: string;
  before?: string;
  /** Only `precedential_status = published`. */
  published?: boolean;
  /**
   * The QI filters apply to the coding that counts (human over machine); cases without a coding match none of
   * them. `decides_qi: true` keeps cases whose coding says `decides_qi: true`; `false`, coded cases whose coding
   * does not.
   */
  decides_qi?: boolean;
  /** Any of these outcome codes (doctrine.md §1.6, data/qi/outcomes.json), e.g. `AFFIRM_DENIAL`. */
  qi_outcomes?: string[];
  /** All of these factor ids (data/qi/factors.json), e.g. `force.k9`. */
  factors?: string[];
}

export interface PageRequest {
  /** Default 20, at most 1000. */
  limit?: number;
  /** Opaque string from a previous page's `next_cursor`. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  next_cursor: string | null;
}

/**
 * Full-text query. `text` syntax: words (all required), `"exact phrases"`, `AND`, `OR`, `NOT` (binary:
 * `force NOT deadly`), parentheses and prefixes (`taser*`). Operators are upper case; lower-case `and` is a word.
 */
export interface SearchQuery extends CaseFilter, PageRequest {
  text: string;
  /** Markers around matched terms in snippets; default `<mark>` / `</mark>`. */
  highlight?: { open: string; close: string };
}

export interface SearchHit {
  case: CaseRecord;
  /** The case's best-matching opinion. */
  opinion_id: string;
  /** Higher is better; comparable only within one result set. */
  score: number;
  /** Excerpt of the opinion text with matched terms between the highlight markers. */
  snippet: string;
}
