/**
 * What follows a full case citation: pin cites, the court-and-date parenthetical, explanatory parentheticals,
 * and subsequent history (`aff'd`, `cert. denied`, ...).
 */
import { courtFromCitationString } from '../courts/index.js';
import { citationForms } from './data.js';
import { readLeadPins } from './pin.js';
import { stickyAt } from './scan-util.js';

export interface Tail {
  pin?: string;
  /** Just past the pins (where a parallel citation would start after ", "). */
  pinEnd: number;
  year?: number;
  date?: string;
  court?: string;
  courtFound?: string;
  parentheticals: string[];
  /** Just past the last parenthetical. */
  end: number;
  history?: { relation: string; found: string; end: number };
  /** True when the parenthetical had a year: the authority's parallel group ends here. */
  closed: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

// "(6th Cir. 2012)", "(D. Mass. 1999)", "(1989)", "(Jan. 7, 2019)", "(2d Cir.1997)", "(9th Cir. 2003) (en banc)".
const DATE_PAREN = /^(.{0,60}?)\s?(?:(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}),? )?(1[6-9]\d\d|20\d\d)(?:[-–/]\d{2,4})?$/;

export function readTail(
  text: string, pageEnd: number, parens: Map<number, number>, isCiteStart: (pos: number) => boolean,
): Tail {
  const tail: Tail = { pinEnd: pageEnd, parentheticals: [], end: pageEnd, closed: false };
  const pins = readLeadPins(text, pageEnd, isCiteStart);
  if (pins) {
    tail.pin = pins.pin;
    tail.pinEnd = tail.end = pins.end;
  }
  let j = tail.pinEnd;
  for (let n = 0; n < 6; n++) {
    const open = text.charCodeAt(j) === 40 ? j : text.charCodeAt(j) === 32 && text.charCodeAt(j + 1) === 40 ? j + 1 : -1;
    if (open < 0) break;
    const close = parens.get(open);
    if (close === undefined) break;
    const content = text.slice(open + 1, close);
    const date = !tail.closed && content.length <= 90 ? DATE_PAREN.exec(content) : null;
    if (date && !/^(?:holding|finding|noting|citing|quoting|explaining|stating|concluding)\b/i.test(content)) {
      applyDate(tail, date);
    } else {
      tail.parentheticals.push(content);
    }
    j = tail.end = close + 1;
  }
  const hist = readHistory(text, tail.end);
  if (hist) tail.history = hist;
  return tail;
}

function applyDate(tail: Tail, m: RegExpExecArray): void {
  tail.closed = true;
  tail.year = Number(m[4]);
  if (m[2] && m[3]) {
    const month = MONTHS[m[2].toLowerCase().slice(0, m[2].length >= 4 && m[2].toLowerCase().startsWith('sept') ? 4 : 3)];
    if (month) tail.date = `${m[4]}-${String(month).padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  }
  const courtText = m[1]!.trim().replace(/,$/, '');
  if (courtText) {
    tail.courtFound = courtText;
    const court = courtFromCitationString(courtText);
    if (court) tail.court = court.id;
  }
}

let historyRe: RegExp | undefined;
let relationOf: Map<string, string> | undefined;

function historyPattern(): RegExp {
  if (historyRe) return historyRe;
  const rows = citationForms().history;
  relationOf = new Map(rows.map((r) => [r.phrase.toLowerCase(), r.relation]));
  const alts = rows
    .map((r) => r.phrase)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "'"));
  // ", aff'd", "; rev'd on other grounds,", ", cert. denied," ", aff'd sub nom. X v. Y," — bounded name length.
  historyRe = new RegExp(
    `[,;]? (?:and )?(${alts.join('|')})(?: in part| on other grounds| as moot| en banc)?(?: sub nom\\.? [^,;()]{1,150}, |(?: by)?,? )`,
    'iy',
  );
  return historyRe;
}

function readHistory(text: string, at: number): Tail['history'] {
  const m = stickyAt(historyPattern(), text, at);
  if (!m) return undefined;
  const relation = relationOf!.get(m[1]!.toLowerCase()) ?? m[1]!.toLowerCase();
  return { relation, found: m[1]!, end: at + m[0].length };
}
