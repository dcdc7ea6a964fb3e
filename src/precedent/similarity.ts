/**
 * Factual similarity on the fact-factor taxonomy (doctrine.md §3.4). Weights follow the specification's
 * "software design suggestion, not a legal rule": highest for the force used and the subject's threat or
 * resistance state, medium for offense, warnings, duration and setting, low for injury; procedural facts (video,
 * disputed facts) describe the record, not the conduct, and do not count. Distinguishing pairs from the rules
 * data (surrendered sitting with hands up vs lying down — Baxter v. Bracey distinguishing Campbell; knife in hand
 * vs in a pocket — Rivas-Villegas distinguishing LaLonde) are material: one was enough for courts to deny
 * clearly-established status, so each costs much of the score.
 */
import type { FactorHit } from '../qi/types.js';
import type { Distinction, DistinguishingPair } from './types.js';

const MEDIUM_CTX = /^ctx\.(warning|duration|time_to_decide|force_after|commands)/;

export function factorWeight(id: string): number {
  if (id.startsWith('force.') || id.startsWith('subject.')) return 3;
  if (id.startsWith('offense.') || MEDIUM_CTX.test(id)) return 1.5;
  if (id.startsWith('setting.')) return 1;
  if (id.startsWith('proc.')) return 0;
  if (id.startsWith('ctx.injury')) return 0.5;
  return 1;
}

/** `force.taser_probe` → `force.taser`: related kinds of the same fact earn partial credit. */
export const family = (id: string): string => id.replace(/^([a-z]+\.[a-z0-9]+)_.*$/, '$1');

/** Every distinguishing pair with one side in the incident and the other in the precedent. */
export function distinctions(incident: ReadonlySet<string>, precedent: ReadonlySet<string>, pairs: readonly DistinguishingPair[]): Distinction[] {
  const out: Distinction[] = [];
  for (const p of pairs) {
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]] as const) {
      // A precedent coded with both sides (several subjects) is not distinguished on this pair.
      if (incident.has(x) && precedent.has(y) && !precedent.has(x)) {
        out.push({ incident_factor: x, precedent_factor: y, note: p.note, source: p.source, verified: p.verified });
      }
    }
  }
  return out;
}

export interface FactorMatch {
  /** 0..1 before penalties. */
  score: number;
  matched: string[];
  partial: string[];
  missing: string[];
  extra: string[];
  distinctions: Distinction[];
  /** 0..1, subtracted from the combined score. */
  penalty: number;
}

/** Material distinctions each cost this much of the combined score (capped), a design choice. */
export const DISTINCTION_PENALTY = 0.3;

export function matchFactors(incidentIds: readonly string[], precedentIds: readonly string[], pairs: readonly DistinguishingPair[]): FactorMatch {
  const inc = new Set(incidentIds);
  const pre = new Set(precedentIds);
  const dist = distinctions(inc, pre, pairs);
  const distinct = new Set(dist.flatMap((d) => [d.incident_factor, d.precedent_factor]));
  const preFamilies = new Set([...pre].filter((id) => !distinct.has(id)).map(family));
  const incFamilies = new Set([...inc].filter((id) => !distinct.has(id)).map(family));
  const matched: string[] = [];
  const partial: string[] = [];
  const missing: string[] = [];
  let hit = 0;
  let incWeight = 0;
  for (const id of inc) {
    const w = factorWeight(id);
    incWeight += w;
    if (pre.has(id)) { matched.push(id); hit += w; }
    else if (!distinct.has(id) && preFamilies.has(family(id))) { partial.push(id); missing.push(id); hit += w / 2; }
    else missing.push(id);
  }
  let preWeight = 0;
  let preHit = 0;
  const extra: string[] = [];
  for (const id of pre) {
    const w = factorWeight(id);
    preWeight += w;
    if (inc.has(id)) preHit += w;
    else if (!distinct.has(id) && incFamilies.has(family(id))) preHit += w / 2;
    else extra.push(id);
  }
  // Coverage of the incident matters most (does the precedent speak to these facts?); precision (does it carry
  // many facts the incident lacks?) less, because courts code opinions with more facts than a short incident.
  const coverage = incWeight > 0 ? hit / incWeight : 0;
  const precision = preWeight > 0 ? preHit / preWeight : 0;
  const score = 0.7 * coverage + 0.3 * precision;
  const penalty = Math.min(2 * DISTINCTION_PENALTY, dist.length * DISTINCTION_PENALTY);
  return { score, matched, partial, missing, extra, distinctions: dist, penalty };
}

/** The sentence a precedent's coding gives for each matched factor (its evidence), for the memo. */
export function supportFor(matched: readonly string[], hits: readonly FactorHit[]): { factor: string; sentence: string }[] {
  const out: { factor: string; sentence: string }[] = [];
  for (const id of matched) {
    const h = hits.find((x) => x.id === id && x.evidence);
    if (h) out.push({ factor: id, sentence: h.evidence });
  }
  return out;
}
