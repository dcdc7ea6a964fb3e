/**
 * Proper casing for names read from all-capital captions or lower-case URL slugs. The opinion's own prose is the
 * best guide ("Manning", "McDonald", "DiCicco"), so words are looked up in the text first; otherwise words are
 * title-cased, with the short words a case name keeps in lower case ("of", "v.", "ex rel.").
 */

const LOWER = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'by', 'a', 'an', 'ex', 'rel', 'v', 're', 'de', 'del', 'la', 'las', 'los', 'du', 'da', 'von', 'van', 'y', 'or', 'as']);
/** Abbreviations that take a period in a case name (Bluebook T6 forms). */
const ABBREV = new Set(['v', 'inc', 'co', 'corp', 'ltd', 'bros', 'assn', 'dept', 'jr', 'sr', 'no', 'mfg', 'rel', 'st', 'natl', 'intl', 'cnty', 'twp', 'univ', 'mgmt', 'hosp', 'govt']);
/** Letters that stay capitals even when the prose spells them so (agencies, entity forms). */
const KEEP_CAPS = /^(?:llc|llp|lp|pc|usa|ii|iii|iv|vi|vii|viii|ix|xi|nh|ri|ct|ny|nj|nm|nc|nd|sc|sd|pr|dc|tx|fl|ga|md|mn|mt|nv|ut|vt|wv|wy|ak|az|ks|ky|tn)$/;

const NON_ASCII = /[^\x00-\x7f]/;
export const wordKey = (w: string): string => (NON_ASCII.test(w) ? w.toLowerCase().normalize('NFD') : w.toLowerCase()).replace(/[^a-z0-9]/g, '');

export interface CaseGuide {
  /** word key → the form most often written in mixed case in the text. */
  forms: Map<string, string>;
  /** word keys of hyphenated compounds: first part → whole compounds seen (`cortes` → `Cortes-Reyes`). */
  compounds: Map<string, string[]>;
  /** word keys written in capitals in the body, never otherwise: acronyms (`SEC`, `NLRB`). */
  acronyms: Set<string>;
}

/** Where the body starts, roughly: capitals after this are the prose's own, not the caption's. */
const BODY_FROM = 3000;

/** Learns word forms from the opinion text (its first `limit` characters, which is plenty for party names). */
export function learnForms(text: string, limit = 20_000): CaseGuide {
  const counts = new Map<string, Map<string, number>>();
  const compounds = new Map<string, string[]>();
  const caps = new Map<string, number>();
  for (const m of text.slice(0, limit).matchAll(/[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’]*(?:-[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’]*)*/g)) {
    const word = m[0].replace(/['’](?:s)?$/, ''); // possessives: "Jeffers’" and "Manning's" teach "Jeffers", "Manning"
    const parts = word.split('-');
    if (parts.length > 1) {
      const first = wordKey(parts[0]!);
      const list = compounds.get(first) ?? [];
      if (!list.includes(word) && list.length < 8) list.push(word);
      compounds.set(first, list);
    }
    for (const part of parts) {
      if (m.index > BODY_FROM && part.length >= 2 && part.length <= 5 && part === part.toUpperCase()) {
        caps.set(wordKey(part), (caps.get(wordKey(part)) ?? 0) + 1);
      }
      // Only mixed-case spellings teach casing; ALL CAPS is how captions are printed, not how names are spelled.
      // (McFADDEN counts as capitals: fewer lower-case letters than capitals.)
      const lower = part.replace(/[^a-z\u00df-\u00ff]/g, '').length;
      if (part.length < 2 || lower === 0 || lower < part.length - lower || part === part.toLowerCase()) continue;
      const key = wordKey(part);
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(part, (forms.get(part) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  const forms = new Map<string, string>();
  for (const [key, m] of counts) forms.set(key, [...m].sort((a, b) => b[1] - a[1])[0]![0]);
  const acronyms = new Set([...caps].filter(([k, n]) => n >= 2 && !forms.has(k)).map(([k]) => k));
  return { forms, compounds, acronyms };
}

function titleWord(w: string): string {
  if (/^(?:[A-Za-z]\.){2,}$/.test(w)) return w.toUpperCase(); // initialisms: U.S., N.L.R.B.
  // Each part capitalised (O'Connor, Cortés-Roe), but not the s of a possessive (Firemen's).
  return w.split(/([-'’/])/).map((p, i, all) => {
    if (!p.length || !/[a-z]/i.test(p[0]!)) return p;
    if (i > 1 && /['’]/.test(all[i - 1]!) && p.length === 1) return p.toLowerCase();
    return p[0]!.toUpperCase() + p.slice(1).toLowerCase();
  }).join('');
}

/** One word of a case name in its proper case; `first` words are never lower-cased. */
export function caseWord(word: string, guide: CaseGuide | undefined, first: boolean): string {
  // Punctuation around the word is the name's own: "(EUROPE)", "GOLDMAN," in a firm's name.
  const wrap = /^(\(?)(.*?)(\)?,?)$/.exec(word)!;
  if (wrap[1] || wrap[3]) return wrap[2] ? wrap[1] + caseWord(wrap[2], guide, first) + wrap[3] : word;
  const key = wordKey(word);
  if (!key) return word;
  // Bluebook T6: "Incorporated" closing a name is abbreviated like "Inc.".
  if (key === 'incorporated' && !first) return 'Inc.';
  const dot = word.endsWith('.') && !/^(?:[A-Za-z]\.){2,}$/.test(word) ? '.' : '';
  const bare = /^(?:[A-Za-z]\.){2,}$/.test(word) ? word : word.replace(/\.$/, '');
  if (KEEP_CAPS.test(key)) return word.toUpperCase();
  if (/^[A-Za-z]\/[A-Za-z]$/.test(word)) return word.toUpperCase(); // vessels: M/V, S/S
  // Vowel-less letter runs are initialisms in names (SHHS, NLRB, HHS); "us" inside a name is the U.S.
  if (/^[bcdfghjklmnpqrstvwxz]{2,5}$/.test(key) && !ABBREV.has(key) && !guide?.forms.has(key)) return key.toUpperCase();
  if (key === 'us' && word === word.toLowerCase()) return 'U.S.';
  if (!first && LOWER.has(key)) return key === 'v' || key === 'rel' ? `${key}.` : word.toLowerCase();
  if (guide?.acronyms.has(key) && !LOWER.has(key)) return bare.toUpperCase() + dot;
  const learned = guide?.forms.get(key);
  const cased = learned && !/-/.test(bare) ? learned : bare.split('-').map((p) => guide?.forms.get(wordKey(p)) ?? titleWord(p)).join('-');
  return cased + (dot || (ABBREV.has(key) && !/[.'’]/.test(cased) ? '.' : ''));
}

/** A whole name: `UNITED STATES OF AMERICA` → `United States of America`. */
export function caseName(words: string[], guide?: CaseGuide): string {
  // Bluebook 6.1(a): adjacent single capitals are closed up ("F. W. WOOLWORTH" → "F.W. Woolworth").
  return words.map((w, i) => caseWord(w, guide, i === 0)).join(' ').replace(/\s+,/g, ',').replace(/\b([A-Z])\. (?=[A-Z]\.(?:\s|$))/g, '$1.');
}
