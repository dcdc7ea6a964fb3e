import { loadDataJson } from './data.js';

/** Publishers' caveats (data/payouts/caveats.json), attached to payouts by id and carried into every summary. */
export interface Caveat {
  id: string;
  text: string;
  source: string;
}

export function allCaveats(): Caveat[] {
  return loadDataJson<{ caveats: Caveat[] }>('caveats.json').caveats;
}

/** The caveats for a set of ids, in the data file's order; unknown ids are reported rather than dropped. */
export function caveatsFor(ids: Iterable<string>): Caveat[] {
  const wanted = new Set(ids);
  const known = allCaveats();
  const out = known.filter((c) => wanted.has(c.id));
  for (const id of wanted) {
    if (!known.some((c) => c.id === id)) out.push({ id, text: `(caveat ${id} is not in caveats.json)`, source: 'unknown' });
  }
  return out;
}
