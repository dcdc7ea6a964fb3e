/**
 * Decision dates written in opinion headers: "Decided: April 20, 2010", "Filed June 3, 2013", "Decided Feb. 21,
 * 1956", and the bare date line the First Circuit prints in its slip opinions ("August 26, 2010", or at the top of
 * older ones, "June 9, 1994 [NOT FOR PUBLICATION]").
 */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

/** `Month D, YYYY` with full or abbreviated month names, tolerant of the spacing PDF extraction leaves. */
export const DATE_SOURCE = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})\s*,?\s*(\d{4})`;
const DATE = new RegExp(DATE_SOURCE, 'i');

/** ISO date from the three captured parts, or undefined when they do not form a real date. */
export function isoDate(month: string, day: string, year: string): string | undefined {
  const m = MONTHS[month.toLowerCase()];
  const d = Number(day);
  const y = Number(year);
  if (!m || d < 1 || y < 1700 || y > 2100) return undefined;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1) return undefined; // February 30th and the like
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses one written date (`Feb. 21, 1956`) anywhere in `s`. */
export function parseDate(s: string): string | undefined {
  const m = DATE.exec(s);
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : undefined;
}

export interface FoundDate {
  date: string;
  method: string;
  confidence: number;
}

// Case-sensitive labels: "filed June 3, 2008" in prose is some other filing, "Filed:" in a heading is the opinion's.
// ("Dated", "Entered" and "Issued" are left out: in prose they date letters, orders and other opinions.)
const LABELLED = new RegExp(String.raw`\b(Decided|Filed|Date filed)\s*:?\s*` + DATE_SOURCE, 'gi');
// A date opening the text, as in older First Circuit slip opinions ("January 15, 1993  UNITED STATES COURT…").
const OPENING = new RegExp(String.raw`^\s*` + DATE_SOURCE, 'i');
// A line that is nothing but a date, optionally with a bracketed note such as [NOT FOR PUBLICATION].
const BARE_LINE = new RegExp(String.raw`^[ \t]*` + DATE_SOURCE + String.raw`\.?[ \t]*(?:\[[^\]\n]*\][ \t]*)?$`, 'gim');

// A line that is nothing but "Entered" and a date (case-sensitive, as an order's heading prints it).
const ENTERED_LINE = new RegExp(String.raw`^[ \t]*Entered:?[ \t]+` + DATE_SOURCE + String.raw`\.?[ \t]*$`, 'm');

/** How far into the text a header date may sit (the First Circuit's comes after the list of counsel). */
export const HEADER_CHARS = 8000;

/** The decision date in an opinion's header, labelled dates first, then a bare date line. */
export function findDecisionDate(text: string): FoundDate | undefined {
  const head = text.slice(0, HEADER_CHARS);
  for (const m of head.slice(0, 4000).matchAll(LABELLED)) {
    if (!/^[A-Z]/.test(m[1]!)) continue;
    const label = m[1]!.toLowerCase();
    const date = isoDate(m[2]!, m[3]!, m[4]!);
    if (date) return { date, method: `text: "${label}" date`, confidence: 0.95 };
  }
  const opening = OPENING.exec(head);
  const first = opening ? isoDate(opening[1]!, opening[2]!, opening[3]!) : undefined;
  if (first) return { date: first, method: 'text: date at the head of the opinion', confidence: 0.9 };
  const spaced = letterSpacedOpening(head);
  if (spaced) return { date: spaced, method: 'text: date at the head of the opinion (letter-spaced)', confidence: 0.85 };
  // An order's own "Entered May 31, 1994" line under its title, when nothing above dated the record.
  const entered = ENTERED_LINE.exec(head.slice(0, 4000));
  const enteredDate = entered ? isoDate(entered[1]!, entered[2]!, entered[3]!) : undefined;
  if (enteredDate) return { date: enteredDate, method: 'text: "Entered" line of an order', confidence: 0.85 };
  for (const m of head.matchAll(BARE_LINE)) {
    const date = isoDate(m[1]!, m[2]!, m[3]!);
    if (date) return { date, method: 'text: date line in the caption', confidence: 0.9 };
  }
  return undefined;
}

/** A letter-spaced date opening the text, "F e b r u a r y 1 1 , 1 9 9 3", read with its spaces taken out. */
function letterSpacedOpening(head: string): string | undefined {
  const line = /^\s*(\S(?:[ \t]+\S){7,})[ \t]*(?:\n|$)/.exec(head)?.[1];
  if (!line || /\S\S/.test(line)) return undefined;
  const m = /^([A-Za-z]+?)\.?(\d{1,2}),(\d{4})$/.exec(line.replace(/[ \t]/g, ''));
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : undefined;
}
