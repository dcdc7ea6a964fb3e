/**
 * Choosing the reporter edition an abbreviation means. Most abbreviations name one edition; the few that name
 * several (an old and a new series sharing a short form) are told apart by the citation's year, using each
 * edition's date range from data/reporters.json.
 */
import type { ReporterRow } from './data.js';
import type { Citation } from './types.js';

function yearOf(date: string | null | undefined): number | undefined {
  return date ? Number(date.slice(0, 4)) : undefined;
}

export function chooseReporter(cite: Citation, rows: ReporterRow[]): void {
  let fit = rows;
  if (rows.length > 1 && cite.year) {
    const y = cite.year;
    const inRange = rows.filter((r) => (yearOf(r.start) ?? -Infinity) <= y && y <= (yearOf(r.end) ?? Infinity));
    if (inRange.length) fit = inRange;
  }
  const first = fit[0];
  if (!first) return;
  cite.reporter = first.abbreviation;
  cite.reporter_id = first.id;
  const distinct = [...new Set(fit.map((r) => r.id))];
  if (distinct.length > 1) cite.reporter_candidates = distinct;
  if (!cite.court) {
    const courts = new Set(fit.flatMap((r) => r.courts ?? []));
    const only = courts.size === 1 ? [...courts][0] : undefined;
    // Group names such as "federal_appellate" are not courts; only a single real court id is implied.
    if (only && !only.includes('_')) cite.court = only;
  }
}
