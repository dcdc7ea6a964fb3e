/**
 * A character tree of abbreviations (reporters, databases, codes). Keys ignore spaces, periods and apostrophes,
 * so `F.3d`, `F. 3d` and `F 3d` are one key; walking the text skips the same characters. Finding the volume
 * first and walking this tree is what keeps extraction linear and fast (one alternation regex over all
 * reporters is two orders of magnitude slower).
 */
export interface TrieEntry<T> {
  value: T;
  /** The abbreviation form this key was built from (canonical or a variant). */
  form: string;
}

interface Node<T> {
  next: Map<number, Node<T>>;
  entries: TrieEntry<T>[] | undefined;
}

export interface TrieMatch<T> {
  /** Offset just past the matched abbreviation, including a trailing period. */
  end: number;
  entries: TrieEntry<T>[];
}

const SPACE = 32;
const PERIOD = 46;
const APOSTROPHE = 39;

function skippable(c: number): boolean {
  return c === SPACE || c === PERIOD || c === APOSTROPHE;
}

export function normalizeKey(s: string): string {
  let out = '';
  for (const ch of s.replace(/[’‘]/g, "'")) {
    const c = ch.charCodeAt(0);
    if (!skippable(c)) out += ch;
  }
  return out;
}

export class AbbreviationTrie<T> {
  private root: Node<T> = { next: new Map(), entries: undefined };

  add(form: string, value: T): void {
    const key = normalizeKey(form);
    if (!key) return;
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), entries: undefined };
        node.next.set(c, child);
      }
      node = child;
    }
    node.entries ??= [];
    if (!node.entries.some((e) => e.value === value)) node.entries.push({ value, form });
  }

  /**
   * Every abbreviation that starts at `pos` and ends at a word boundary, longest first. At most `maxSkip`
   * consecutive skippable characters are crossed, so a walk cannot run on through a long run of periods.
   */
  matchAt(text: string, pos: number): TrieMatch<T>[] {
    const found: TrieMatch<T>[] = [];
    let node = this.root;
    let j = pos;
    let skipped = 0;
    const n = text.length;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (skippable(c)) {
        if (++skipped > 2 || j === pos) break;
        j++;
        continue;
      }
      const child = node.next.get(c);
      if (!child) break;
      node = child;
      skipped = 0;
      j++;
      if (node.entries && isBoundary(text, j)) {
        const end = text.charCodeAt(j) === PERIOD ? j + 1 : j;
        found.push({ end, entries: node.entries });
      }
    }
    return found.reverse();
  }
}

function isBoundary(text: string, j: number): boolean {
  if (j >= text.length) return true;
  const c = text.charCodeAt(j);
  // A key must not end inside a word: "Cal" must not match the start of "California".
  return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57));
}
