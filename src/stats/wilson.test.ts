import { describe, expect, it } from 'vitest';
import { newcombe, wilson } from './wilson.js';

describe('Wilson interval', () => {
  it('matches published values', () => {
    // Newcombe (1998), Table I: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611; 1/29 → 0.0061–0.1718.
    const cases: [number, number, number, number][] = [[81, 263, 0.2553, 0.3662], [15, 148, 0.0624, 0.1605], [0, 20, 0, 0.1611], [1, 29, 0.0061, 0.1718]];
    for (const [k, n, lo, hi] of cases) {
      const ci = wilson(k, n)!;
      expect(ci.low, `${k}/${n}`).toBeCloseTo(lo, 4);
      expect(ci.high, `${k}/${n}`).toBeCloseTo(hi, 4);
    }
  });

  it('is exact at the ends, empty for no data, and refuses nonsense', () => {
    expect(wilson(5, 5)!.high).toBe(1);
    expect(wilson(0, 5)!.low).toBe(0);
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(6, 5)).toThrow(RangeError);
  });
});

describe('Newcombe difference interval', () => {
  it('matches published values', () => {
    // Newcombe (1998), Table II, method 10: 56/70 − 48/80 = 0.2 → 0.0524–0.3339; 9/10 − 3/10 = 0.6 → 0.1705–0.8090.
    const a = newcombe(56, 70, 48, 80)!;
    expect(a.diff).toBeCloseTo(0.2, 10);
    expect(a.low).toBeCloseTo(0.0524, 4);
    expect(a.high).toBeCloseTo(0.3339, 4);
    const b = newcombe(9, 10, 3, 10)!;
    expect(b.low).toBeCloseTo(0.1705, 4);
    expect(b.high).toBeCloseTo(0.809, 4);
    expect(newcombe(1, 2, 0, 0)).toBeNull();
  });
});
