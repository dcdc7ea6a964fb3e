/**
 * findCitations: clean → scan → read names and tails → group parallel citations → link history → resolve.
 */
import { cleanHtml, cleanText, toSourceSpan, type CleanText } from './clean.js';
import { readCaseName } from './case-name.js';
import { readTail, type Tail } from './case-tail.js';
import { matchParens } from './parens.js';
import type { Raw } from './raw.js';
import { chooseReporter } from './reporter-choice.js';
import { resolveCitations } from './resolve.js';
import { antecedentBefore } from './scan-words.js';
import { scan } from './scan.js';
import type { Citation, FindOptions } from './types.js';

export interface FindResult {
  citations: Citation[];
  clean: CleanText;
}

export function findCitations(input: string, options: FindOptions = {}): Citation[] {
  return findWithText(input, options).citations;
}

/** Like findCitations, but also returns the cleaned text the spans refer to. */
export function findWithText(input: string, options: FindOptions = {}): FindResult {
  const clean = options.html ? cleanHtml(input) : cleanText(input);
  const raws = scan(clean.text);
  link(clean.text, raws);
  const citations = raws.map((r) => r.cite);
  for (const c of citations) {
    c.source_span = toSourceSpan(clean, c.span[0], c.span[1]);
  }
  if (options.resolve !== false) resolveCitations(citations);
  return { citations, clean };
}

interface OpenGroup {
  members: Raw[];
  pinEnd: number;
}

function link(text: string, raws: Raw[]): void {
  if (!raws.length) return;
  const starts = new Set(raws.map((r) => r.cite.span[0]));
  const isCiteStart = (pos: number): boolean => starts.has(pos);
  const parens = matchParens(text);
  let floor = 0;
  let groupNo = 0;
  let open: OpenGroup | undefined;
  let history: { from: number; relation: string; found: string; end: number } | undefined;
  raws.forEach((raw, idx) => {
    const cite = raw.cite;
    const linkHistory = (): void => {
      // The later citation starts right after the phrase, or after a case name ("overruled by Doe v. Roe, …").
      if (!history) return;
      const near = (pos: number): boolean => pos >= history!.end && pos <= history!.end + 2;
      if (!near(cite.span[0]) && !near(cite.full_span[0])) return;
      const from = raws[history.from]!.cite;
      (from.history ??= []).push({ relation: history.relation, relation_found: history.found, target: idx });
      (cite.history ??= []).push({ relation: history.relation, relation_found: history.found, source: history.from });
    };
    if (cite.type !== 'case' && cite.type !== 'journal' && cite.type !== 'database' && cite.type !== 'unknown') {
      linkHistory();
      history = undefined;
      if (open) close(open, undefined);
      open = undefined;
      if (cite.type === 'short_case') shortName(text, raw, floor);
      floor = Math.max(floor, cite.full_span[1]);
      return;
    }
    const gap = open ? text.slice(open.pinEnd, cite.span[0]) : '';
    const parallel = open !== undefined && (gap === ', ' || gap === ' , ');
    if (!parallel) {
      if (open) close(open, undefined);
      const name = readCaseName(text, cite.span[0], floor);
      if (name.plaintiff) cite.plaintiff = name.plaintiff;
      if (name.defendant) cite.defendant = name.defendant;
      if (name.signal) cite.signal = name.signal;
      cite.full_span = [name.start, cite.span[1]];
      open = { members: [], pinEnd: 0 };
      groupNo++;
    } else {
      const lead = open!.members[0]!.cite;
      for (const k of ['plaintiff', 'defendant', 'signal'] as const) if (lead[k]) cite[k] = lead[k];
      cite.full_span = [lead.full_span[0], cite.span[1]];
    }
    if (!parallel) linkHistory();
    cite.group = `g${groupNo}`;
    const tail = readTail(text, raw.pageEnd ?? cite.span[1], parens, isCiteStart);
    if (tail.pin) cite.pin_cite = tail.pin;
    open!.members.push(raw);
    open!.pinEnd = tail.pinEnd;
    floor = Math.max(floor, tail.end);
    history = undefined;
    if (tail.closed || tail.parentheticals.length || tail.history || tail.end > tail.pinEnd) {
      close(open!, tail);
      if (tail.history) history = { from: idx - open!.members.length + 1, ...tail.history };
      if (tail.history) floor = Math.max(floor, tail.history.end);
      open = undefined;
    }
  });
  if (open) close(open, undefined);
}

/** Applies the group's closing tail (year, court, parentheticals) to every parallel member. */
function close(group: OpenGroup, tail: Tail | undefined): void {
  const end = tail ? tail.end : group.pinEnd;
  for (const raw of group.members) {
    const cite = raw.cite;
    if (tail?.year) cite.year = tail.year;
    if (tail?.date) cite.date = tail.date;
    if (tail?.courtFound) cite.court_found = tail.courtFound;
    if (tail?.court) cite.court = tail.court;
    if (tail?.parentheticals.length) cite.parenthetical = tail.parentheticals.join('; ');
    cite.full_span = [cite.full_span[0], end];
    if (raw.rows) chooseReporter(cite, raw.rows);
  }
}

function shortName(text: string, raw: Raw, floor: number): void {
  const cite = raw.cite;
  if (raw.rows) chooseReporter(cite, raw.rows);
  if (text.charCodeAt(cite.span[0] - 2) !== 44) return;
  const ante = antecedentBefore(text, cite.span[0] - 2);
  if (!ante || ante.start < floor) return;
  raw.antecedent = ante.name;
  cite.antecedent = ante.name;
  cite.full_span = [ante.start, cite.full_span[1]];
}
