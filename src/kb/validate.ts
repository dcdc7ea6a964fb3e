/**
 * Checks the knowledge base against the rules data and against itself: outcome codes and prong values that fit
 * them (doctrine.md §1.6), factor ids from the taxonomy (§3.4), relations whose targets exist or are marked
 * name-only, history that agrees with the relations, and the verification promise — a row without a verified
 * date or citation says so. Cross-file: every knowledge-base id the rules files name exists, and the row really
 * carries the factor or outcome it is cited for. Returns every problem rather than stopping at the first.
 */
import { getCourt } from '../courts/index.js';
import { allFactors, allOutcomeCodes, distinguishingPairs, factor, outcomeCode, right } from '../qi/rules/index.js';
import type { KbDecision } from './types.js';

export interface KbIssue {
  id: string;
  message: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*-\d{4}[a-z]?$/;
const POSTURES = new Set(['motion_to_dismiss', 'summary_judgment', 'interlocutory_appeal', 'post_trial', 'other']);
const RELATIONS = new Set(['relied_on', 'distinguished', 'general_standard', 'applied', 'reversed', 'vacated', 'gvr_in_light_of',
  'on_remand_from', 'supersedes', 'withdrawn_and_replaced_by', 'modified', 'overruled_in_part', 'discussed']);
const HISTORY = new Set(['reversed', 'vacated', 'gvr', 'withdrawn', 'superseded', 'modified', 'cert_denied', 'on_remand']);
/** A relation that undoes or changes the target must show up in the target's history, and vice versa. */
const MIRRORED: Record<string, string[]> = { reversed: ['reversed'], vacated: ['vacated', 'gvr'], modified: ['modified'] };

function checkRow(d: KbDecision, ids: Set<string>, out: KbIssue[]): void {
  const bad = (message: string): void => { out.push({ id: d.id, message }); };
  if (!SLUG.test(d.id)) bad('id must be a slug ending in the year');
  const court = getCourt(d.court);
  if (!court || (court.level !== 'supreme' && court.level !== 'appellate')) bad(`court "${d.court}" is not the Supreme Court or a court of appeals`);
  if (d.decision_date !== null && (!ISO.test(d.decision_date) || Number(d.decision_date.slice(0, 4)) !== d.decision_year)) bad('decision_date must be ISO and agree with decision_year');
  if (d.decision_date === null && !d.flags.some((f) => f.field === 'decision_date' && f.status === 'unverified')) bad('a null decision_date needs an unverified flag');
  const unverifiedCore = d.flags.some((f) => f.status === 'unverified' && (f.field === 'decision_date' || (f.field === 'citations' && d.citations.length === 0)));
  if (d.verified && d.decision_date === null) bad('verified rows need a decision date');
  if (!d.verified && !unverifiedCore) bad('an unverified row must flag which of date or citation is unverified');
  if (d.citations.length === 0 && !d.docket_number && !d.flags.some((f) => f.field === 'citations' && f.status === 'unverified')) bad('needs a citation or docket number, or a flag saying the citation is unverified');
  for (const c of d.citations) if (!c.volume || !c.reporter || !c.page) bad(`citation ${JSON.stringify(c)} is incomplete`);
  if (d.published !== null && typeof d.published !== 'boolean') bad('published must be true, false or null');
  if (!d.holding.trim() || !d.case_name.trim()) bad('needs a case name and a holding');
  if (d.sources.length === 0) bad('has no source');
  if (typeof d.verified !== 'boolean') bad('verified must be true or false');

  const code = d.outcome === null ? undefined : outcomeCode(d.outcome);
  if (d.outcome !== null && !code) bad(`outcome "${d.outcome}" is not a doctrine.md §1.6 code`);
  if (code && d.prong1 !== null && !code.prong1.includes(d.prong1)) bad(`prong1 "${d.prong1}" does not fit ${code.code}`);
  if (code && d.prong2 !== null && !code.prong2.includes(d.prong2)) bad(`prong2 "${d.prong2}" does not fit ${code.code}`);
  if (d.prong1 === 'violation' && d.prong2 === 'not_reached') bad('a violation needs a prong-2 answer');
  if (d.posture !== null && !POSTURES.has(d.posture)) bad(`posture "${d.posture}" is not a QiCoding posture`);
  if (d.right !== null && !right(d.right)) bad(`right "${d.right}" is not in data/qi/rights.json`);

  const seen = new Set<string>();
  for (const h of d.factors) {
    if (factor(h.id)?.id !== h.id) bad(`factor "${h.id}" is not a taxonomy id`);
    if (seen.has(h.id)) bad(`factor "${h.id}" appears twice`);
    seen.add(h.id);
    if (!h.evidence.trim()) bad(`factor "${h.id}" has no evidence`);
    if (!(h.confidence > 0 && h.confidence <= 1)) bad(`factor "${h.id}" confidence must be in (0, 1]`);
  }
  for (const p of d.parts ?? []) for (const f of p.factors) if (!seen.has(f)) bad(`part "${p.label}" names factor "${f}" the row does not code`);

  for (const r of d.relations) {
    if (!RELATIONS.has(r.relation)) bad(`unknown relation "${r.relation}"`);
    if (r.target !== undefined && !ids.has(r.target)) bad(`relation ${r.relation} → "${r.target}" is not a knowledge-base id`);
    if (r.target === undefined && !r.name?.trim()) bad(`relation ${r.relation} has neither a target nor a name`);
    if (r.target !== undefined && r.name !== undefined) bad(`relation ${r.relation} has both a target and a name`);
    for (const f of r.distinguishing_factors ?? []) if (factor(f)?.id !== f) bad(`distinguishing factor "${f}" is not a taxonomy id`);
  }
  for (const h of d.subsequent_history) {
    if (!HISTORY.has(h.type)) bad(`unknown history type "${h.type}"`);
    if (h.date !== null && !ISO.test(h.date)) bad(`history date "${h.date}" is not ISO`);
    if (h.by !== undefined && !ids.has(h.by)) bad(`history "${h.type}" by "${h.by}" is not a knowledge-base id`);
  }
  for (const f of d.flags) if (!['partial', 'unverified', 'derived'].includes(f.status) || !f.note.trim()) bad(`flag on ${f.field} needs a status and a note`);
}

function checkMirrors(rows: readonly KbDecision[], byId: Map<string, KbDecision>, out: KbIssue[]): void {
  for (const d of rows) {
    for (const r of d.relations) {
      const t = r.target === undefined ? undefined : byId.get(r.target);
      if (!t) continue;
      const types = MIRRORED[r.relation];
      if (types && !t.subsequent_history.some((h) => types.includes(h.type) && h.by === d.id)) {
        out.push({ id: t.id, message: `history lacks "${r.relation} by ${d.id}" that ${d.id} records` });
      }
      if (r.relation === 'withdrawn_and_replaced_by' && !t.relations.some((x) => x.relation === 'supersedes' && x.target === d.id)) {
        out.push({ id: t.id, message: `should record that it supersedes ${d.id}` });
      }
    }
  }
}

/** Ids the rules files cite as examples must exist, and the row must carry what it is cited for. */
function checkRuleExamples(byId: Map<string, KbDecision>, out: KbIssue[]): void {
  for (const f of allFactors()) {
    for (const ex of f.examples) {
      if (ex.kb === undefined) continue;
      const d = byId.get(ex.kb);
      if (!d) out.push({ id: ex.kb, message: `factors.json cites it for ${f.id} but it is not in the knowledge base` });
      else if (!ex.contrast && !ex.standard && !d.factors.some((h) => h.id === f.id)) out.push({ id: d.id, message: `factors.json cites it as an example of ${f.id}, which the row does not code` });
    }
  }
  for (const o of allOutcomeCodes()) {
    for (const ex of o.examples) {
      const d = ex.kb === undefined ? undefined : byId.get(ex.kb);
      if (ex.kb !== undefined && !d) out.push({ id: ex.kb, message: `outcomes.json cites it for ${o.code} but it is not in the knowledge base` });
      const history = o.code === 'GVR' ? 'gvr' : o.code === 'CERT_DENIED' ? 'cert_denied' : undefined;
      if (d && d.outcome !== o.code && !d.subsequent_history.some((h) => h.type === history)) out.push({ id: d.id, message: `outcomes.json cites it for ${o.code}, which neither its outcome nor its history shows` });
    }
  }
  for (const p of distinguishingPairs()) {
    for (const c of p.cases) {
      const d = byId.get(c.case);
      if (!d) { out.push({ id: c.case, message: `pair ${p.id} cites it but it is not in the knowledge base` }); continue; }
      if (c.distinguished !== undefined && !d.relations.some((r) => r.relation === 'distinguished' && r.target === c.distinguished)) out.push({ id: d.id, message: `pair ${p.id} says it distinguished ${c.distinguished}, which the row does not record` });
      if (c.distinguished_name !== undefined && !d.relations.some((r) => r.relation === 'distinguished' && r.name !== undefined && c.distinguished_name!.startsWith(r.name))) out.push({ id: d.id, message: `pair ${p.id} says it distinguished ${c.distinguished_name}, which the row does not record` });
    }
  }
}

export function validateKnowledgeBase(rows: readonly KbDecision[], opts: { crossCheckRules?: boolean } = {}): KbIssue[] {
  const out: KbIssue[] = [];
  const byId = new Map<string, KbDecision>();
  for (const d of rows) {
    if (byId.has(d.id)) out.push({ id: d.id, message: 'duplicate id' });
    byId.set(d.id, d);
  }
  const ids = new Set(byId.keys());
  for (const d of rows) checkRow(d, ids, out);
  checkMirrors(rows, byId, out);
  if (opts.crossCheckRules !== false) checkRuleExamples(byId, out);
  return out;
}
