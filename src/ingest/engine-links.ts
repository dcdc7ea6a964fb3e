/**
 * The citation engine's links for one opinion: every full case citation, parallel citations grouped as one
 * authority, repeated citations and the short forms, `Id.` and `supra` that resolve to it counted in `depth`.
 * Resolution to a case is separate (resolve-links.ts) because it needs the store.
 */
import { findWithText, type Citation, type FindResult } from '../cite/index.js';
import { reporterKey } from '../store/records.js';
import { treatmentWords } from './treatment.js';

export interface EngineLink {
  /** Every reporter citation of the authority (parallel ones included), first as written first. */
  members: { volume: string; reporter: string; page: string }[];
  text: string;
  pin_cite: string | null;
  parenthetical: string | null;
  signal: string | null;
  span: [number, number];
  treatment: string[];
  depth: number;
}

export const citeKey = (v: string, r: string, p: string): string => `${v.trim()}|${reporterKey(r)}|${p.trim()}`;

const isFull = (c: Citation): boolean => c.type === 'case' && !!c.volume && !!c.reporter && !!c.page && /^\d+$/.test(c.page);

export function engineLinks(text: string): EngineLink[] {
  return engineLinksOf(findWithText(text, { html: false }));
}

/** The links of a citation pass already made over the text (`findWithText(text, { html: false })`); only read. */
export function engineLinksOf({ citations, clean }: FindResult): EngineLink[] {
  const byKey = new Map<string, EngineLink>();
  const byIndex = new Map<number, EngineLink>();
  const byGroup = new Map<string, EngineLink>();
  let floor = 0;
  citations.forEach((c, i) => {
    const prevEnd = floor;
    floor = Math.max(floor, c.full_span[1]);
    if (!isFull(c)) return;
    const key = citeKey(c.volume!, c.reporter!, c.page!);
    let link = (c.group ? byGroup.get(c.group) : undefined) ?? byKey.get(key);
    const fresh = !link;
    if (!link) {
      link = {
        members: [], text: c.text, pin_cite: c.pin_cite ?? null, parenthetical: c.parenthetical ?? null,
        signal: c.signal ?? null, span: c.span, treatment: [], depth: 0,
      };
    }
    if (!link.members.some((m) => citeKey(m.volume, m.reporter, m.page) === key)) link.members.push({ volume: c.volume!, reporter: c.reporter!, page: c.page! });
    // One occurrence of a parallel group counts once; a later full citation of the same case counts again.
    const sameOccurrence = c.group !== undefined && byGroup.get(c.group) === link;
    if (fresh || !sameOccurrence) link.depth++;
    link.pin_cite ??= c.pin_cite ?? null;
    link.parenthetical ??= c.parenthetical ?? null;
    for (const t of treatmentWords(clean.text, c.full_span[0], c.full_span[1], prevEnd)) if (!link.treatment.includes(t)) link.treatment.push(t);
    for (const h of c.history ?? []) if (h.target !== undefined && !link.treatment.includes(h.relation)) link.treatment.push(h.relation);
    byKey.set(key, link);
    if (c.group) byGroup.set(c.group, link);
    byIndex.set(i, link);
  });
  for (const c of citations) {
    if (c.resolves_to === undefined || isFull(c)) continue;
    const link = byIndex.get(c.resolves_to);
    if (link) link.depth++;
  }
  return [...new Set(byIndex.values())];
}
