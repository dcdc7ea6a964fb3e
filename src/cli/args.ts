/** Checking flag values that commander hands over as strings. */
import { ClearlyError } from '../errors/index.js';

/**
 * A whole-number flag value from `min` to `max` (no upper bound when `max` is absent), else a usage error naming
 * the flag; `what` names what the number is (`a TCP port`) when that says more than "a whole number".
 */
export function wholeNumber(flag: string, value: string, min: number, max?: number, what?: string): number {
  const n = Number(value);
  if (value.trim() !== '' && Number.isInteger(n) && n >= min && (max === undefined || n <= max)) return n;
  const range = `a whole number ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}`;
  throw new ClearlyError('usage', `${flag} "${value}" is not ${what ? `${what} (${range})` : range}`);
}

/** Output flags that exclude each other (`--json`, `--csv`): a usage error when more than one is given. */
export function oneOutput(opts: object, flags: readonly string[]): void {
  const given = flags.filter((f) => (opts as Record<string, unknown>)[f.replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] !== undefined);
  if (given.length > 1) throw new ClearlyError('usage', `choose one of ${given.join(' and ')}`);
}

/** Like wholeNumber, for an optional flag: undefined stays undefined. */
export function optionalWholeNumber(flag: string, value: string | undefined, min: number, max?: number): number | undefined {
  return value === undefined ? undefined : wholeNumber(flag, value, min, max);
}
