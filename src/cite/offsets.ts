/**
 * A piecewise-linear offset map from cleaned text back to the input. Cleaning changes offsets only where it
 * collapses whitespace, drops a tag or decodes an entity; between those points the shift is constant, so the map
 * stores one (position, shift) pair per change instead of one number per character.
 */
export class OffsetMap {
  private readonly at: number[] = [0];
  private readonly shift: number[] = [0];

  /** From cleaned position `cleanPos` on, input position = cleaned position + (sourcePos - cleanPos). */
  mark(cleanPos: number, sourcePos: number): void {
    const d = sourcePos - cleanPos;
    const last = this.at.length - 1;
    if (this.shift[last] === d) return;
    if (this.at[last] === cleanPos) {
      this.shift[last] = d;
      return;
    }
    this.at.push(cleanPos);
    this.shift.push(d);
  }

  get(pos: number): number {
    const at = this.at;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return pos + this.shift[lo]!;
  }
}

/** Two maps applied in turn (cleaned → intermediate → input). */
export function compose(outer: OffsetMap, inner: OffsetMap): { get(pos: number): number } {
  return { get: (pos) => inner.get(outer.get(pos)) };
}
