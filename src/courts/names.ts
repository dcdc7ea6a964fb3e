/**
 * Court names as phrases: exact lookup of a full name (`Supreme Court of Ohio`) and a scan of an opinion's
 * opening caption for the first court name it contains. Both use the same phrase set, built on first use from
 * each court's name, aliases and a few mechanical variants (`United States` dropped for federal courts, `for the`
 * dropped, `Supreme Court of X` ↔ `X Supreme Court` ↔ `Supreme Court of the State of X`).
 */
import { allCourts, jurisdictions } from './data.js';
import { phraseKey } from './normalize.js';
import type { Court } from './types.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  court?: Court;
}

/** Places styled "Commonwealth" in captions. */
const COMMONWEALTHS = new Set(['KY', 'MA', 'PA', 'VA', 'PR', 'MP']);

let exact: Map<string, Court> | undefined;
let trie: TrieNode | undefined;
let conflicts: string[] = [];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Mechanical name variants for a state court, e.g. `Ohio Court of Appeals` → `Court of Appeals of Ohio`. */
function stateVariants(name: string, code: string, place: string): string[] {
  const out: string[] = [];
  const styles = (head: string) => [`${head} of ${place}`, `${head} of the State of ${place}`,
    ...(COMMONWEALTHS.has(code) ? [`${head} of the Commonwealth of ${place}`] : [])];
  if (name.startsWith(`${place} `)) out.push(...styles(name.slice(place.length + 1)));
  const m = new RegExp(`^(.+?) of (?:the )?(?:(?:State|Commonwealth) of )?(?:the )?${escapeRe(place)}$`).exec(name);
  if (m?.[1]) out.push(`${place} ${m[1]}`, ...styles(m[1]));
  return out;
}

/** Every full-name phrase for a court (not its short name, which is too generic for caption scanning). */
export function namePhrases(court: Court): string[] {
  const names = [court.name, ...(court.aliases ?? [])];
  const place = court.state && court.state !== 'DC' ? jurisdictions().find((j) => j.code === court.state) : undefined;
  if (court.jurisdiction === 'state' && place) {
    for (const n of [...names]) names.push(...stateVariants(n, place.code, place.name));
  }
  const phrases = new Set<string>();
  for (const n of names) {
    let p = phraseKey(n);
    if (court.jurisdiction === 'federal' && court.level !== 'supreme' && p.startsWith('united states ')) {
      phrases.add(p);
      p = p.slice('united states '.length);
    }
    phrases.add(p);
    if (p.includes(' for the ')) phrases.add(p.replace(' for the ', ' '));
  }
  return [...phrases];
}

function build(): Map<string, Court> {
  const names = new Map<string, Court>();
  const root: TrieNode = { next: new Map() };
  conflicts = [];
  for (const court of allCourts()) {
    for (const p of namePhrases(court)) {
      const prior = names.get(p);
      if (prior && prior !== court) {
        conflicts.push(`"${p}" → ${prior.id} and ${court.id}`);
        continue;
      }
      names.set(p, court);
      let node = root;
      for (const w of p.split(' ')) {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = { next: new Map() }));
        node = child;
      }
      node.court ??= court;
    }
    const short = phraseKey(court.short_name);
    if (!names.has(short)) names.set(short, court);
  }
  trie = root;
  return names;
}

/** Name phrases shared by two courts (should be empty). */
export function nameConflicts(): readonly string[] {
  exact ??= build();
  return conflicts;
}

/** Court whose full name, alias or short name is exactly `name` (`U.S.` and a leading `The` tolerated). */
export function courtFromName(name: string): Court | undefined {
  const names = (exact ??= build());
  const p = phraseKey(name).replace(/^the /, '').replace(/^(?:u s|us) /, 'united states ');
  return names.get(p) ?? (p.startsWith('united states ') ? names.get(p.slice('united states '.length)) : undefined);
}

/** Characters of an opinion's text searched for a caption. */
export const CAPTION_WINDOW = 2000;

/**
 * The first court name in the opening of an opinion (`UNITED STATES COURT OF APPEALS\n FOR THE FOURTH
 * CIRCUIT`), with the character offset in the normalised text where it starts. Earliest match wins, then longest.
 */
export function courtFromCaption(text: string): { court: Court; offset: number } | undefined {
  exact ??= build();
  const words = phraseKey(text.slice(0, CAPTION_WINDOW)).split(' ');
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    let node: TrieNode | undefined = trie;
    let found: Court | undefined;
    for (let j = i; j < words.length && node; j++) {
      node = node.next.get(words[j] ?? '');
      if (node?.court) found = node.court;
    }
    if (found) return { court: found, offset };
    offset += (words[i]?.length ?? 0) + 1;
  }
  return undefined;
}
