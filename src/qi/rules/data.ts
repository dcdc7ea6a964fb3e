/**
 * Reads the legal-rule data files in data/qi/ once, on first use. `src/qi/rules/` (vitest, tsx) and
 * `dist/qi/rules/` (compiled) both sit three levels below the package root, so one relative URL serves both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ClearlyError } from '../../errors/index.js';
import type { CircuitRulesFile, FactorsFile, OutcomesFile, RightsFile } from './types.js';

export function qiDataPath(name: string): string {
  return fileURLToPath(new URL(`../../../data/qi/${name}`, import.meta.url));
}

const cache = new Map<string, unknown>();

/** A broken rules file is a defect of the package, not of the user's input, so it is an `internal` error. */
export function readQiJson<T>(name: string): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const path = qiDataPath(name);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ClearlyError('internal', `cannot load rules file data/qi/${name}: ${(err as Error).message}`, {
      location: { file: path },
      cause: err,
    });
  }
  cache.set(name, value);
  return value as T;
}

export const factorsFile = (): FactorsFile => readQiJson<FactorsFile>('factors.json');
export const outcomesFile = (): OutcomesFile => readQiJson<OutcomesFile>('outcomes.json');
export const circuitRulesFile = (): CircuitRulesFile => readQiJson<CircuitRulesFile>('circuit-rules.json');
export const rightsFile = (): RightsFile => readQiJson<RightsFile>('rights.json');
