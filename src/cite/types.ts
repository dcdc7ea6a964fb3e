/** The kinds of citation the engine reports. Field names below are a contract other tools rely on. */
export type CitationType =
  | 'case'
  | 'short_case'
  | 'id'
  | 'supra'
  | 'statute'
  | 'regulation'
  | 'rule'
  | 'constitution'
  | 'journal'
  | 'database'
  | 'docket'
  | 'unknown';

/** [start, end) character offsets. */
export type Span = [number, number];

export interface HistoryLink {
  /** Normalised history phrase: `aff'd`, `rev'd`, `vacated`, `cert. denied`, `overruled by`, ... */
  relation: string;
  /** The phrase as written. */
  relation_found: string;
  /** Index (in the result array) of the citation the history points to, when there is one. */
  target?: number;
  /** Index of the citation this history is about (set on the later citation). */
  source?: number;
}

export interface Citation {
  type: CitationType;
  /** The citation's core text as found (cleaned text). */
  text: string;
  volume?: string;
  /** Canonical reporter abbreviation, e.g. `F.3d`. */
  reporter?: string;
  /** The reporter as written, e.g. `F. 3rd`. */
  reporter_found?: string;
  /** Reporter edition id in data/reporters.json; when several editions fit, the candidates. */
  reporter_id?: string;
  reporter_candidates?: string[];
  page?: string;
  pin_cite?: string;
  year?: number;
  /** Full date when the parenthetical has one (`Jan. 7, 2019` → `2019-01-07`). */
  date?: string;
  /** CourtListener-style court id (`scotus`, `ca6`, `mad`). */
  court?: string;
  /** Court text of the parenthetical as written (`6th Cir.`). */
  court_found?: string;
  plaintiff?: string;
  defendant?: string;
  /** Explanatory parenthetical text without its outer parentheses. */
  parenthetical?: string;
  signal?: string;
  /** [start, end) of the core citation in the cleaned text. */
  span: Span;
  /** The same span in the original input (HTML offsets when the input was HTML). */
  source_span: Span;
  /** From the case name (or signal-free start) to the end of the last parenthetical, cleaned text. */
  full_span: Span;
  /** Parallel-citation group id: citations with the same group are one authority. */
  group?: string;
  /** Short forms and supra: the case name written before them (`Graham` in `Graham, 490 U.S. at 396`). */
  antecedent?: string;
  /** For short forms, id. and supra: index of the full citation they point to. */
  resolves_to?: number;
  /** When a short form could not be resolved, why. */
  unresolved_reason?: string;
  history?: HistoryLink[];
  /** Statutes and regulations: title number, code (`U.S.C.`, `C.F.R.`) and section. */
  title?: string;
  code?: string;
  section?: string;
  /** Rules (`Fed. R. Civ. P.`) and constitutions (`U.S. Const.`): the article/amendment/rule. */
  /** Docket numbers (`18-1287`) and database ids (`2019 WL 1234567`) keep their number here. */
  number?: string;
}

export interface FindOptions {
  /** Treat the input as HTML: strip tags, decode entities, keep offsets into the HTML. */
  html?: boolean;
  /** Resolve short forms, id., supra to full citations (default true). */
  resolve?: boolean;
}
