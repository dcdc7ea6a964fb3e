/**
 * The Incident: validated fields, the place resolved to a circuit, and the free-text facts coded to factors
 * (each with the words it was read from, so the user can correct the reading). Every problem is a `bad_data`
 * error naming the field and, for files, its line.
 */
import { ClearlyError } from '../errors/index.js';
import type { Posture } from '../qi/types.js';
import type { ActorType, Incident, IncidentFactor, Rules } from '../precedent/types.js';
import type { RawIncident } from './incident-source.js';
import { resolvePlace, type Fail } from './place.js';

export const INCIDENT_FIELDS = ['date', 'state', 'district', 'circuit', 'actor', 'right', 'facts', 'factors', 'posture'] as const;
export const ACTORS: readonly ActorType[] = ['state', 'local', 'federal', 'municipality'];
export const POSTURES: readonly Posture[] = ['motion_to_dismiss', 'summary_judgment', 'interlocutory_appeal', 'post_trial', 'other'];
export const DEFAULT_RIGHT = 'fourth_amendment_excessive_force';

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Closest known ids, for "did you mean" hints. */
function suggest(id: string, known: readonly string[]): string[] {
  const tail = id.replace(/^[a-z]+\./, '');
  return known.filter((k) => k.includes(tail) || tail.includes(k.replace(/^[a-z]+\./, ''))).slice(0, 3);
}

export interface IncidentOptions {
  /** Today, for the "date in the future" check; tests pin it. */
  today?: string;
}

export function toIncident(raw: RawIncident, rules: Rules, opts: IncidentOptions = {}): Incident {
  const v = raw.values;
  const fail: Fail = (field, message, hint) => {
    const index = /\[(\d+)\]$/.exec(field)?.[1];
    const line = raw.lineOf(field.replace(/\[\d+\]$/, ''), index === undefined ? undefined : Number(index));
    throw new ClearlyError('bad_data', `incident field ${field}: ${message}`, {
      location: { file: raw.origin, ...(line !== undefined ? { line } : {}) },
      ...(hint ? { hint } : {}),
    });
  };
  for (const key of Object.keys(v)) {
    if (!(INCIDENT_FIELDS as readonly string[]).includes(key)) fail(key, 'unknown field', `Incident fields are: ${INCIDENT_FIELDS.join(', ')}.`);
  }

  const date = typeof v.date === 'string' ? v.date.trim() : v.date instanceof Date ? v.date.toISOString().slice(0, 10) : undefined;
  if (date === undefined) fail('date', 'missing: the date of the conduct (YYYY-MM-DD) decides which decisions count');
  if (!isCalendarDate(date)) fail('date', `"${date}" is not a date in YYYY-MM-DD form`, 'Example: date: 2019-03-02');
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  if (date > today) fail('date', `${date} is in the future`);

  const place = resolvePlace(v.state, v.district, v.circuit, fail);

  let actor: ActorType | null = null;
  if (v.actor !== undefined && v.actor !== null) {
    const a = String(v.actor).trim().toLowerCase();
    if (!(ACTORS as readonly string[]).includes(a)) fail('actor', `"${String(v.actor)}" is not one of ${ACTORS.join(', ')}`);
    actor = a as ActorType;
  }

  let right = DEFAULT_RIGHT;
  if (v.right !== undefined && v.right !== null) right = readRight(String(v.right), rules, fail);

  let posture: Posture | null = null;
  if (v.posture !== undefined && v.posture !== null) {
    const p = String(v.posture).trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (!(POSTURES as readonly string[]).includes(p)) fail('posture', `"${String(v.posture)}" is not one of ${POSTURES.join(', ')}`);
    posture = p as Posture;
  }

  if (v.facts !== undefined && v.facts !== null && typeof v.facts !== 'string') fail('facts', 'facts must be text');
  const facts = typeof v.facts === 'string' && v.facts.trim() ? v.facts.trim() : null;

  const factors = readFactors(v.factors, facts, rules, fail);
  if (!facts && factors.length === 0) fail('facts', 'give the facts as text (facts:) or as factor ids (factors:), or both');

  return { date, ...place, actor, right, facts, factors, posture, origin: raw.origin };
}

/** A right id from the rules data; a unique tail (`false arrest` → `fourth_amendment_false_arrest`) is accepted. */
function readRight(value: string, rules: Rules, fail: Fail): string {
  const id = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (rules.right(id)) return id;
  const tails = rules.rightIds().filter((r) => r.endsWith(`_${id}`));
  if (tails.length === 1) return tails[0]!;
  return fail('right', `"${value}" is ${tails.length > 1 ? 'ambiguous' : 'not a right this tool knows'}`, `Use one of: ${(tails.length > 1 ? tails : rules.rightIds()).join(', ')}.`);
}

/**
 * Given factor ids win over ones read from the text; `-id` removes a factor the coder read wrongly — the way a
 * user corrects the reading the memo shows.
 */
function readFactors(value: unknown, facts: string | null, rules: Rules, fail: Fail): IncidentFactor[] {
  let list: unknown[] = [];
  if (typeof value === 'string') list = value.split(/[\s,]+/).filter(Boolean);
  else if (Array.isArray(value)) list = value;
  else if (value !== undefined && value !== null) fail('factors', 'factors must be a list of factor ids such as force.k9_bite');
  const given: IncidentFactor[] = [];
  const removed = new Set<string>();
  list.forEach((item, i) => {
    if (typeof item !== 'string') return fail(`factors[${i}]`, 'each factor must be an id such as force.k9_bite');
    const neg = item.startsWith('-');
    const id = item.replace(/^-/, '').trim();
    const known = rules.factor(id);
    if (!known) {
      const near = suggest(id, rules.factorIds());
      return fail(`factors[${i}]`, `unknown factor id "${id}"`, near.length ? `Did you mean ${near.join(' or ')}?` : 'See data/qi/factors.json for the taxonomy.');
    }
    // An alias (`force.k9`) becomes the taxonomy id, so it matches precedents coded with the canonical one.
    if (neg) removed.add(known.id);
    else if (!given.some((g) => g.id === known.id)) given.push({ id: known.id, from: 'given', confidence: 1 });
  });
  const read: IncidentFactor[] = [];
  if (facts) {
    for (const hit of rules.factorsFromText(facts)) {
      if (removed.has(hit.id) || given.some((g) => g.id === hit.id) || read.some((r) => r.id === hit.id)) continue;
      read.push({ id: hit.id, from: 'facts', evidence: hit.evidence, ...(hit.span ? { span: hit.span } : {}), confidence: hit.confidence });
    }
  }
  return [...given, ...read];
}
