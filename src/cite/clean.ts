/**
 * Cleaning: turns text or HTML into the "cleaned text" the finders scan — tags removed, entities decoded,
 * every run of whitespace collapsed to one space, line-end hyphenation joined, curly quotes and dashes folded —
 * while recording where every cleaned character came from in the input. Citations are found in the cleaned text
 * and reported in both. Work is done with native string searches and slices, not per-character pushes.
 */
import { decodeEntity } from './entities.js';
import { OffsetMap, compose } from './offsets.js';

export interface CleanText {
  /** The cleaned text. */
  text: string;
  /** Offset in the input of cleaned character `i`. */
  toSource(i: number): number;
  /** The input as given. */
  source: string;
  html: boolean;
}

// Characters rewritten: whitespace (JavaScript's \s) plus zero-width characters and soft hyphens, and the
// characters folded to ASCII. A single ordinary space is left alone, so ordinary prose is copied in slices.
const isSpaceCode = (c: number): boolean => {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
};
const isInvisibleCode = (c: number): boolean => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0xfeff;

/** The ASCII character a curly quote, prime or dash folds to, or -1. */
function foldCode(c: number): number {
  if (c === 0x201c || c === 0x201d) return 34;
  if ((c >= 0x2010 && c <= 0x2013) || c === 0x2212) return 45;
  if (c === 0x2018 || c === 0x2019 || c === 0x02bc || c === 0x2032) return 39;
  return -1;
}

const isLowerAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 97 && c <= 122;
};
const isLetterCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

// Where a run can start: any character to rewrite other than the plain space, or two plain spaces. A run that
// starts with one plain space before another whitespace character is found at that character and moved back.
const RUN_START = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff\u00ad\u2018\u2019\u02bc\u2032\u201c\u201d\u2010-\u2013\u2212]|  /g;

/**
 * Whitespace collapsing and folding over `input`, with the offset map back into `input`. A regex finds where
 * each run to rewrite starts (two or more whitespace characters, one that is not a plain space, or one character
 * to fold), charCodeAt finds its end; the text between runs is copied as one slice and the pieces joined once.
 */
function collapse(input: string): { text: string; map: OffsetMap } {
  const map = new OffsetMap();
  const parts: string[] = [];
  const n = input.length;
  let len = 0; // length of cleaned text so far
  let last = 0; // input offset copied up to
  let lastChar = -1; // last char code emitted
  let prevChar = -1; // the one before it
  let from = 0; // where the search for the next run starts
  for (;;) {
    RUN_START.lastIndex = from;
    if (!RUN_START.test(input)) break;
    let at = RUN_START.lastIndex - 1;
    if (input.charCodeAt(at) === 32) at--; // two plain spaces
    const c0 = input.charCodeAt(at);
    let end = at + 1;
    let folded = -1;
    let onlyInvisible = false;
    let lineBreak = false;
    if (isSpaceCode(c0)) {
      // A run starts one earlier when a plain space comes just before it.
      if (at > from && input.charCodeAt(at - 1) === 32) at--;
      onlyInvisible = at === end - 1 && isInvisibleCode(c0);
      lineBreak = c0 === 10 || c0 === 13;
      while (end < n) {
        const c = input.charCodeAt(end);
        if (!isSpaceCode(c)) break;
        if (onlyInvisible && !isInvisibleCode(c)) onlyInvisible = false;
        if (c === 10 || c === 13) lineBreak = true;
        end++;
      }
    } else {
      folded = foldCode(c0);
    }
    from = end;
    const copied = at - last; // input copied unchanged before the run
    if (copied > 0) {
      len += copied;
      prevChar = copied > 1 ? input.charCodeAt(at - 2) : lastChar;
      lastChar = input.charCodeAt(at - 1);
    }
    const start = last;
    last = end;
    if (folded >= 0) {
      if (copied > 0) parts.push(input.slice(start, at));
      parts.push(String.fromCharCode(folded));
      len += 1;
      prevChar = lastChar;
      lastChar = folded;
      continue;
    }
    if (onlyInvisible) {
      if (copied > 0) parts.push(input.slice(start, at));
      map.mark(len, last);
      continue;
    }
    // Line-end hyphenation: "Spring-\nboro" → "Springboro" (a letter, a hyphen, a line break, a lowercase letter).
    if (lastChar === 45 && isLetterCode(prevChar) && lineBreak && isLowerAt(input, last)) {
      if (copied > 0) parts.push(input.slice(start, at - 1));
      else parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
      len -= 1;
      lastChar = prevChar;
      map.mark(len, last);
      continue;
    }
    if (len === 0) {
      map.mark(0, last); // leading whitespace is dropped
      continue;
    }
    if (input.charCodeAt(at) === 32) {
      parts.push(input.slice(start, at + 1)); // a run that starts with a plain space keeps it
    } else {
      if (copied > 0) parts.push(input.slice(start, at));
      parts.push(' ');
    }
    map.mark(len, at);
    len += 1;
    map.mark(len, last);
    prevChar = lastChar;
    lastChar = 32;
  }
  if (last < n) parts.push(input.slice(last));
  return { text: parts.join(''), map };
}

/** Cleans plain text. */
export function cleanText(source: string): CleanText {
  const { text, map } = collapse(source);
  return { text, toSource: (i) => map.get(i), source, html: false };
}

// Elements whose content is never text of the opinion (and may be hostile).
const SKIP_CONTENT = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'math', 'iframe', 'object']);
const BLOCK = new Set([
  'p', 'br', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre',
  'blockquote', 'hr', 'section', 'article', 'header', 'footer', 'dd', 'dt', 'dl', 'center', 'body', 'html',
]);

/** Cleans HTML: tags dropped (block tags count as a line break), entities decoded, script/style skipped. */
export function cleanHtml(source: string): CleanText {
  const map = new OffsetMap();
  const parts: string[] = [];
  let len = 0;
  let last = 0;
  const n = source.length;
  let i = nextSpecial(source, 0);
  while (i < n) {
    if (i > last) {
      parts.push(source.slice(last, i));
      len += i - last;
    }
    let next: number;
    let emit = '';
    if (source.charCodeAt(i) === 38) {
      const ent = decodeEntity(source, i);
      if (!ent) {
        last = i;
        i = nextSpecial(source, i + 1);
        continue;
      }
      emit = ent.code === 0xad ? '' : String.fromCharCode(ent.code);
      next = i + ent.length;
    } else {
      const end = tagEnd(source, i);
      if (end < 0) {
        last = i; // a lone '<' is text
        i = nextSpecial(source, i + 1);
        continue;
      }
      const name = tagName(source, i);
      next = end + 1;
      if (name === '!--') {
        const close = source.indexOf('-->', i + 4);
        next = close < 0 ? n : close + 3;
      } else if (SKIP_CONTENT.has(name) && source.charCodeAt(i + 1) !== 47) {
        const closer = new RegExp(`</${name}\\b`, 'gi');
        closer.lastIndex = end;
        const m = closer.exec(source);
        const closeEnd = m ? tagEnd(source, m.index) : -1;
        next = closeEnd < 0 ? n : closeEnd + 1;
        emit = ' ';
      } else if (BLOCK.has(name)) {
        emit = '\n';
      }
    }
    if (emit) {
      map.mark(len, i);
      parts.push(emit);
      len += emit.length;
    }
    map.mark(len, next);
    last = next;
    i = nextSpecial(source, next);
  }
  if (last < n) parts.push(source.slice(last));
  const decoded = parts.join('');
  const second = collapse(decoded);
  const both = compose(second.map, map);
  return { text: second.text, toSource: (k) => both.get(k), source, html: true };
}

function nextSpecial(s: string, from: number): number {
  const lt = s.indexOf('<', from);
  const amp = s.indexOf('&', from);
  const a = lt < 0 ? s.length : lt;
  const b = amp < 0 ? s.length : amp;
  return a < b ? a : b;
}

/** Index of the '>' closing the tag that starts at `lt`, or -1 when this '<' does not start a tag. */
function tagEnd(s: string, lt: number): number {
  const next = s.charCodeAt(lt + 1);
  const isTagStart = (next >= 97 && next <= 122) || (next >= 65 && next <= 90) || next === 47 || next === 33 || next === 63;
  if (!isTagStart) return -1;
  let quote = 0;
  for (let j = lt + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 60) return -1; // an unterminated attribute must not swallow the rest of the page
    } else if (c === 34 || c === 39) {
      // Quotes only open inside attribute values (after '='), so an apostrophe in text can't swallow the page.
      if (s.charCodeAt(j - 1) === 61 || (s.charCodeAt(j - 1) === 32 && s.charCodeAt(j - 2) === 61)) quote = c;
    } else if (c === 62) return j;
    else if (c === 60) return -1;
  }
  return -1;
}

function tagName(s: string, lt: number): string {
  if (s.startsWith('!--', lt + 1)) return '!--';
  let j = lt + 1;
  if (s.charCodeAt(j) === 47) j++;
  const start = j;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
    j++;
  }
  return s.slice(start, j).toLowerCase();
}

/** [start, end) in the input for a [start, end) span of cleaned text. */
export function toSourceSpan(clean: CleanText, start: number, end: number): [number, number] {
  const s = clean.toSource(start);
  if (end <= start) return [s, s];
  const lastAt = clean.toSource(end - 1);
  let width = 1;
  if (clean.html && clean.source.charCodeAt(lastAt) === 38) {
    const ent = decodeEntity(clean.source, lastAt);
    if (ent) width = ent.length;
  }
  return [s, lastAt + width];
}
