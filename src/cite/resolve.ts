/**
 * resolveCitations: points every short form, id. and supra at the full citation it stands for, when that is
 * unambiguous, and otherwise says why not. Works on the citations alone (spans, names, reporters), in order.
 */
import type { Citation } from './types.js';

const AUTHORITY = new Set(['case', 'journal', 'database']);

export function resolveCitations(citations: Citation[]): Citation[] {
  let previous: number | undefined; // the last citation an id. could refer to
  citations.forEach((cite, idx) => {
    switch (cite.type) {
      case 'short_case':
        resolveShort(citations, idx);
        break;
      case 'supra':
        resolveSupra(citations, idx);
        break;
      case 'id':
        resolveId(citations, idx, previous);
        break;
      default:
        break;
    }
    if (cite.type !== 'docket') previous = idx;
  });
  return citations;
}

function sameGroupCount(citations: Citation[], candidates: number[]): number {
  return new Set(candidates.map((i) => citations[i]!.group ?? `i${i}`)).size;
}

function nameMatches(cite: Citation, antecedent: string): boolean {
  const words = antecedent.toLowerCase().replace(/[,.]/g, '').split(/\s+/).filter((w) => w.length > 1 && w !== 'v');
  const hay = `${cite.plaintiff ?? ''} ${cite.defendant ?? ''}`.toLowerCase();
  return words.length > 0 && words.every((w) => hay.includes(w));
}

function resolveShort(citations: Citation[], idx: number): void {
  const cite = citations[idx]!;
  let candidates: number[] = [];
  for (let i = 0; i < idx; i++) {
    const c = citations[i]!;
    if (AUTHORITY.has(c.type) && c.volume === cite.volume && sameReporter(c, cite)) candidates.push(i);
  }
  if (!candidates.length) {
    cite.unresolved_reason = `no earlier full citation to ${cite.volume} ${cite.reporter ?? cite.reporter_found}`;
    return;
  }
  const pin = Number.parseInt(cite.pin_cite ?? '', 10);
  if (Number.isFinite(pin)) {
    const byPage = candidates.filter((i) => {
      const page = Number.parseInt(citations[i]!.page ?? '', 10);
      return !Number.isFinite(page) || page <= pin;
    });
    if (byPage.length) candidates = byPage;
  }
  if (cite.antecedent && sameGroupCount(citations, candidates) > 1) {
    const named = candidates.filter((i) => nameMatches(citations[i]!, cite.antecedent!));
    if (named.length) candidates = named;
  }
  settle(citations, cite, candidates);
}

function sameReporter(a: Citation, b: Citation): boolean {
  if (a.reporter_id && b.reporter_id) return a.reporter_id === b.reporter_id || a.reporter === b.reporter;
  return (a.reporter ?? a.reporter_found) === (b.reporter ?? b.reporter_found);
}

function settle(citations: Citation[], cite: Citation, candidates: number[]): void {
  const groups = sameGroupCount(citations, candidates);
  if (groups === 1) {
    cite.resolves_to = candidates[candidates.length - 1];
    return;
  }
  // The nearest earlier citation of the same authority wins only if the others are distinct cases.
  cite.unresolved_reason = `ambiguous: ${groups} earlier authorities match`;
}

function resolveSupra(citations: Citation[], idx: number): void {
  const cite = citations[idx]!;
  const candidates: number[] = [];
  for (let i = 0; i < idx; i++) {
    const c = citations[i]!;
    if (AUTHORITY.has(c.type) && cite.antecedent && nameMatches(c, cite.antecedent)) candidates.push(i);
  }
  if (!candidates.length) {
    cite.unresolved_reason = `no earlier full citation named "${cite.antecedent ?? ''}"`;
    return;
  }
  // Parallel citations of one authority are one candidate: point at the first of the group.
  const firsts = candidates.filter((i) => !candidates.some((j) => j < i && citations[j]!.group === citations[i]!.group && citations[i]!.group));
  settle(citations, cite, firsts);
}

function resolveId(citations: Citation[], idx: number, previous: number | undefined): void {
  const cite = citations[idx]!;
  if (previous === undefined) {
    cite.unresolved_reason = 'no earlier citation for id. to refer to';
    return;
  }
  const prev = citations[previous]!;
  if (prev.type === 'id' || prev.type === 'short_case' || prev.type === 'supra') {
    if (prev.resolves_to === undefined) {
      cite.unresolved_reason = 'the preceding citation is itself unresolved';
      return;
    }
    cite.resolves_to = prev.resolves_to;
    return;
  }
  if (AUTHORITY.has(prev.type) && inStringCite(citations, previous)) {
    cite.unresolved_reason = 'ambiguous: the preceding citation sentence cites several authorities';
    return;
  }
  cite.resolves_to = firstOfGroup(citations, previous);
}

/** The previous citation sentence cited more than one authority (`A; B.`), so id. has no single referent. */
function inStringCite(citations: Citation[], at: number): boolean {
  const cur = citations[at]!;
  for (let i = at - 1; i >= 0; i--) {
    const c = citations[i]!;
    if (c.group && c.group === cur.group) continue;
    if (!AUTHORITY.has(c.type)) return false;
    return cur.full_span[0] - c.full_span[1] <= 12 && cur.full_span[0] > c.full_span[1];
  }
  return false;
}

function firstOfGroup(citations: Citation[], at: number): number {
  const group = citations[at]!.group;
  if (!group) return at;
  let i = at;
  while (i > 0 && citations[i - 1]!.group === group) i--;
  return i;
}
