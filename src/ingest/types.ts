/**
 * The contract between source readers (one per input format) and the import pipeline. A reader turns files,
 * directories or an API into a stream of `SourceItem`s; the pipeline batches them into the store, extracts and
 * links citations, records rejects and checkpoints, and reports progress. Readers never touch the store.
 */
import type { CaseInput, JsonValue } from '../store/index.js';
import type { PreparedCase } from './prepare.js';

/** Where an item came from, for rejects and error messages. */
export interface SourceLocation {
  file: string;
  /** 1-based line (JSONL, CSV record start) when the format has lines. */
  line?: number;
  /** The record's id in its source (CourtListener opinion id, CAP case id). */
  id?: string;
}

/**
 * A citation link the source itself supplied (CourtListener's `opinions_cited`, the `/opinion/ID/` anchors of
 * `html_with_citations`, the bulk `citation-map`, CAP's `cites_to`), kept beside the ones the engine finds.
 */
export interface SuppliedLink {
  /** `source_id` of the citing opinion inside this item's case. */
  citing_opinion_source_id: string;
  /**
   * The cited record in the same source: `{ source, source_id }` of a case, or of an opinion (`opinion:ID`).
   * Absent when the source names the cited case only by citation (CAP `cites_to` without `case_ids`): the link
   * is then resolved by `text` through the store's citation index.
   */
  cited?: { source: string; source_id: string; kind: 'case' | 'opinion' };
  /** Citation text when the source gives it (`490 U.S. 386`). */
  text?: string;
  /** Source's own parenthetical describing the cited case, when it has one (CourtListener parentheticals). */
  parenthetical?: string;
}

export type SourceItem =
  | {
      kind: 'case';
      case: CaseInput;
      supplied_links?: SuppliedLink[];
      location: SourceLocation;
      /** Opaque resume state: after this item is committed, re-reading may start from here. */
      resume?: JsonValue;
      /** Store-independent work already done on the case (`prepareCase`), e.g. on the reader's worker thread. */
      prepared?: PreparedCase;
    }
  | {
      kind: 'reject';
      location: SourceLocation;
      reason: string;
      excerpt?: string;
      resume?: JsonValue;
    };

export interface ReadOptions {
  /** Resume state saved with the last committed item of an earlier run of the same import. */
  resumeFrom?: JsonValue;
  signal?: AbortSignal;
  /** Called with bytes read so far (for the progress bar), when the reader knows. */
  onBytes?: (bytesRead: number, bytesTotal?: number) => void;
}

/**
 * Id conventions shared by the CourtListener readers (JSON, bulk CSV, API), so the same case imported from two
 * of them is one record: source `courtlistener`, case `cluster:ID`, opinion `opinion:ID`.
 */
export const COURTLISTENER = { source: 'courtlistener', case: (id: string | number) => `cluster:${id}`, opinion: (id: string | number) => `opinion:${id}` } as const;

export interface SourceReader {
  /** `courtlistener-bulk`, `courtlistener-json`, `courtlistener-api`, `cap`, `document`. */
  readonly format: string;
  read(inputs: string[], options?: ReadOptions): AsyncIterable<SourceItem>;
}
