/** Pin cites after a page or in a short form: `, 396`, `396-97`, `396 n.4`, `396 & n.4`, `*397`, `396, 398`. */
import { stickyAt } from './scan-util.js';

// One pin: optional star page, digits, optional range, optional footnote. Bounded quantifiers keep it linear.
const PIN = /(\*{0,2}\d{1,6}(?:-\*{0,2}\d{1,6})?(?:(?: &| and)? nn?\. ?\d{1,4}(?:-\d{1,4})?)?|nn?\. ?\d{1,4}(?:-\d{1,4})?)(?![0-9A-Za-z])/y;
const SEP = /(?:, | & | and )(?:at )?/y;

export interface PinResult {
  pin: string;
  end: number;
}

/**
 * Reads pin cites starting at `i` (which should point at a pin after `, ` / ` at ` has been consumed by the
 * caller when `lead` is false). `stopAt` lists offsets where another citation starts: a number there is a
 * parallel citation's volume, not a pin.
 */
export function readPins(text: string, i: number, stopAt: (pos: number) => boolean): PinResult | undefined {
  let m = stickyAt(PIN, text, i);
  if (!m || stopAt(i)) return undefined;
  let pin = m[1]!;
  let end = i + m[0].length;
  for (let k = 0; k < 8; k++) {
    const sep = stickyAt(SEP, text, end);
    if (!sep) break;
    const at = end + sep[0].length;
    if (stopAt(at)) break;
    m = stickyAt(PIN, text, at);
    if (!m) break;
    // "396, 1989" would be a year, not a page; years stand in parentheses, so only short numbers chain.
    pin += text.slice(end, at) + m[1]!;
    end = at + m[0].length;
  }
  return { pin, end };
}

/** Reads `, 396`, ` at 396` or `, at 396` after a page/antecedent. */
const LEAD = /(?: ?,? at | ?, | )/y;

export function readLeadPins(text: string, i: number, stopAt: (pos: number) => boolean): PinResult | undefined {
  const lead = stickyAt(LEAD, text, i);
  if (!lead) return undefined;
  const at = i + lead[0].length;
  if (lead[0] === ' ' && !/^n/.test(text.slice(at, at + 1))) return undefined; // bare space only before "n.4"
  return readPins(text, at, stopAt);
}
