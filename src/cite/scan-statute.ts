/**
 * Statutes and regulations: `42 U.S.C. § 1983`, `§§ 1983, 1988`, `42 U.S.C.A. § 1983`, `28 C.F.R. § 0.85`,
 * `section 1983 of title 42`, `Section 1983`. A bare section is only reported when the data file names the
 * title it belongs to (42 U.S.C. § 1983 and its neighbours), because `§ 12` alone could be any code.
 */
import { citationForms } from './data.js';
import { makeCite, type Raw } from './raw.js';
import { stickyAt } from './scan-util.js';

// A section number: digits, then letters/digits/dots/dashes/colons, then subsection parentheses.
const SECTION = /(\d[0-9A-Za-z]{0,8}(?:[.:-]\d[0-9A-Za-z]{0,8}){0,4}(?:\([0-9A-Za-z]{1,6}\)){0,6})/y;
const SIGN = / ?(§§?|[Ss]ecs?\.|[Ss]ections?) ?/y;
const LIST_SEP = /(?:, | and | & |, and )/y;
const ET_SEQ = / et seq\./y;

type Kind = 'statute' | 'regulation';

/**
 * Reads `§ 1983` / `§§ 1983, 1988` at `at` (after a code abbreviation). Emits one citation per section.
 * Returns the end of the last section, or -1 when there is no section.
 */
export function readSections(
  text: string, at: number, title: string | undefined, code: string | undefined, type: Kind, start: number, out: Raw[],
): number {
  const sign = stickyAt(SIGN, text, at);
  if (!sign) return -1;
  const plural = sign[1] === '§§' || /s\.?$|ions$/.test(sign[1]!);
  let pos = at + sign[0].length;
  let m = stickyAt(SECTION, text, pos);
  if (!m) return -1;
  let first = true;
  let end = -1;
  for (let n = 0; n < 50 && m; n++) {
    const sectionStart = pos;
    const sectionEnd = pos + m[0].length;
    const cite = makeCite(type, text, first ? start : sectionStart, sectionEnd);
    Object.assign(cite, { section: m[1], ...(title ? { title } : {}), ...(code ? { code } : {}) });
    const seq = stickyAt(ET_SEQ, text, sectionEnd);
    if (seq) {
      cite.section += ' et seq.';
      cite.span[1] = sectionEnd + seq[0].length;
      cite.text = text.slice(cite.span[0], cite.span[1]);
    }
    cite.full_span = [cite.span[0], cite.span[1]];
    out.push({ cite });
    end = cite.span[1];
    first = false;
    if (!plural) break;
    const sep = stickyAt(LIST_SEP, text, end);
    if (!sep) break;
    pos = end + sep[0].length;
    m = stickyAt(SECTION, text, pos);
  }
  return end;
}

let known: Map<string, { title: string; code: string }> | undefined;

function wellKnown(section: string): { title: string; code: string } | undefined {
  known ??= new Map(citationForms().well_known_sections.map((r) => [r.section, { title: r.title, code: r.code }]));
  return known.get(section.replace(/\(.*$/, ''));
}

const PROSE_TITLE = / of [Tt]itle (\d{1,2})(?![0-9])/y;

/** `§ 1983` / `§§ 1983, 1988` with no code before it. Known sections only. */
export function scanSectionSign(text: string, i: number, out: Raw[]): number {
  const tmp: Raw[] = [];
  const end = readSections(text, i, undefined, undefined, 'statute', i, tmp);
  if (end < 0) return i + 1;
  keepKnown(tmp, out);
  return end;
}

/** `section 1983 of title 42`, `Section 1983`. */
export function scanSectionWord(text: string, i: number, out: Raw[]): number {
  const tmp: Raw[] = [];
  const end = readSections(text, i, undefined, undefined, 'statute', i, tmp);
  if (end < 0) return i + 1;
  const prose = stickyAt(PROSE_TITLE, text, end);
  if (prose && tmp.length === 1) {
    const cite = tmp[0]!.cite;
    Object.assign(cite, { title: prose[1], code: 'U.S.C.' });
    cite.span[1] = cite.full_span[1] = end + prose[0].length;
    cite.text = text.slice(cite.span[0], cite.span[1]);
    out.push(tmp[0]!);
    return cite.span[1];
  }
  keepKnown(tmp, out);
  return end;
}

function keepKnown(tmp: Raw[], out: Raw[]): void {
  for (const raw of tmp) {
    const k = wellKnown(raw.cite.section!);
    if (!k) continue;
    Object.assign(raw.cite, k);
    out.push(raw);
  }
}
