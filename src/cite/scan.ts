/**
 * The scanner: one left-to-right pass over the cleaned text. Each position is looked at once; a finder is tried
 * only where its first character can start a citation, and a successful finder moves the cursor past what it
 * read. Together with bounded look-ahead in every finder, this keeps extraction linear in the input.
 */
import type { Raw } from './raw.js';
import { digitsEnd, isAlnum, isDigit, isLetter } from './scan-util.js';
import { scanNumber } from './scan-number.js';
import { scanSectionSign, scanSectionWord } from './scan-statute.js';
import { scanDocket, scanId, scanPrefixed, scanSupra } from './scan-words.js';

// Where the loop below can do anything other than step one character: any digit, and the first letter of a
// word-led form (the switch below; whether it starts a word is checked there). A native regex search skips the
// rest of the text — most of it — in one call. The loop body still makes every decision, so this only has to
// find a superset of those positions.
const CANDIDATE = /[0-9FU\u00a7]|[Ii](?=d\.|bid\.)|s(?=upra|ection)|S(?=ection)|N(?=os?\. )/g;

export function scan(text: string): Raw[] {
  const out: Raw[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    CANDIDATE.lastIndex = i;
    if (!CANDIDATE.test(text)) break;
    i = CANDIDATE.lastIndex - 1;
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (isDigit(c)) {
      const k = digitsEnd(text, i);
      i = isAlnum(prev) || prev === 46 || prev === 44 ? k : Math.max(k, scanNumber(text, i, k, out));
      continue;
    }
    if (isLetter(prev)) {
      i++;
      continue;
    }
    switch (c) {
      case 73: // I
      case 105: // i
        i = scanId(text, i, out);
        continue;
      case 115: // s
        i = text.startsWith('supra', i) ? scanSupra(text, i, out) : text.startsWith('section', i) ? scanSectionWord(text, i, out) : i + 1;
        continue;
      case 83: // S
        i = text.startsWith('Section', i) ? scanSectionWord(text, i, out) : i + 1;
        continue;
      case 167: // §
        i = scanSectionSign(text, i, out);
        continue;
      case 70: // F (Fed. R. ..., Federal Rule of ...)
      case 85: // U (U.S. Const.)
        i = scanPrefixed(text, i, out);
        continue;
      case 78: // N (No., Nos.)
        i = scanDocket(text, i, out);
        continue;
      default:
        i++;
    }
  }
  return out;
}
