/**
 * The case name and signal written before a full citation: `See, e.g., United States v. Mateo, 271 F.3d 11`.
 * Read backwards from the citation, word by word, within a bounded window, stopping where a case name cannot
 * continue (a sentence end, a lowercase word that is not a name connector, a signal, a previous citation).
 */
const WINDOW = 240;
const MAX_WORDS = 24;

// Lowercase words that occur inside case names.
const CONNECTORS = new Set([
  'of', 'the', 'and', '&', 'for', 'de', 'del', 'la', 'las', 'los', 'da', 'do', 'dos', 'van', 'von', 'der', 'y',
  'ex', 'rel.', 're', 'on', 'to', 'a', 'an', 'v.', 'vs.', 'v', 'et', 'al.', 'al', 'in', 'by', 'behalf', 'through',
  'd/b/a', 'f/k/a', 'n/k/a', 'aka', 'a/k/a', 'parte', 'at', 'upon', 'with', 'le', 'du', 'di', 'e', 'l.', 'mc',
]);
// Words ending in "." that are abbreviations inside names, not sentence ends.
const ABBREV = /^(?:[A-Z][a-z]{0,4}\.|[A-Z]\.(?:[A-Z]\.)*|[A-Za-z]+'[a-z]+\.|v\.|vs\.|rel\.|al\.|Corp\.|Inc\.|Bros\.|Ass'n\.|Cnty\.|Dist\.|Univ\.|Auth\.|Hosp\.|Indus\.|Servs\.|Prods\.|Mgmt\.|Comm'n\.|Dep't\.|Gov't\.|Twp\.|Sys\.|Ins\.|Nat'l\.|Int'l\.|Transp\.|Fin\.|Sec\.|Bancorp\.|Elec\.|Tel\.|Educ\.)$/;
const SIGNAL_WORDS = /^(?:See|see|Cf\.|cf\.|But|but|Accord|accord|Compare|compare|Contra|contra|E\.g\.,?|e\.g\.,?|also|generally|Also)$/;
const SIGNAL_TAIL = /(?:^|[\s;(])((?:[Ss]ee(?:,? e\.g\.,?| also| generally)?|[Bb]ut (?:see|cf\.)(?:,? e\.g\.,?)?|[Cc]f\.(?:,? e\.g\.,?)?|[Ee]\.g\.,?|[Aa]ccord|[Cc]ompare|[Cc]ontra)),?\s*$/;
const COMPANY_SUFFIX = /^(?:Inc\.|Ltd\.|L\.L\.C\.|LLC|Co\.|Jr\.|Sr\.|N\.A\.|P\.C\.|L\.P\.|LLP|P\.A\.|S\.A\.|II|III|IV|Corp\.)[,]?$/;

export interface CaseName {
  plaintiff?: string;
  defendant?: string;
  signal?: string;
  /** Where the name (or signal-free citation) begins. */
  start: number;
}

/** Reads the name before the citation starting at `citeStart`, not looking before `floor`. */
export function readCaseName(text: string, citeStart: number, floor: number): CaseName {
  const result: CaseName = { start: citeStart };
  if (text.charCodeAt(citeStart - 1) !== 32 || text.charCodeAt(citeStart - 2) !== 44) {
    result.signal = signalBefore(text, citeStart, floor);
    return result;
  }
  const lo = Math.max(floor, citeStart - WINDOW);
  const window = text.slice(lo, citeStart - 2);
  const words = window.split(' ');
  // If the window was cut mid-word, drop the fragment.
  if (lo > floor && lo > 0 && text.charCodeAt(lo - 1) !== 32) words.shift();
  const taken: string[] = [];
  for (let w = words.length - 1; w >= 0 && taken.length < MAX_WORDS; w--) {
    const word = words[w]!;
    if (!word) break;
    if (isStop(word, taken)) break;
    taken.unshift(word);
  }
  while (taken.length && (SIGNAL_WORDS.test(taken[0]!) || (/^[a-z]/.test(taken[0]!) && !/^[a-z]{1,3}-[A-Z]/.test(taken[0]!)))) taken.shift();
  if (!taken.length) return result;
  const name = taken.join(' ');
  result.start = citeStart - 2 - name.length;
  splitParties(name, result);
  result.signal = signalBefore(text, result.start, floor);
  return result;
}

// Capitalised words that begin a sentence or clause, never a case name ("As in Carr v. Doe", "Unlike Doe v. Roe").
const CLAUSE_WORDS = new Set([
  'As', 'Under', 'Unlike', 'Like', 'Following', 'After', 'Before', 'Although', 'Because', 'Since', 'While', 'Here',
  'There', 'Thus', 'Moreover', 'Similarly', 'Accordingly', 'Also', 'Finally', 'Indeed', 'However', 'Nevertheless',
  'Notably', 'Relying', 'Citing', 'Quoting', 'Applying', 'Again', 'Instead', 'Yet', 'So', 'Even', 'When', 'Where',
  'Until', 'Though', 'Whether', 'Given', 'Further', 'Furthermore', 'Likewise', 'Consequently', 'Therefore', 'Then',
]);

function isStop(word: string, taken: string[]): boolean {
  if (CLAUSE_WORDS.has(word)) return true;
  // "In Doe v. Roe, …" opens a clause; "In re Doe" is a case name.
  if (word === 'In' && taken[0] !== 're') return true;
  const last = word.charCodeAt(word.length - 1);
  if (last === 59 || last === 58 || last === 41 || word.charCodeAt(0) === 40) return true; // ; : ) (
  if (/^["'“”]|["“”]$/.test(word)) return true;
  if (SIGNAL_WORDS.test(word)) return true;
  // A comma ends the name unless it's "Smith, Inc." or "In re Smith, Jr."
  if (last === 44) return !(taken[0] && COMPANY_SUFFIX.test(taken[0]));
  if (last === 46 && !ABBREV.test(word)) return true; // a sentence ended here
  const first = word.charCodeAt(0);
  const lower = first >= 97 && first <= 122;
  // "al-Kidd", "el-Masri", "de-Leon": a lowercase particle joined to a capitalised name.
  if (lower && !CONNECTORS.has(word) && !/^[a-z]{1,3}-[A-Z]/.test(word)) return true;
  if (/^\d/.test(word) && taken.length === 0) return true;
  return false;
}

function splitParties(name: string, out: CaseName): void {
  const m = /^(.*?) (?:v\.|vs\.|v) (.*)$/.exec(name);
  if (m) {
    out.plaintiff = m[1];
    out.defendant = m[2];
  } else {
    out.plaintiff = name;
  }
}

function signalBefore(text: string, at: number, floor: number): string | undefined {
  const lo = Math.max(floor, at - 30);
  const m = SIGNAL_TAIL.exec(text.slice(lo, at));
  return m ? m[1]!.replace(/,$/, '') : undefined;
}
