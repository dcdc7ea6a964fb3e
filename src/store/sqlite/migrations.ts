/**
 * The SQLite schema, as an append-only list: version N is `MIGRATIONS[N - 1]`. Never edit a released entry —
 * files in users' hands were built from it; add a new one instead.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: corpus, citation graph, full-text index, QI codings, import bookkeeping.
  `
  -- seq is an explicit INTEGER PRIMARY KEY, not the implicit rowid, because VACUUM may renumber implicit rowids
  -- and both cursors and the FTS index (opinions) depend on these numbers staying put.
  CREATE TABLE cases (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    case_name TEXT NOT NULL,
    case_name_short TEXT,
    court_id TEXT,
    circuit TEXT,
    decision_date TEXT,
    docket_number TEXT,
    precedential_status TEXT NOT NULL,
    citations TEXT NOT NULL,          -- JSON CaseCitation[]: the record is read back from one row
    disposition TEXT,
    subsequent_history TEXT,
    inferred TEXT NOT NULL,           -- JSON field -> Inference
    source_url TEXT,
    content_hash TEXT NOT NULL,       -- lets a re-import detect "unchanged" without comparing every column
    UNIQUE (source, source_id)
  );
  CREATE INDEX cases_court_date ON cases (court_id, decision_date);
  CREATE INDEX cases_circuit_date ON cases (circuit, decision_date);
  CREATE INDEX cases_docket ON cases (docket_number); -- payouts are linked to cases by docket number

  -- The lookup side of cases.citations: one row per parallel cite, keyed the way citations are looked up.
  CREATE TABLE case_citations (
    reporter_key TEXT NOT NULL,
    volume TEXT NOT NULL,
    page TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    PRIMARY KEY (reporter_key, volume, page, case_id)
  ) WITHOUT ROWID;
  CREATE INDEX case_citations_case ON case_citations (case_id);

  CREATE TABLE opinions (
    seq INTEGER PRIMARY KEY,          -- the FTS rowid
    id TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    source_id TEXT NOT NULL,
    type TEXT NOT NULL,
    author TEXT,
    text TEXT NOT NULL,
    html TEXT,
    sha1 TEXT NOT NULL,
    links_hash TEXT                   -- hash of the last links written, so identical re-imports write nothing
  );
  CREATE INDEX opinions_case ON opinions (case_id, ordinal);

  -- External-content FTS5 over this view. Why external content: opinion text is ~25 GB at full scale, so a
  -- normal FTS table would store it twice; a contentless table cannot produce snippet(), which needs the text.
  -- Why a view: the case name lives on cases, and duplicating it into every opinion row is what we avoid.
  -- The price of external content is that deleting an index entry needs the exact indexed values; the writer
  -- therefore removes a case's entries (read from this view) before changing its rows and re-adds them after.
  -- porter stemming matches PostgreSQL's 'english' configuration, so both stores find the same documents.
  CREATE VIEW opinion_search AS
    SELECT o.seq AS seq, c.case_name AS case_name, o.text AS text
    FROM opinions o JOIN cases c ON c.id = o.case_id;
  CREATE VIRTUAL TABLE opinion_fts USING fts5 (
    case_name, text,
    content = 'opinion_search', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
  );

  CREATE TABLE citation_links (
    seq INTEGER PRIMARY KEY,
    citing_opinion_id TEXT NOT NULL REFERENCES opinions (id) ON DELETE CASCADE,
    cited_case_id TEXT REFERENCES cases (id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    volume TEXT,
    reporter TEXT,
    reporter_key TEXT,
    page TEXT,
    pin_cite TEXT,
    parenthetical TEXT,
    signal TEXT,
    span_start INTEGER,
    span_end INTEGER,
    treatment TEXT NOT NULL,          -- JSON string[]
    depth INTEGER NOT NULL,
    unresolved_reason TEXT,
    origin TEXT NOT NULL
  );
  CREATE INDEX links_citing ON citation_links (citing_opinion_id);
  CREATE INDEX links_cited ON citation_links (cited_case_id, seq);
  -- Unresolved links waiting for their case to be imported (see NOT_IN_CORPUS).
  CREATE INDEX links_unresolved ON citation_links (reporter_key, volume, page) WHERE cited_case_id IS NULL;

  -- One row per coder: a machine re-coding can only ever replace the machine row.
  CREATE TABLE qi_codings (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    coder TEXT NOT NULL CHECK (coder IN ('machine', 'human')),
    coding TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (case_id, coder)
  ) WITHOUT ROWID;

  CREATE TABLE import_checkpoints (
    import_key TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE rejects (
    seq INTEGER PRIMARY KEY,
    import_key TEXT NOT NULL,
    reject_key TEXT NOT NULL UNIQUE,  -- hash of the reject, so a re-run does not list it twice
    file TEXT,
    line INTEGER,
    record_id TEXT,
    reason TEXT NOT NULL,
    excerpt TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX rejects_import ON rejects (import_key, seq);
  `,
  // 2: the payouts ledger (issue 6). Columns are src/store/payout-records.ts PAYOUT_COLUMNS; JSON lists as TEXT.
  `
  -- Upsert key (source_file, source_sheet, source_line): the file's base name and the row, so re-importing a file
  -- changes nothing. source_sheet is '' for CSV so the UNIQUE constraint sees one value, not NULLs.
  CREATE TABLE payouts (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    import_key TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_sheet TEXT NOT NULL DEFAULT '',
    source_line INTEGER NOT NULL,
    source_row_id TEXT NOT NULL,
    source_format TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    city TEXT,
    state TEXT,
    agency TEXT,
    payer_type TEXT NOT NULL,
    payer_name TEXT NOT NULL,
    payer_raw TEXT,
    payer_basis TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,   -- exact integer cents (never REAL)
    amount_field TEXT NOT NULL,
    amount_raw TEXT NOT NULL,
    amount_rounded INTEGER,
    other_expenses_cents INTEGER,
    total_incurred_cents INTEGER,
    incident_date TEXT,
    filed_date TEXT,
    closed_date TEXT,
    paid_date TEXT,
    unparsed TEXT,
    claims_made_year INTEGER,
    year_paid INTEGER,
    allegation_text TEXT,
    allegation_categories TEXT NOT NULL,
    outcome TEXT,
    matter_name TEXT,
    court TEXT,
    plaintiff_names TEXT NOT NULL,
    docket_number TEXT,
    docket_key TEXT,
    claim_number TEXT,
    officer_names TEXT NOT NULL,
    defendant_text TEXT,
    caveat_ids TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    UNIQUE (source_file, source_sheet, source_line)
  );
  CREATE INDEX payouts_docket ON payouts (docket_key) WHERE docket_key IS NOT NULL;
  CREATE INDEX payouts_city ON payouts (city);

  -- Officer-roster rows (FiveThirtyEight *_police_edited.csv): names by docket, not payments.
  CREATE TABLE payout_officer_rows (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    import_key TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_line INTEGER NOT NULL,
    jurisdiction TEXT NOT NULL,
    docket_number TEXT,
    docket_key TEXT,
    officer_names TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    UNIQUE (source_file, source_line)
  );

  -- Payout → case by docket number; rebuilt whole by each linking run (src/payouts/link.ts).
  CREATE TABLE payout_case_links (
    payout_id TEXT NOT NULL REFERENCES payouts (id) ON DELETE CASCADE,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    docket_key TEXT NOT NULL,
    PRIMARY KEY (payout_id, case_id)
  ) WITHOUT ROWID;
  CREATE INDEX payout_case_links_case ON payout_case_links (case_id);
  `,
  // 3: QI filters for search and case listing (CaseFilter decides_qi / qi_outcomes / factors). The coding that
  // counts (human over machine) is kept in two small indexed tables, maintained by putQiCoding (src/store/sqlite/
  // qi.ts, the same expressions as this backfill), so a filter is an index lookup rather than JSON parsing.
  `
  CREATE TABLE qi_effective (
    case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    decides_qi INTEGER NOT NULL,      -- 1 when the coding says decides_qi: true
    outcome TEXT                      -- doctrine.md §1.6 code, or NULL
  ) WITHOUT ROWID;
  CREATE INDEX qi_effective_outcome ON qi_effective (outcome);
  CREATE INDEX qi_effective_decides ON qi_effective (decides_qi);
  CREATE TABLE qi_effective_factors (
    factor TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, factor)
  ) WITHOUT ROWID;
  CREATE INDEX qi_effective_factors_factor ON qi_effective_factors (factor, case_id);

  INSERT INTO qi_effective (case_id, decides_qi, outcome)
    SELECT q.case_id, coalesce(json_type(q.coding, '$.decides_qi') = 'true', 0),
           CASE WHEN json_type(q.coding, '$.outcome') = 'text' THEN json_extract(q.coding, '$.outcome') END
    FROM qi_codings q
    WHERE q.coder = 'human' OR NOT EXISTS (SELECT 1 FROM qi_codings h WHERE h.case_id = q.case_id AND h.coder = 'human');
  INSERT OR IGNORE INTO qi_effective_factors (factor, case_id)
    SELECT json_extract(f.value, '$.id'), q.case_id
    FROM qi_codings q, json_each(q.coding, '$.factors') f
    WHERE (q.coder = 'human' OR NOT EXISTS (SELECT 1 FROM qi_codings h WHERE h.case_id = q.case_id AND h.coder = 'human'))
      AND json_type(q.coding, '$.factors') = 'array' AND f.type = 'object' AND json_type(f.value, '$.id') = 'text';
  `,
  // 4: what a search filters on, one small row per opinion (src/store/sqlite/search.ts). Testing a case filter on
  // a match meant reading the opinion's row — about a page each, the text being stored inline — and seeking its
  // case by text id: at 1M opinions (34 GB) that was most of a filtered search's time. The columns are named as on
  // `cases`, so caseFilterSql's WHERE terms apply to this table as `c`; `id` is the case's id. Triggers keep it
  // equal to opinions JOIN cases (the writers need not know it exists).
  `
  CREATE TABLE opinion_facets (
    seq INTEGER PRIMARY KEY,          -- opinions.seq, the FTS rowid
    id TEXT NOT NULL,                 -- cases.id of the opinion's case
    court_id TEXT,
    circuit TEXT,
    decision_date TEXT,
    precedential_status TEXT NOT NULL
  );
  -- Cases read in their stored order, opinions found by the small (case_id, ordinal) index, never through the
  -- opinions' own rows (about a page each, the text being inline): 3.6 s for a store of 1M opinions (34 GB).
  INSERT INTO opinion_facets (seq, id, court_id, circuit, decision_date, precedential_status)
    SELECT o.seq, c.id, c.court_id, c.circuit, c.decision_date, c.precedential_status
    FROM cases c CROSS JOIN opinions o INDEXED BY opinions_case ON o.case_id = c.id ORDER BY o.seq;

  CREATE TRIGGER opinion_facets_insert AFTER INSERT ON opinions BEGIN
    INSERT OR REPLACE INTO opinion_facets (seq, id, court_id, circuit, decision_date, precedential_status)
      SELECT NEW.seq, c.id, c.court_id, c.circuit, c.decision_date, c.precedential_status FROM cases c WHERE c.id = NEW.case_id;
  END;
  -- An upsert sets every column, so the UPDATE triggers fire on each re-import: WHEN leaves out the unchanged rows.
  CREATE TRIGGER opinion_facets_move AFTER UPDATE OF seq, case_id ON opinions
  WHEN OLD.seq IS NOT NEW.seq OR OLD.case_id IS NOT NEW.case_id BEGIN
    DELETE FROM opinion_facets WHERE seq = OLD.seq;
    INSERT OR REPLACE INTO opinion_facets (seq, id, court_id, circuit, decision_date, precedential_status)
      SELECT NEW.seq, c.id, c.court_id, c.circuit, c.decision_date, c.precedential_status FROM cases c WHERE c.id = NEW.case_id;
  END;
  CREATE TRIGGER opinion_facets_delete AFTER DELETE ON opinions BEGIN
    DELETE FROM opinion_facets WHERE seq = OLD.seq;
  END;
  CREATE TRIGGER opinion_facets_case AFTER UPDATE OF id, court_id, circuit, decision_date, precedential_status ON cases
  WHEN OLD.id IS NOT NEW.id OR OLD.court_id IS NOT NEW.court_id OR OLD.circuit IS NOT NEW.circuit
    OR OLD.decision_date IS NOT NEW.decision_date OR OLD.precedential_status IS NOT NEW.precedential_status BEGIN
    UPDATE opinion_facets SET id = NEW.id, court_id = NEW.court_id, circuit = NEW.circuit,
      decision_date = NEW.decision_date, precedential_status = NEW.precedential_status
    WHERE seq IN (SELECT seq FROM opinions WHERE case_id = NEW.id);
  END;
  `,
  // 5: source-supplied links waiting for the record they name (issue 3). A supplied link whose cited opinion or
  // case is not stored yet keeps that record's id in cited_ref (CitationLinkInput.cited_ref); writing the record
  // binds it (write-cases.ts bindWaitingSupplied), whatever the order of the input or of the imports. Only
  // waiting rows are indexed: a handful per batch at most, against millions of links. Links written before this
  // migration have no cited_ref: they get one when their opinion's links are written again (a re-import).
  `
  ALTER TABLE citation_links ADD COLUMN cited_ref TEXT;
  CREATE INDEX links_waiting_ref ON citation_links (cited_ref) WHERE cited_case_id IS NULL AND cited_ref IS NOT NULL;
  `,
  // 6: word postings for ranking without FTS5's pass over every match (src/store/sqlite/postings.ts): for each
  // word held by at least 1% of the opinions, every opinion holding it and how often, and each opinion's length;
  // any later change to what the index holds leaves them unused until rebuilt.
  // Filled by buildPostings after an import; empty until then.
  `
  CREATE TABLE word_postings (
    word TEXT PRIMARY KEY,            -- an index token (stemmed, folded), as opinion_fts holds it
    opinions INTEGER NOT NULL,        -- how many opinions hold it
    postings BLOB NOT NULL            -- per opinion, seq ascending: seq delta, count in case name, count in text (varints)
  ) WITHOUT ROWID;
  CREATE TABLE word_postings_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    built TEXT NOT NULL,              -- a new token per build, so a connection never mixes two builds' postings
    structure BLOB NOT NULL,          -- opinion_fts_data's record 10 when built
    lengths BLOB NOT NULL             -- tokens per opinion (case name and text), 4 bytes each, indexed by seq
  );
  -- Whatever changes what opinion_fts holds (an opinion's text or case, a case's name) ends the postings' use until
  -- the next build: the state row goes, and searches rank with FTS5.
  CREATE TRIGGER word_postings_opinion_insert AFTER INSERT ON opinions BEGIN DELETE FROM word_postings_state; END;
  CREATE TRIGGER word_postings_opinion_delete AFTER DELETE ON opinions BEGIN DELETE FROM word_postings_state; END;
  CREATE TRIGGER word_postings_opinion_update AFTER UPDATE OF seq, case_id, text ON opinions
  WHEN OLD.seq IS NOT NEW.seq OR OLD.case_id IS NOT NEW.case_id OR OLD.text IS NOT NEW.text BEGIN
    DELETE FROM word_postings_state;
  END;
  CREATE TRIGGER word_postings_case_name AFTER UPDATE OF case_name ON cases WHEN OLD.case_name IS NOT NEW.case_name BEGIN
    DELETE FROM word_postings_state;
  END;
  `,
  // 7: word postings stay in use after small changes (src/store/sqlite/postings-delta.ts). Instead of ending them,
  // a change to what opinion_fts holds notes the opinions it touches; searches subtract those from the stored
  // postings and add what they hold now. Only while there are postings: a first import pays nothing.
  `
  CREATE TABLE word_postings_changed (seq INTEGER PRIMARY KEY);
  DROP TRIGGER word_postings_opinion_insert;
  DROP TRIGGER word_postings_opinion_delete;
  DROP TRIGGER word_postings_opinion_update;
  DROP TRIGGER word_postings_case_name;
  -- NOT EXISTS rather than INSERT OR IGNORE: an outer statement's conflict clause (an upsert's) overrides a
  -- trigger's own.
  CREATE TRIGGER word_postings_opinion_insert AFTER INSERT ON opinions WHEN EXISTS (SELECT 1 FROM word_postings_state) BEGIN
    INSERT INTO word_postings_changed (seq) SELECT NEW.seq WHERE NOT EXISTS (SELECT 1 FROM word_postings_changed WHERE seq = NEW.seq);
  END;
  CREATE TRIGGER word_postings_opinion_delete AFTER DELETE ON opinions WHEN EXISTS (SELECT 1 FROM word_postings_state) BEGIN
    INSERT INTO word_postings_changed (seq) SELECT OLD.seq WHERE NOT EXISTS (SELECT 1 FROM word_postings_changed WHERE seq = OLD.seq);
  END;
  CREATE TRIGGER word_postings_opinion_update AFTER UPDATE OF seq, case_id, text ON opinions
  WHEN (OLD.seq IS NOT NEW.seq OR OLD.case_id IS NOT NEW.case_id OR OLD.text IS NOT NEW.text)
    AND EXISTS (SELECT 1 FROM word_postings_state) BEGIN
    INSERT INTO word_postings_changed (seq) SELECT OLD.seq WHERE NOT EXISTS (SELECT 1 FROM word_postings_changed WHERE seq = OLD.seq);
    INSERT INTO word_postings_changed (seq) SELECT NEW.seq WHERE NOT EXISTS (SELECT 1 FROM word_postings_changed WHERE seq = NEW.seq);
  END;
  CREATE TRIGGER word_postings_case_name AFTER UPDATE OF case_name ON cases
  WHEN OLD.case_name IS NOT NEW.case_name AND EXISTS (SELECT 1 FROM word_postings_state) BEGIN
    INSERT INTO word_postings_changed (seq) SELECT o.seq FROM opinions o
    WHERE o.case_id = NEW.id AND NOT EXISTS (SELECT 1 FROM word_postings_changed w WHERE w.seq = o.seq);
  END;
  `,
];
