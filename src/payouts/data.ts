import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ClearlyError } from '../errors/index.js';

/**
 * Locates the shipped data files. Both `src/payouts/*.ts` (tsx, vitest) and `dist/payouts/*.js` sit two levels
 * below the package root, so one relative URL serves both.
 */
export function dataPath(name: string): string {
  return fileURLToPath(new URL(`../../data/payouts/${name}`, import.meta.url));
}

const cache = new Map<string, unknown>();

/** Reads and caches a JSON data file; a broken data file is a bug in the package, so it says which file. */
export function loadDataJson<T>(name: string): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const path = dataPath(name);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ClearlyError('internal', `cannot load data file ${name}: ${(err as Error).message}`, {
      location: { file: path },
      cause: err,
    });
  }
  cache.set(name, value);
  return value as T;
}
