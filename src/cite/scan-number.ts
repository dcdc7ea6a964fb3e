/**
 * Citations that start with a number: `490 U.S. 386`, `490 U.S. at 396`, `42 U.S.C. § 1983`, `2019 WL 1234567`,
 * `2019 U.S. App. LEXIS 12345`, `2019-Ohio-1234`, `100 Harv. L. Rev. 1`.
 */
import type { Form } from './forms.js';
import { getTries } from './forms.js';
import { makeCite, type Raw } from './raw.js';
import { isLetter, stickyAt } from './scan-util.js';
import { readSections } from './scan-statute.js';
import type { ReporterRow } from './data.js';

const PAGE = /(\d{1,7}|_{1,12}|-{2,3})(?![0-9A-Za-z])/y;
// A slip-opinion citation printed with no page at all: "503 U.S. , 112 S. Ct. 1146" or "590 U.S. (2020)".
const BLANK_PAGE = /(?= ?, \d{1,4} [A-Z]| \((?:[^()]{0,40} )?(?:1[6-9]|20)\d\d\))/y;
const SHORT_AT = /,? at (\*{0,2}\d{1,6})/y;
const NOMINATIVE = / \((\d{1,3}) ([A-Z][A-Za-z.]{1,8})\)/y;
const OTHER_LEXIS = / ((?:[A-Z][A-Za-z.']{0,12} ){1,4})LEXIS (\d{1,7})(?![0-9A-Za-z])/y;
// A citation-shaped string whose reporter is not in the data ("123 Fake Rptr. 456 (2d Cir. 2019)"): reported as
// `unknown` so a brief checker can flag a possibly invented reporter. Abbreviation words (after the first, a
// series such as `6th` too: `F.6th`, `So. 5th`), and a court/year parenthetical, after an optional pin, must
// follow, which keeps ordinary prose out. A known reporter with an unknown series (`F.6th`) lands here too.
const UNKNOWN = / ((?:[A-Z][A-Za-z'&]{0,12}\. ?|[A-Z][a-z]{0,3}\d?[a-z]{0,2} )(?:[A-Z][A-Za-z'&]{0,12}\. ?|[A-Z][a-z]{0,3}\d?[a-z]{0,2} |\d{1,2}(?:st|nd|rd|th|d)\.? ?){0,4})(\d{1,5})(?=(?:, \d{1,5})? \((?:[^()]{0,40} )?(?:1[6-9]|20)\d\d\))/y;
const HYPHEN_NEUTRAL = /-(Ohio|NMSC|NMCA)-(\d{1,7})(?![0-9A-Za-z])/y;

/** Tries every citation form that starts with the number at [i, k). */
export function scanNumber(text: string, i: number, k: number, out: Raw[]): number {
  const len = k - i;
  if (len > 5) return k;
  const next = text.charCodeAt(k);
  if (next === 45 && len === 4) return neutralHyphenated(text, i, k, out);
  if (next !== 32) return k;
  const p = k + 1;
  const c = text.charCodeAt(p);
  if (!isLetter(c)) return k;
  const matches = getTries().afterNumber.matchAt(text, p);
  for (const m of matches) {
    const end = tryForms(text, i, k, m.end, m.entries.map((e) => e.value), out);
    if (end > 0) return end;
  }
  const unk = stickyAt(UNKNOWN, text, k);
  if (unk && unk[1]!.includes('.')) {
    const end = k + unk[0].length;
    // Law reviews not in the data still have the unmistakable shape of one (Bluebook T13 abbreviations).
    const journal = /(?:L\. ?Rev\.|L\. ?J\.|\bJ\.|Legal F\.|L\. ?Rep\.|REV\.)$/.test(unk[1]!.trim());
    const cite = makeCite(journal ? 'journal' : 'unknown', text, i, end);
    Object.assign(cite, { volume: text.slice(i, k), reporter_found: unk[1]!.trim(), page: unk[2] });
    out.push({ cite, pageEnd: end });
    return end;
  }
  if (len === 4) {
    const lex = stickyAt(OTHER_LEXIS, text, k);
    if (lex) {
      const cite = makeCite('database', text, i, k + lex[0].length);
      cite.volume = text.slice(i, k);
      cite.year = Number(cite.volume);
      cite.reporter = `${lex[1]}LEXIS`;
      cite.reporter_found = cite.reporter;
      cite.page = cite.number = lex[2]!;
      out.push({ cite });
      return cite.span[1];
    }
  }
  return k;
}

function tryForms(text: string, i: number, k: number, abbrEnd: number, forms: Form[], out: Raw[]): number {
  const reporters = forms.filter((f): f is Extract<Form, { kind: 'reporter' }> => f.kind === 'reporter');
  const code = forms.find((f) => f.kind === 'code');
  const db = forms.find((f) => f.kind === 'database');
  const volume = text.slice(i, k);
  const found = text.slice(k + 1, abbrEnd);
  if (code && code.kind === 'code') {
    if (code.row.page_cited) {
      const pg = stickyAt(/ (\d{1,6})(?![0-9A-Za-z])/y, text, abbrEnd);
      if (pg) {
        const cite = makeCite(code.row.type, text, i, abbrEnd + pg[0].length);
        Object.assign(cite, { title: volume, code: code.row.abbreviation, section: pg[1], volume, page: pg[1] });
        out.push({ cite });
        return cite.span[1];
      }
    } else {
      const end = readSections(text, abbrEnd, volume, code.row.canonical ?? code.row.abbreviation, code.row.type, i, out);
      if (end > 0) return end;
    }
  }
  if (db && db.kind === 'database') {
    const pg = stickyAt(/ (\d{1,9})(?![0-9A-Za-z])/y, text, abbrEnd);
    if (pg) {
      const cite = makeCite('database', text, i, abbrEnd + pg[0].length);
      Object.assign(cite, { volume, reporter: db.row.abbreviation, reporter_found: found, page: pg[1], number: pg[1] });
      if (k - i === 4) cite.year = Number(volume);
      out.push({ cite });
      return cite.span[1];
    }
  }
  if (reporters.length === 0) return -1;
  const rows = reporters.map((r) => r.row);
  let pageAt = abbrEnd;
  const nom = stickyAt(NOMINATIVE, text, abbrEnd);
  if (nom) pageAt = abbrEnd + nom[0].length;
  if (text.charCodeAt(pageAt) === 32) {
    const pg = stickyAt(PAGE, text, pageAt + 1);
    if (pg) {
      const type = rows.every((r) => r.cite_type === 'journal') ? 'journal' : 'case';
      const end = pageAt + 1 + pg[0].length;
      const cite = makeCite(type, text, i, end);
      Object.assign(cite, { volume, reporter_found: found, page: /^\d/.test(pg[1]!) ? pg[1] : undefined });
      out.push({ cite, rows, pageEnd: end });
      return end;
    }
  }
  if (k - i <= 3 && stickyAt(BLANK_PAGE, text, pageAt) && rows.some((r) => r.cite_type !== 'journal')) {
    const cite = makeCite('case', text, i, pageAt);
    Object.assign(cite, { volume, reporter_found: found });
    out.push({ cite, rows, pageEnd: pageAt });
    return pageAt;
  }
  const short = stickyAt(SHORT_AT, text, abbrEnd);
  if (short) {
    const end = abbrEnd + short[0].length;
    const cite = makeCite('short_case', text, i, end);
    Object.assign(cite, { volume, reporter_found: found, pin_cite: short[1] });
    out.push({ cite, rows, pageEnd: end });
    return end;
  }
  return -1;
}

function neutralHyphenated(text: string, i: number, k: number, out: Raw[]): number {
  const m = stickyAt(HYPHEN_NEUTRAL, text, k);
  if (!m) return k;
  const end = k + m[0].length;
  const cite = makeCite('case', text, i, end);
  Object.assign(cite, { volume: text.slice(i, k), reporter: m[1], reporter_found: m[1], page: m[2] });
  cite.year = Number(cite.volume);
  const row: ReporterRow = {
    id: `neutral-${m[1]!.toLowerCase()}`, abbreviation: m[1]!, name: `${m[1]} public-domain citation`, variants: [],
    cite_type: 'neutral', source: 'bluebook-t1',
  };
  out.push({ cite, rows: [row], pageEnd: end });
  return end;
}
