/**
 * Sentence splitting for legal prose. A period ends a sentence only when it is followed by space and a capital
 * letter, a quote or a bracket — and not when it ends an abbreviation lawyers use constantly (`v.`, `U.S.`,
 * `F.3d`'s neighbours `Cir.` and `Supp.`, `Id.`, `No.`, `Inc.`, month names, initials) or falls inside a citation
 * the citation engine found (its reporter, court and date parentheticals are protected spans).
 */
import type { Span } from '../cite/index.js';

export interface Sentence {
  /** Position in the sentence list. */
  index: number;
  text: string;
  /** [start, end) in the text that was split. */
  start: number;
  end: number;
}

// Lower-cased, without the final period. Multi-period forms (`u.s`, `e.g`) are caught by the initials rule below.
const ABBREVIATIONS = new Set(
  (
    'v vs cf id ibid supra infra accord see no nos op ops art arts cl ch sec secs para paras pt pts p pp n nn fn ' +
    'inc co corp ltd llc llp bros assn ass\'n dep\'t dept gov\'t govt comm\'n commn cmty univ sch dist educ bd ' +
    'admin auth hosp med mgmt natl nat\'l int\'l intl ins mfg mun prop servs serv sys transp tel ctr dev envtl ' +
    'mr mrs ms dr prof rev hon jr sr st ste mt ft messrs gen sgt lt capt cpl det ofc off insp supt cmdr ' +
    'cir ct cts app apps supp fed civ crim proc evid stat ann const amend r rr rs reg regs l ed ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'ala ariz ark cal colo conn del fla ga haw ida ill ind kan ky la me md mass mich minn miss mo mont neb nev ' +
    'okla or ore pa tenn tex vt va wash wis wyo ' +
    'e.g i.e et al etc approx dkt ex exh doc docs ch chs tr vol vols ser pl cert den reh\'g aff\'d rev\'d ' +
    'cnty cty twp vill'
  ).split(/\s+/),
);

/**
 * What may follow the end punctuation before the space: closing quotes and brackets, then a footnote number glued
 * to the period ("... Feliciano.6 However, ...", common in court-published plain text).
 */
const CLOSERS = /^["')\]]*\d{0,3}/;

/** The token that ends at `end` (exclusive): letters, digits, periods and apostrophes back to a space or bracket. */
function tokenBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[A-Za-z0-9.'&]/.test(text[i - 1]!)) i--;
  return text.slice(i, end);
}

function isAbbreviation(token: string): boolean {
  const t = token.toLowerCase().replace(/^[('"[]+/, '');
  if (!t) return false;
  if (ABBREVIATIONS.has(t)) return true;
  if (/^[a-z]$/i.test(t)) return true; // initials: "A. Smith", "S. Ct."
  if (/^([a-z]{1,3}\.)+[a-z]{1,3}$/i.test(t)) return true; // U.S, N.H, e.g, F.Supp, Cal.App
  if (/^\d+(st|nd|rd|th|d)$/i.test(t)) return true; // "1st Cir." is caught by "cir"; "2d." inside reporters
  return false;
}

function insideAny(pos: number, spans: Span[]): boolean {
  // spans are sorted by start; a linear scan is fine for the handful checked per boundary
  for (const [s, e] of spans) {
    if (s > pos) return false;
    if (pos >= s && pos < e) return true;
  }
  return false;
}

/**
 * Splits `text` into sentences. `protect` lists [start, end) spans (sorted or not) inside which no split happens —
 * typically the citations found in the same text.
 */
export function splitSentences(text: string, protect: Span[] = []): Sentence[] {
  const spans = [...protect].sort((a, b) => a[0] - b[0]);
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    while (s < end && text[s] === ' ') s++;
    if (end > s) out.push({ index: out.length, text: text.slice(s, end), start: s, end });
    start = end;
  };
  const boundary = /[.?!]/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const at = m.index;
    const closers = CLOSERS.exec(text.slice(at + 1, at + 7))?.[0] ?? '';
    const after = at + 1 + closers.length;
    if (text[after] !== ' ') continue;
    const next = text.slice(after + 1, after + 3);
    if (!/^(?:[A-Z0-9"'([]|\s)/.test(next)) continue;
    if (m[0] === '.' && isAbbreviation(tokenBefore(text, at))) continue;
    if (insideAny(at, spans)) continue;
    push(after);
  }
  push(text.length);
  return out;
}
