/**
 * Header rows of CourtListener's bulk files (the `COPY` column lists of its bulk-data export). The reader goes by
 * column name, never position, so an export that adds, drops or reorders columns still reads; these lists let
 * the benchmark generator and the tests write files shaped like the real ones, extra columns included.
 */
export const EXPORT_COLUMNS = {
  courts: ['id', 'pacer_court_id', 'pacer_has_rss_feed', 'pacer_rss_entry_types', 'date_last_pacer_contact', 'fjc_court_id',
    'date_modified', 'in_use', 'has_opinion_scraper', 'has_oral_argument_scraper', 'position', 'citation_string', 'short_name',
    'full_name', 'url', 'start_date', 'end_date', 'jurisdiction', 'notes', 'parent_court_id'],
  dockets: ['id', 'date_created', 'date_modified', 'source', 'appeal_from_str', 'assigned_to_str', 'referred_to_str', 'panel_str',
    'date_last_index', 'date_cert_granted', 'date_cert_denied', 'date_argued', 'date_reargued', 'date_reargument_denied',
    'date_filed', 'date_terminated', 'date_last_filing', 'case_name_short', 'case_name', 'case_name_full', 'slug',
    'docket_number', 'docket_number_core', 'pacer_case_id', 'cause', 'nature_of_suit', 'jury_demand', 'jurisdiction_type',
    'appellate_fee_status', 'appellate_case_type_information', 'mdl_status', 'filepath_ia', 'filepath_ia_json',
    'ia_upload_failure_count', 'ia_needs_upload', 'ia_date_first_change', 'view_count', 'date_blocked', 'blocked',
    'appeal_from_id', 'assigned_to_id', 'court_id', 'idb_data_id', 'originating_court_information_id', 'referred_to_id'],
  clusters: ['id', 'date_created', 'date_modified', 'judges', 'date_filed', 'date_filed_is_approximate', 'slug',
    'case_name_short', 'case_name', 'case_name_full', 'scdb_id', 'scdb_decision_direction', 'scdb_votes_majority',
    'scdb_votes_minority', 'source', 'procedural_history', 'attorneys', 'nature_of_suit', 'posture', 'syllabus', 'headnotes',
    'summary', 'disposition', 'history', 'other_dates', 'cross_reference', 'correction', 'citation_count',
    'precedential_status', 'date_blocked', 'blocked', 'filepath_json_harvard', 'docket_id', 'arguments', 'headmatter'],
  opinions: ['id', 'date_created', 'date_modified', 'author_str', 'per_curiam', 'joined_by_str', 'type', 'sha1', 'page_count',
    'download_url', 'local_path', 'plain_text', 'html', 'html_lawbox', 'html_columbia', 'html_anon_2020', 'xml_harvard',
    'html_with_citations', 'extracted_by_ocr', 'author_id', 'cluster_id'],
  citations: ['id', 'volume', 'reporter', 'page', 'type', 'cluster_id'],
  'citation-map': ['id', 'depth', 'cited_opinion_id', 'citing_opinion_id'],
  parentheticals: ['id', 'text', 'score', 'described_opinion_id', 'describing_opinion_id', 'group_id'],
} as const;
