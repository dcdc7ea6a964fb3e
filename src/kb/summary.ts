/**
 * Text the store keeps for a knowledge-base decision. The opinion text is clearly's summary, marked as such in
 * its first line, so no reader (or search snippet) mistakes it for the court's words; the history string uses
 * the Bluebook-like clauses the precedent finder already parses ("reversed by X (date); cert. denied ...").
 */
import { getCourt } from '../courts/index.js';
import { factor, outcomeCode } from '../qi/rules/index.js';
import { kbDecision } from './data.js';
import type { KbDecision, KbHistoryEvent, KbRelation } from './types.js';

export const SUMMARY_NOTICE =
  "[Summary from the clearly knowledge base, written by the clearly maintainers from doctrine.md — not the court's text. Not legal advice.]";

/** `700 F.3d 779`, else `No. 18-5102`, else null. */
export function primaryCitation(d: KbDecision): string | null {
  const c = d.citations[0];
  if (c) return `${c.volume} ${c.reporter} ${c.page}`;
  return d.docket_number ? `No. ${d.docket_number}` : null;
}

/** `Campbell v. City of Springboro, 700 F.3d 779 (6th Cir. 2012)`. */
export function fullCitation(d: KbDecision): string {
  const court = d.court === 'scotus' ? '' : `${getCourt(d.court)?.citation ?? d.court} `;
  const cites = d.citations.map((c) => `${c.volume} ${c.reporter} ${c.page}`);
  const where = cites.length ? cites.join(', ') : d.docket_number ? `No. ${d.docket_number}` : 'citation unverified';
  return `${d.case_name}, ${where} (${court}${d.decision_year})`;
}

function relationTarget(r: KbRelation): { name: string; citation: string | null } {
  const t = r.target === undefined ? undefined : kbDecision(r.target);
  if (t) return { name: t.case_name, citation: primaryCitation(t) };
  return { name: r.name ?? 'unknown', citation: r.citation ?? null };
}

const HISTORY_WORDS: Record<KbHistoryEvent['type'], string> = {
  reversed: 'reversed',
  vacated: 'vacated',
  gvr: 'vacated and remanded (GVR)',
  withdrawn: 'withdrawn and replaced',
  superseded: 'superseded',
  modified: 'modified',
  cert_denied: 'cert. denied',
  on_remand: 'decided on remand',
};

function historyClause(h: KbHistoryEvent): string {
  const by = h.by !== undefined ? kbDecision(h.by) : undefined;
  const who = by ? ` by ${fullCitation(by).replace(/ \(.*\)$/, '')}` : h.by_name ? ` by ${h.by_name}` : '';
  const docket = h.docket ? `, No. ${h.docket}` : '';
  const when = h.date ?? (h.not_later_than ? `no later than ${h.not_later_than}` : 'date unverified');
  return `${HISTORY_WORDS[h.type]}${docket}${who} (${when})`;
}

/** The history as one `;`-separated string, or null when there is none. */
export function historyText(d: KbDecision): string | null {
  return d.subsequent_history.length ? d.subsequent_history.map(historyClause).join('; ') : null;
}

/** The summary opinion: notice, citation, holding, facts as coded, outcome, relations, history, sources. */
export function summaryText(d: KbDecision): string {
  const lines = [SUMMARY_NOTICE, fullCitation(d), `Holding (summary): ${d.holding}`];
  const facts = d.factors.map((h) => factor(h.id)?.label ?? h.id);
  if (facts.length) lines.push(`Facts as coded: ${facts.join('; ')}.`);
  if (d.right_text) lines.push(`Right at issue: ${d.right_text}.`);
  const code = d.outcome ? outcomeCode(d.outcome) : undefined;
  const prongs = [d.prong1 && `prong 1 ${d.prong1.replace(/_/g, ' ')}`, d.prong2 && `prong 2 ${d.prong2.replace(/_/g, ' ')}`].filter(Boolean);
  lines.push(`Outcome: ${code ? `${code.code} — ${code.meaning}` : d.outcome_text}${prongs.length ? `; ${prongs.join(', ')}` : ''}.`);
  for (const r of d.relations) {
    const t = relationTarget(r);
    lines.push(`${r.relation.replace(/_/g, ' ')}: ${t.name}${t.citation ? `, ${t.citation}` : ''}${r.note ? ` — ${r.note}` : ''}`);
  }
  const history = historyText(d);
  if (history) lines.push(`Subsequent history: ${history}.`);
  if (d.aliases?.length) lines.push(`Also known as: ${d.aliases.join('; ')}.`);
  for (const f of d.flags) lines.push(`Caveat (${f.field}, ${f.status}): ${f.note}`);
  lines.push(`Source: doctrine.md ${d.doctrine_ref}; ${d.sources.join('; ')}.`);
  return lines.join('\n');
}
