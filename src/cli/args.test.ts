import { describe, expect, it } from 'vitest';
import { oneOutput, optionalWholeNumber, wholeNumber } from './args.js';

describe('oneOutput', () => {
  it('refuses two output flags, naming them, and takes one or none', () => {
    expect(() => oneOutput({ json: true, csv: true }, ['--json', '--csv'])).toThrow(expect.objectContaining({ code: 'usage', message: 'choose one of --json and --csv' }));
    expect(() => oneOutput({ json: true, outFile: 'x' }, ['--json', '--out-file'])).toThrow('choose one of --json and --out-file');
    expect(() => oneOutput({ json: true, csv: undefined }, ['--json', '--csv'])).not.toThrow();
    expect(() => oneOutput({}, ['--json', '--csv'])).not.toThrow();
  });
});

describe('wholeNumber', () => {
  it('takes whole numbers in range', () => {
    expect(wholeNumber('--limit', '10', 1, 100)).toBe(10);
    expect(wholeNumber('--port', '0', 0, 65535)).toBe(0);
    expect(wholeNumber('--batch', '5000', 1)).toBe(5000);
    expect(optionalWholeNumber('--limit', undefined, 1)).toBeUndefined();
  });

  it('refuses fractions, words, blanks and numbers out of range with a usage error naming the flag', () => {
    for (const bad of ['0', '101', '2.5', 'ten', '', ' ', '1e9', '-3']) {
      expect(() => wholeNumber('--limit', bad, 1, 100), bad).toThrow(expect.objectContaining({ code: 'usage', message: `--limit "${bad}" is not a whole number from 1 to 100` }));
    }
    expect(() => wholeNumber('--batch', '0', 1)).toThrow('--batch "0" is not a whole number of at least 1');
    expect(() => wholeNumber('--port', '99999', 0, 65535, 'a TCP port')).toThrow('--port "99999" is not a TCP port (a whole number from 0 to 65535)');
  });
});
