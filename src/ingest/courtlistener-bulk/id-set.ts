/**
 * A set of non-negative integer ids (CourtListener's serial keys) as a growable bitmap: 12 M opinion ids take
 * 1.5 MB where a `Set<number>` would take hundreds. Ids past `MAX_BITMAP` (never seen in CourtListener, but a
 * hand-made file may have them) fall back to an ordinary Set.
 */
const MAX_BITMAP = 1 << 30;

export class IdSet {
  private bits = new Uint8Array(1 << 16);
  private readonly big = new Set<number>();
  size = 0;

  add(id: number): void {
    if (id >= MAX_BITMAP) {
      if (!this.big.has(id)) this.size++;
      this.big.add(id);
      return;
    }
    const byte = id >>> 3;
    if (byte >= this.bits.length) {
      let n = this.bits.length;
      while (n <= byte) n *= 2;
      const grown = new Uint8Array(n);
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (id & 7);
    if ((this.bits[byte]! & mask) === 0) this.size++;
    this.bits[byte]! |= mask;
  }

  has(id: number): boolean {
    if (id >= MAX_BITMAP) return this.big.has(id);
    const byte = id >>> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (id & 7))) !== 0;
  }
}
