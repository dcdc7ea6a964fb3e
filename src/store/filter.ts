import { ClearlyError } from '../errors/index.js';
import type { CaseFilter } from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Rejects filter values that would silently match nothing (a date like `3/2/2019` compared as text). */
export function checkCaseFilter(filter: CaseFilter): void {
  for (const key of ['after', 'before'] as const) {
    const v = filter[key];
    if (v !== undefined && !ISO_DATE.test(v)) {
      throw new ClearlyError('usage', `--${key} "${v}" is not a date in YYYY-MM-DD form`, { hint: 'Example: --before 2019-03-02' });
    }
  }
  if (filter.courts !== undefined && (!Array.isArray(filter.courts) || filter.courts.some((c) => typeof c !== 'string'))) {
    throw new ClearlyError('usage', 'courts must be a list of court ids such as ca6');
  }
  if (filter.decides_qi !== undefined && typeof filter.decides_qi !== 'boolean') {
    throw new ClearlyError('usage', `decides_qi must be true or false, not ${JSON.stringify(filter.decides_qi)}`);
  }
  for (const [key, example] of [['qi_outcomes', 'AFFIRM_DENIAL'], ['factors', 'force.k9']] as const) {
    const v = filter[key];
    if (v !== undefined && (!Array.isArray(v) || v.length > MAX_QI_VALUES || v.some((x) => typeof x !== 'string' || x === ''))) {
      throw new ClearlyError('usage', `${key} must be a list of at most ${MAX_QI_VALUES} ids such as ${example}`);
    }
  }
}

/** Bounds the filter lists (and so the SQL work one request can ask for). */
export const MAX_QI_VALUES = 50;
