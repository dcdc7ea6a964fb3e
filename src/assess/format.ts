/** Citation and label formatting shared by the memo's sections. */
import { getCourt } from '../courts/index.js';
import type { RankedPrecedent } from '../precedent/types.js';
import { i, type Run } from './blocks.js';
import type { AuthorityRef } from './types.js';

const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** `2018-11-08` → `Nov. 8, 2018` (Bluebook month abbreviations). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

/**
 * `Name, 700 F.3d 779 (6th Cir. 2012)`; the Supreme Court without a court; a docket-only (unpublished) decision
 * with its full date, as courts cite slip opinions.
 */
export function citeParts(p: Pick<RankedPrecedent, 'case_name' | 'citation' | 'decision_date' | 'court' | 'court_id'>): Run[] {
  const year = p.decision_date?.slice(0, 4) ?? 'n.d.';
  const courtAbbr = p.court_id === 'scotus' ? '' : (p.court_id ? getCourt(p.court_id)?.citation : undefined) ?? p.court ?? '';
  const docketOnly = p.citation?.startsWith('No. ') ?? true;
  const when = docketOnly && p.decision_date ? longDate(p.decision_date) : year;
  const paren = [courtAbbr, when].filter(Boolean).join(' ');
  return [i(p.case_name), { t: `${p.citation ? `, ${p.citation}` : ''} (${paren})` }];
}

export function authorityRuns(a: AuthorityRef): Run[] {
  return a.citation ? [i(a.name), { t: `, ${a.citation} (${a.year})` }] : [i(a.name), { t: ` (${a.year}; not in the store)` }];
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;
