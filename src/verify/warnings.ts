/**
 * Qualified-immunity warnings for a cited case, given (optionally) the incident date and circuit: the same
 * rules the precedent finder applies (doctrine.md §1.3 step 2.2, §1.4, §1.5, §2.1), phrased for a brief check.
 */
import type { QiCoding } from '../qi/types.js';
import { structuredHistory } from '../precedent/eligibility.js';
import { describeEvent, historyEvents, isNegative, timing } from '../precedent/history.js';
import { circuitLabel, courtStanding } from '../precedent/standing.js';
import type { CaseRecord } from '../store/index.js';

export type WarningCode =
  | 'after_incident' | 'recent' | 'unpublished' | 'out_of_circuit' | 'district_court' | 'state_court'
  | 'reversed_or_vacated' | 'later_history' | 'prong1_not_reached' | 'no_violation' | 'name_mismatch' | 'year_mismatch';

export interface Warning {
  code: WarningCode;
  message: string;
}

export interface IncidentContext {
  date?: string;
  circuit?: string;
  state?: string | null;
  recentDays?: number;
}

const DAY_MS = 86_400_000;

export function qiWarnings(c: CaseRecord, coding: QiCoding | null, ctx: IncidentContext): Warning[] {
  const out: Warning[] = [];
  if (ctx.date && c.decision_date) {
    if (c.decision_date >= ctx.date) out.push({ code: 'after_incident', message: `decided ${c.decision_date}, not before the incident (${ctx.date}): it cannot show the law was clearly established then` });
    else {
      const days = Math.round((Date.parse(ctx.date) - Date.parse(c.decision_date)) / DAY_MS);
      if (days <= (ctx.recentDays ?? 60)) out.push({ code: 'recent', message: `decided only ${days} days before the incident: notice is contestable` });
    }
  }
  const standing = courtStanding(c, { circuit: ctx.circuit ?? '', state: ctx.state ?? null });
  if (standing !== 'supreme_court' && c.precedential_status !== 'published' && c.precedential_status !== 'unknown') {
    out.push({ code: 'unpublished', message: `${c.precedential_status} opinion: generally cannot clearly establish law` });
  }
  if (standing === 'district_court') out.push({ code: 'district_court', message: 'district-court opinion: cannot clearly establish law' });
  if (ctx.circuit && standing === 'other_circuit') {
    out.push({ code: 'out_of_circuit', message: `out of circuit (${c.circuit ? circuitLabel(c.circuit) : 'another circuit'}; incident in the ${circuitLabel(ctx.circuit)}): persuasive at most, toward a consensus` });
  }
  if (ctx.circuit && standing === 'state_court') out.push({ code: 'state_court', message: 'state court other than the highest court of the incident’s state' });
  for (const e of historyEvents(c.subsequent_history, structuredHistory(coding)).filter(isNegative)) {
    const t = ctx.date ? timing(e, ctx.date) : 'unknown';
    if (t === 'after') out.push({ code: 'later_history', message: `${describeEvent(e)}, after the incident` });
    else out.push({ code: 'reversed_or_vacated', message: `${describeEvent(e)}${t === 'before' ? ', before the incident' : ''}` });
  }
  if (coding?.prong1 === 'not_reached') {
    out.push({ code: 'prong1_not_reached', message: 'a qualified-immunity decision that did not reach prong 1: it establishes nothing about whether the conduct was unconstitutional' });
  } else if (coding?.prong1 === 'no_violation') {
    out.push({ code: 'no_violation', message: 'held that the conduct did not violate the Constitution' });
  }
  return out;
}

const words = (s: string): Set<string> => new Set((s.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !['the', 'and', 'city', 'county', 'state', 'united', 'states', 'inc', 'dep'].includes(w)));

/** The brief's case name shares no word with the case the citation points to: wrong or invented citation. */
export function nameMismatch(written: string | null, stored: string): Warning | null {
  if (!written) return null;
  const w = words(written);
  if (w.size === 0) return null;
  const s = words(stored);
  for (const x of w) if (s.has(x)) return null;
  return { code: 'name_mismatch', message: `the brief names "${written}", but this citation is ${stored} — check for a wrong or invented citation` };
}

export function yearMismatch(year: number | undefined, decided: string | null): Warning | null {
  if (!year || !decided) return null;
  const y = Number(decided.slice(0, 4));
  return Math.abs(y - year) > 1 ? { code: 'year_mismatch', message: `the brief gives ${year}; the case was decided ${decided}` } : null;
}
