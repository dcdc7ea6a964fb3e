/**
 * The contract between source readers (one per input format) and the import pipeline. A reader turns files,
 * directories or an API into a stream of `SourceItem`s; the pipeline batches them into the store, extracts and
 * links citations, records rejects and checkpoints, and reports progress. Readers never touch the store.
 */
import type { CaseInput, JsonValue } from '../store/index.js';

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
  /** The cited record in the same source: `{ source, source_id }` of a case, or of an opinion (`opinion:ID`). */
  cited: { source: string; source_id: string; kind: 'case' | 'opinion' };
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

export interface SourceReader {
  /** `courtlistener-bulk`, `courtlistener-json`, `courtlistener-api`, `cap`, `document`. */
  readonly format: string;
  read(inputs: string[], options?: ReadOptions): AsyncIterable<SourceItem>;
}
