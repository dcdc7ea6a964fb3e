/**
 * Citations that start with a word: `Id.`, `Ibid.`, `supra`, `Fed. R. Civ. P. 56(a)`, `U.S. Const. amend. IV`,
 * `No. 18-1287`.
 */
import { getTries } from './forms.js';
import { makeCite, type Raw } from './raw.js';
import { readLeadPins } from './pin.js';
import { isLetter, stickyAt } from './scan-util.js';

const never = (): boolean => false;

/** `Id.`, `id.`, `Ibid.`, `Id. at 397`, `Id., at 397`. `i` is at the `I`/`i`. */
export function scanId(text: string, i: number, out: Raw[]): number {
  let end: number;
  if (text.startsWith('d.', i + 1)) end = i + 3;
  else if (text.startsWith('bid.', i + 1)) end = i + 5;
  else return i + 1;
  const cite = makeCite('id', text, i, end);
  const pins = readLeadPins(text, end, never);
  if (pins && /at /.test(text.slice(end, end + 5))) {
    cite.pin_cite = pins.pin;
    end = pins.end;
  }
  cite.span[1] = cite.full_span[1] = end;
  cite.text = text.slice(i, end);
  out.push({ cite });
  return end;
}

const SUPRA_TAIL = /,? (?:at |note )(\*{0,2}\d{1,6}(?:-\d{1,6})?)/y;

/** `Graham, supra, at 396` / `Graham supra`. `i` is at the `s` of supra. */
export function scanSupra(text: string, i: number, out: Raw[]): number {
  if (!text.startsWith('supra', i) || isLetter(text.charCodeAt(i + 5))) return i + 1;
  const antecedent = antecedentBefore(text, i);
  if (!antecedent) return i + 5;
  let end = i + 5;
  const cite = makeCite('supra', text, antecedent.start, end);
  const tail = stickyAt(SUPRA_TAIL, text, text.charCodeAt(end) === 44 ? end : end);
  if (tail) {
    cite.pin_cite = tail[1];
    end += tail[0].length;
  }
  cite.span[1] = cite.full_span[1] = end;
  cite.text = text.slice(cite.span[0], end);
  cite.antecedent = antecedent.name;
  out.push({ cite, antecedent: antecedent.name });
  return end;
}

/** The one to four capitalised words before `, supra` or `, 490 U.S. at`. */
export function antecedentBefore(text: string, at: number): { name: string; start: number } | undefined {
  const window = text.slice(Math.max(0, at - 80), at);
  const m = /((?:[A-Z][\w'’&.-]*|of|the|v\.|de|la|del|ex|rel\.)(?: (?:[A-Z][\w'’&.-]*|of|the|v\.|de|la|del|ex|rel\.)){0,5}),? ?$/.exec(window);
  if (!m || !/^[A-Z]/.test(m[1]!)) return undefined;
  let name = m[1]!.replace(/,$/, '');
  let start = at - window.length + m.index;
  const lead = /^(?:(?:See|Cf\.|But|Accord|Compare|Contra|E\.g\.|Also|also|see|generally|also) )+/.exec(name);
  if (lead) {
    name = name.slice(lead[0].length);
    start += lead[0].length;
  }
  if (!/^[A-Z]/.test(name)) return undefined;
  if (/^(See|Cf\.|But|Accord|Compare|Contra|E\.g\.|Id\.|The|In|This|That)$/.test(name)) return undefined;
  return { name, start };
}

const RULE_NUMBER = / (\d{1,3}(?:\.\d{1,2})?(?:\([0-9A-Za-z]{1,4}\)){0,5})(?![0-9A-Za-z])/y;
const CONST_PART = / (amend\.|art\.|pmbl\.|Amend\.|Art\.|amendment|Amendment) ([IVXLC]{1,7}|\d{1,2})(?:, (§ ?\d{1,2}))?(?:, (cl\. \d{1,2}))?/y;

/** Rules (`Fed. R. Civ. P. 56(a)`, `Federal Rule of Evidence 403`) and constitutions. `i` at the first letter. */
export function scanPrefixed(text: string, i: number, out: Raw[]): number {
  for (const m of getTries().prefix.matchAt(text, i)) {
    const form = m.entries[0]!.value;
    if (form.kind === 'rule') {
      const num = stickyAt(RULE_NUMBER, text, m.end);
      if (!num) continue;
      const end = m.end + num[0].length;
      const cite = makeCite('rule', text, i, end);
      Object.assign(cite, { code: form.row.abbreviation, section: num[1] });
      out.push({ cite });
      return end;
    }
    const part = stickyAt(CONST_PART, text, m.end);
    if (!part) continue;
    const end = m.end + part[0].length;
    const cite = makeCite('constitution', text, i, end);
    const kind = part[1]!.toLowerCase().startsWith('amend') ? 'amend.' : part[1]!.toLowerCase();
    const section = [`${kind} ${part[2]}`, part[3], part[4]].filter(Boolean).join(', ');
    Object.assign(cite, { code: form.abbreviation, section });
    out.push({ cite });
    return end;
  }
  return i + 1;
}

// Docket numbers carry a hyphen or colon (`18-1287`, `1:19-cv-01234`), which keeps "No. 5" in prose out.
const DOCKET = /Nos?\. ((?:\d{1,2}:)?\d{1,5}-[0-9A-Za-z]{1,8}(?:-[0-9A-Za-z]{1,8}){0,3})(?![0-9A-Za-z])/y;
const DOCKET_MORE = /(?:, | & | and |, and )((?:\d{1,2}:)?\d{1,5}-[0-9A-Za-z]{1,8}(?:-[0-9A-Za-z]{1,8}){0,3})(?![0-9A-Za-z])/y;

/** `No. 18-1287`, `Nos. 12-1573, 12-1653`. `i` at the `N`. */
export function scanDocket(text: string, i: number, out: Raw[]): number {
  const m = stickyAt(DOCKET, text, i);
  if (!m) return i + 1;
  let end = i + m[0].length;
  const first = makeCite('docket', text, i, end);
  first.number = m[1];
  out.push({ cite: first });
  if (!text.startsWith('Nos.', i)) return end;
  for (let n = 0; n < 50; n++) {
    const more = stickyAt(DOCKET_MORE, text, end);
    if (!more) break;
    const start = end + more[0].length - more[1]!.length;
    end += more[0].length;
    const cite = makeCite('docket', text, start, end);
    cite.number = more[1];
    out.push({ cite });
  }
  return end;
}
