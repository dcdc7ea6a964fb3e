import { loadDataJson } from './data.js';
import { ALLEGATION_CATEGORIES, type AllegationCategory } from './types.js';

/**
 * Free-text allegation → categories, driven by data/payouts/allegation-lexicon.json so the rules can be read,
 * argued with and changed without touching code. Every category comes with the pattern that produced it.
 */
interface LexiconFile {
  about: string;
  categories: { category: string; fallback?: boolean; patterns: { pattern: string; why: string }[] }[];
}

export interface AllegationMatch {
  category: AllegationCategory;
  pattern: string;
  why: string;
  /** The text the pattern matched. */
  matched: string;
}

export interface Classification {
  categories: AllegationCategory[];
  matches: AllegationMatch[];
}

interface Rule {
  category: AllegationCategory;
  fallback: boolean;
  re: RegExp;
  pattern: string;
  why: string;
}

let rules: Rule[] | undefined;

function load(): Rule[] {
  if (rules) return rules;
  const file = loadDataJson<LexiconFile>('allegation-lexicon.json');
  const known = new Set<string>(ALLEGATION_CATEGORIES);
  rules = file.categories.flatMap((c) => {
    if (!known.has(c.category)) throw new Error(`allegation-lexicon.json: unknown category ${c.category}`);
    return c.patterns.map((p) => ({
      category: c.category as AllegationCategory,
      fallback: c.fallback === true,
      re: new RegExp(p.pattern, 'giu'),
      pattern: p.pattern,
      why: p.why,
    }));
  });
  return rules;
}

// "False Arrest w/out Battery", "Police shooting - non-fatal", "§1983-not employment": the word is there but denied.
const NEGATED = /\b(?:no|not|non|without|w\/o|w\/out)[\s-]*$/i;

/** Classifies allegation text. Empty text → `unknown`; text no pattern recognises → `other`. */
export function classifyAllegation(text: string | undefined): Classification {
  const t = (text ?? '').trim();
  if (t === '') return { categories: ['unknown'], matches: [] };
  const hits: { rule: Rule; matched: string }[] = [];
  for (const rule of load()) {
    rule.re.lastIndex = 0;
    for (const m of t.matchAll(rule.re)) {
      if (NEGATED.test(t.slice(Math.max(0, m.index - 12), m.index))) continue;
      hits.push({ rule, matched: m[0] });
      break; // one match per pattern is enough to explain the category
    }
  }
  // Fallback categories (generic "civil rights") only speak when nothing more specific did.
  const specific = hits.filter((h) => !h.rule.fallback);
  const kept = specific.length > 0 ? specific : hits;
  const matches = kept.map(({ rule, matched }) => ({ category: rule.category, pattern: rule.pattern, why: rule.why, matched }));
  const categories = ALLEGATION_CATEGORIES.filter((c) => matches.some((m) => m.category === c));
  return { categories: categories.length ? categories : ['other'], matches };
}
