/** Docket numbers in opinion headers: `No. 12-1573`, `Nos. 12-1573, 12-1653`, `Docket No. 09-3660-cv`. */

const LEAD = /(?:^|\n)[ \t]*(?:Docket\s+)?(Nos?\.|Numbers?|Docket)[ \t]*:?[ \t]*/gi;
// One docket number: digits with dashes (92-2018, 09-3660-cv, 1:10-cv-123) or a bare number (No. 242).
const NUMBER = /^(?:\d{1,2}:)?\d{1,5}(?:-[A-Za-z]{0,4}\d*)*(?:-[a-z]{2,3})?/;
const SEPARATOR = /^(?:\s*(?:,|&|and)\s*|\s+)/;

/** The docket numbers at the head of the text, joined with ", " as CourtListener writes them. */
export function findDocket(text: string, within = 3000): string | undefined {
  const head = text.slice(0, within);
  for (const m of head.matchAll(LEAD)) {
    let rest = head.slice(m.index + m[0].length);
    const numbers: string[] = [];
    for (;;) {
      const n = NUMBER.exec(rest);
      if (!n || !/\d/.test(n[0])) break;
      numbers.push(n[0]);
      rest = rest.slice(n[0].length);
      const sep = SEPARATOR.exec(rest);
      // A second number must look like a docket number (dash), so "No. 242. Docket 23367" stops at 242.
      if (!sep || !/^(?:\d{1,2}:)?\d{2,5}-/.test(rest.slice(sep[0].length))) break;
      rest = rest.slice(sep[0].length);
    }
    if (numbers.length) return numbers.join(', ');
  }
  return undefined;
}
