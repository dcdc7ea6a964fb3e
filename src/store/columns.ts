/** Column lists both store implementations select with (same schema names in SQLite and PostgreSQL). */
export const OPINION_COLUMNS = 'o.id, o.case_id, o.type, o.author, o.text, o.html, o.source_id, o.sha1';

export const LINK_COLUMNS = `l.seq AS link_seq, l.citing_opinion_id, l.cited_case_id, l.text AS link_text, l.volume,
  l.reporter, l.page, l.pin_cite, l.parenthetical, l.signal, l.span_start, l.span_end, l.treatment, l.depth,
  l.unresolved_reason, l.origin, l.cited_ref`;

/** A link's `cited_ref` as read: present only while the link waits for the record it names (unresolved). */
export const waitingRef = (r: { cited_case_id: string | null; cited_ref: string | null }): { cited_ref?: string } =>
  (r.cited_case_id === null && r.cited_ref !== null ? { cited_ref: r.cited_ref } : {});
