/**
 * Treatment words near a citation ("overruled", "distinguished", "followed"): a reading aid that points a
 * researcher at how the citing court used an authority. They are found by words in a window around the citation,
 * so they are hints for a human to check, never a determination that a case is or is not good law.
 * The vocabulary is the ordinary one of case-law citators and of the Bluebook's history phrases (B10/R10.7).
 */
const WORDS: { treatment: string; re: RegExp }[] = [
  { treatment: 'overruled', re: /\boverrul(?:ed|ing|es?)\b/i },
  { treatment: 'abrogated', re: /\babrogat(?:ed|ing|es?)\b/i },
  { treatment: 'superseded', re: /\bsupersed(?:ed|ing)\b/i },
  { treatment: 'disapproved', re: /\bdisapprov(?:ed|ing)\b/i },
  { treatment: 'distinguished', re: /\bdistinguish(?:ed|ing|able|es)?\b/i },
  { treatment: 'questioned', re: /\b(?:questioned|called into (?:question|doubt))\b/i },
  { treatment: 'criticized', re: /\bcriticiz(?:ed|ing)\b/i },
  { treatment: 'declined to follow', re: /\bdecline[ds]? to follow\b/i },
  { treatment: 'disagree', re: /\bdisagree(?:s|d|ing)?\b/i },
  { treatment: 'followed', re: /\b(?:followed|we follow|following (?:our|the (?:reasoning|holding)))\b/i },
];

/**
 * Any of the words: the alternation of every pattern above, so it matches a text exactly when one of them does.
 * Most citations have none nearby, and one search then replaces eleven.
 */
const ANY = new RegExp(WORDS.map((w) => `(?:${w.re.source})`).join('|'), 'i');

/** Characters read before the citation (its sentence, roughly). */
export const BEFORE = 160;

/**
 * Treatment words in the citation's own clause: from the end of the previous citation (or the sentence start)
 * to the end of the citation's parentheticals. Words after it belong to the next authority ("…, and
 * distinguished Foe v. Joe"), so they are not read; history phrases after a citation come from the engine.
 */
export function treatmentWords(text: string, start: number, end: number, floor = 0): string[] {
  const from = Math.max(floor, start - BEFORE, 0);
  let near = text.slice(from, end);
  if (!ANY.test(near)) return []; // the clause read below is a part of `near`: no word there either
  const lead = near.slice(0, start - from);
  const cut = lead.search(/[.;]\s+[A-Z][^.;]*$/);
  if (cut > 0) near = near.slice(cut + 1);
  return WORDS.filter((w) => w.re.test(near)).map((w) => w.treatment);
}
