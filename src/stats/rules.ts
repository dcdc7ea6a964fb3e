/** The analytics rules in data/stats/qi-analytics.json: outcome classes, shooting factors, waistband claims. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ClearlyError } from '../errors/index.js';

export type OutcomeClass = 'granted' | 'denied' | 'mixed' | 'excluded';
const CLASSES: readonly OutcomeClass[] = ['granted', 'denied', 'mixed', 'excluded'];

export interface OutcomeRule { code: string; class: OutcomeClass; why: string; source: string }
export interface IdRule { id: string; why: string; source: string }
export interface AnalyticsRules {
  about: string;
  outcomes: OutcomeRule[];
  shooting_factors: IdRule[];
  waistband_claims: IdRule[];
}

let cached: AnalyticsRules | undefined;

/** Both src/stats/*.ts and dist/stats/*.js sit two levels below the package root. */
export function analyticsRules(): AnalyticsRules {
  if (cached) return cached;
  const path = fileURLToPath(new URL('../../data/stats/qi-analytics.json', import.meta.url));
  try {
    const rules = JSON.parse(readFileSync(path, 'utf8')) as AnalyticsRules;
    for (const r of rules.outcomes) if (!CLASSES.includes(r.class) || !r.source) throw new Error(`outcome ${r.code}: bad class or no source`);
    return (cached = rules);
  } catch (err) {
    throw new ClearlyError('internal', `cannot load data file qi-analytics.json: ${(err as Error).message}`, { location: { file: path }, cause: err });
  }
}

/** The class of an outcome code (compared without regard to case); undefined for a code the rules do not list. */
export function outcomeClass(code: string): OutcomeClass | undefined {
  const c = code.trim().toUpperCase();
  return analyticsRules().outcomes.find((r) => r.code === c)?.class;
}

/** One sentence defining the grant rate from the rules, for reports and chart footnotes. */
export function grantDefinition(): string {
  const of = (k: OutcomeClass): string => analyticsRules().outcomes.filter((r) => r.class === k).map((r) => r.code).join(', ');
  return `Grant rate = granted / (granted + denied) over QI decisions (decides_qi). Granted: ${of('granted')}. ` +
    `Denied: ${of('denied')}. Mixed (${of('mixed')}) and excluded (${of('excluded')}, or no outcome coded) are counted but in neither.`;
}
