/**
 * Subsequent history: was the decision still good law on the incident date? A decision vacated, reversed or
 * withdrawn before the conduct cannot supply notice; later history is tracked separately (doctrine.md §1.3 step
 * 2.2, e.g. Zadeh 902 F.3d 483 withdrawn and replaced by 928 F.3d 457). Cert denials have no effect (§1.6).
 */
export type HistoryType = 'withdrawn' | 'superseded' | 'vacated' | 'reversed' | 'overruled' | 'cert_denied' | 'affirmed' | 'other';

export interface HistoryEvent {
  type: HistoryType;
  /** ISO date when known. */
  date: string | null;
  /** Year when only the year is known. */
  year: number | null;
  /** When the exact date is unknown but bounded: it happened no later than this (e.g. the replacing opinion's date). */
  not_later_than?: string;
  by: string | null;
  text: string;
}

const NEGATIVE: ReadonlySet<HistoryType> = new Set(['withdrawn', 'superseded', 'vacated', 'reversed', 'overruled']);
export const isNegative = (e: HistoryEvent): boolean => NEGATIVE.has(e.type);

// Order matters: "vacated and remanded" before "remanded"; `rev'd` as courts abbreviate it.
const TYPE_WORDS: [RegExp, HistoryType][] = [
  [/\bwithdrawn\b/i, 'withdrawn'],
  [/\bsupersed(ed|ing)\b/i, 'superseded'],
  [/\b(vacated|vacating|vac'd|gvr)\b/i, 'vacated'],
  [/\b(reversed|rev'd|revd|reversing)\b/i, 'reversed'],
  [/\b(overruled|abrogated)\b/i, 'overruled'],
  [/\bcert(\.|iorari)? denied\b/i, 'cert_denied'],
  [/\b(affirmed|aff'd)\b/i, 'affirmed'],
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** First date in the text: ISO, or `Month D, YYYY` (Bluebook month abbreviations included), or a bare year. */
export function readDate(text: string): { date: string | null; year: number | null } {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return { date: iso[0], year: Number(iso[1]) };
  const md = /\b(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})\b/i.exec(text);
  if (md) {
    const m = MONTHS.indexOf(md[1]!.slice(0, 3).toLowerCase()) + 1;
    return { date: `${md[3]}-${String(m).padStart(2, '0')}-${md[2]!.padStart(2, '0')}`, year: Number(md[3]) };
  }
  const y = /\b(1[89]\d\d|20\d\d)\b/.exec(text);
  return { date: null, year: y ? Number(y[1]) : null };
}

function fromText(text: string): HistoryEvent[] {
  // One event per clause: history strings chain clauses with ";" ("rev'd, 1 U.S. 1 (2021); cert. denied ...").
  return text.split(/;\s*/).flatMap((clause): HistoryEvent[] => {
    const hit = TYPE_WORDS.find(([re]) => re.test(clause));
    if (!hit) return [];
    const { date, year } = readDate(clause);
    const by = /\bby\s+(.+?)(?:\s*\(|$)/i.exec(clause)?.[1]?.trim() ?? null;
    return [{ type: hit[1], date, year, by, text: clause.trim() }];
  });
}

function fromStructured(rows: unknown[]): HistoryEvent[] {
  return rows.flatMap((r): HistoryEvent[] => {
    if (!r || typeof r !== 'object') return [];
    const o = r as Record<string, unknown>;
    const rawType = String(o.type ?? o.relation ?? '').toLowerCase();
    const type = (TYPE_WORDS.find(([re]) => re.test(rawType.replace(/_/g, ' ')))?.[1]) ?? (rawType === 'gvr' ? 'vacated' : 'other');
    const dateText = typeof o.date === 'string' ? o.date : '';
    const { date, year } = readDate(dateText);
    const by = typeof o.by === 'string' ? o.by : null;
    const bound = typeof o.not_later_than === 'string' ? readDate(o.not_later_than).date : null;
    return [{ type, date, year, by, text: [rawType, dateText, by].filter(Boolean).join(' '), ...(bound ? { not_later_than: bound } : {}) }];
  });
}

/** Events from the case record's history text and/or a structured list (doctrine.md §6 `subsequent_history`). */
export function historyEvents(caseHistory: string | null, structured?: unknown): HistoryEvent[] {
  // A structured list (the knowledge base's) says the same as the text with exact bounds: it wins when present.
  if (Array.isArray(structured) && structured.length > 0) return fromStructured(structured);
  const events: HistoryEvent[] = [];
  if (caseHistory) {
    const trimmed = caseHistory.trim();
    if (trimmed.startsWith('[')) {
      try {
        events.push(...fromStructured(JSON.parse(trimmed) as unknown[]));
        return events;
      } catch { /* plain text after all */ }
    }
    events.push(...fromText(trimmed));
  }
  return events;
}

export type Timing = 'before' | 'after' | 'unknown';

/** Whether an event happened strictly before the incident date (year-only dates decide only across years). */
export function timing(e: HistoryEvent, incidentDate: string): Timing {
  if (e.date) return e.date < incidentDate ? 'before' : 'after';
  if (e.not_later_than && e.not_later_than < incidentDate) return 'before';
  if (e.year !== null) {
    const y = Number(incidentDate.slice(0, 4));
    if (e.year < y) return 'before';
    if (e.year > y) return 'after';
  }
  return 'unknown';
}

export function describeEvent(e: HistoryEvent): string {
  const when = e.date ?? (e.not_later_than ? `no later than ${e.not_later_than}` : e.year !== null ? String(e.year) : 'date unknown');
  return `${e.type.replace('_', ' ')} (${when})${e.by ? ` by ${e.by}` : ''}`;
}
