import { describe, expect, it } from 'vitest';
import { formatCents, parseAmount } from './money.js';

const cents = (s: string): number | string => {
  const r = parseAmount(s);
  return r.ok ? r.cents : r.code;
};

describe('parseAmount', () => {
  it('reads the ways sources write money, exactly', () => {
    expect(cents('1234')).toBe(123_400);
    expect(cents('$1,234.56')).toBe(123_456);
    expect(cents(' $ 12,345,678.9 ')).toBe(1_234_567_890);
    expect(cents('0.1')).toBe(10);
    expect(cents('.5')).toBe(50);
    expect(cents('5.')).toBe(500);
    expect(cents('1.5E+06')).toBe(150_000_000);
    expect(cents('0')).toBe(0);
  });

  it('reads negatives, including accounting parentheses', () => {
    expect(cents('-250.10')).toBe(-25_010);
    expect(cents('(1,000.00)')).toBe(-100_000);
    expect(cents('$-5')).toBe(-500);
  });

  it("recovers Excel's float text to the cent without floating point", () => {
    expect(cents('271864.78000000003')).toBe(27_186_478);
    expect(cents('18366.669999999998')).toBe(1_836_667);
    expect(cents('0.30000000000000004')).toBe(30);
  });

  it('rounds sub-cent amounts half away from zero and says so', () => {
    expect(parseAmount('750.0599')).toEqual({ ok: true, cents: 75_006, rounded: true });
    expect(parseAmount('1499999.9999')).toEqual({ ok: true, cents: 150_000_000, rounded: true });
    expect(parseAmount('0.005')).toEqual({ ok: true, cents: 1, rounded: true });
    expect(parseAmount('-0.005')).toEqual({ ok: true, cents: -1, rounded: true });
    expect(parseAmount('0.0049')).toEqual({ ok: true, cents: 0, rounded: true });
    expect(parseAmount('10.50')).toEqual({ ok: true, cents: 1050, rounded: false });
  });

  it('tells blank from garbage', () => {
    expect(cents('')).toBe('missing_amount');
    expect(cents('   ')).toBe('missing_amount');
    expect(cents('N/A')).toBe('bad_amount');
    expect(cents('1,23')).toBe('bad_amount');
    expect(cents('12.3.4')).toBe('bad_amount');
    expect(cents('$')).toBe('bad_amount');
    expect(cents('1e400')).toBe('bad_amount');
    expect(cents('99999999999999999')).toBe('bad_amount'); // beyond safe integer cents
  });
});

describe('formatCents', () => {
  it('formats dollars with separators', () => {
    expect(formatCents(6_079_155_321)).toBe('$60,791,553.21');
    expect(formatCents(-5)).toBe('-$0.05');
  });
});
