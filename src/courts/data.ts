/**
 * Loads data/courts.json and data/circuits.json once, on first use. `data/` sits at the package root beside both
 * `src/` (vitest) and `dist/` (compiled), so the same relative URL works from either.
 */
import { readFileSync } from 'node:fs';
import type { Circuit, Court, Jurisdiction } from './types.js';

export interface CourtsFile {
  readonly $comment: string;
  readonly sources: Readonly<Record<string, string>>;
  readonly courts: readonly Court[];
}

export interface CircuitsFile {
  readonly $comment: string;
  readonly sources: Readonly<Record<string, string>>;
  readonly circuits: readonly Circuit[];
  readonly jurisdictions: readonly Jurisdiction[];
}

let courtsFile: CourtsFile | undefined;
let circuitsFile: CircuitsFile | undefined;
let byId: Map<string, Court> | undefined;
let byCode: Map<string, Jurisdiction> | undefined;
let byStateKey: Map<string, string> | undefined;

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8')) as T;
}

export function courtsData(): CourtsFile {
  return (courtsFile ??= readJson<CourtsFile>('courts.json'));
}

export function circuitsData(): CircuitsFile {
  return (circuitsFile ??= readJson<CircuitsFile>('circuits.json'));
}

export function allCourts(): readonly Court[] {
  return courtsData().courts;
}

/** The court with this CourtListener id (`ca6`, `ohsd`), or undefined. */
export function getCourt(id: string): Court | undefined {
  byId ??= new Map(allCourts().map((c) => [c.id, c]));
  return byId.get(id);
}

export function jurisdictions(): readonly Jurisdiction[] {
  return circuitsData().jurisdictions;
}

/** Lowercase with spaces, periods and apostrophes removed: `W. Va.` → `wva`, `Hawai'i` → `hawaii`. */
function stateKey(s: string): string {
  return s.toLowerCase().replace(/[\s.'’]+/g, '');
}

/**
 * Postal code for a state, D.C. or territory given its name (`Massachusetts`, `Commonwealth of Massachusetts`),
 * Bluebook abbreviation (`Mass.`) or postal code (`MA`).
 */
export function stateFromName(name: string): string | undefined {
  if (!byStateKey) {
    byStateKey = new Map();
    for (const j of jurisdictions()) {
      for (const k of [j.code, j.name, j.abbreviation, ...(j.aliases ?? [])]) byStateKey.set(stateKey(k), j.code);
    }
  }
  const key = stateKey(name).replace(/^the/, '').replace(/^(stateof|commonwealthof|territoryof)/, '');
  return byStateKey.get(key) ?? byStateKey.get(stateKey(name));
}

/**
 * Circuit (`"1"`…`"11"`, `"dc"`) for a postal code per 28 U.S.C. § 41; a state name also works.
 * Undefined for places § 41 does not list (American Samoa).
 */
export function circuitOfState(code: string): string | undefined {
  byCode ??= new Map(jurisdictions().map((j) => [j.code, j]));
  const hit = byCode.get(code.trim().toUpperCase());
  if (hit) return hit.circuit;
  const viaName = stateFromName(code);
  return viaName ? byCode.get(viaName)?.circuit : undefined;
}
