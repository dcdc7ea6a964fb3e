import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDateText, parseYear } from './dates.js';

describe('excelSerialToIso', () => {
  it('counts from 1900-01-01 = 1, skipping the phantom 1900-02-29', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeUndefined(); // Lotus's 1900-02-29 never existed
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(37677)).toBe('2003-02-25');
    expect(excelSerialToIso(43831)).toBe('2020-01-01');
    expect(excelSerialToIso(43831.75)).toBe('2020-01-01'); // time of day dropped
    expect(excelSerialToIso(0)).toBeUndefined();
  });

  it('supports the 1904 date system', () => {
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(42369, true)).toBe('2020-01-01');
  });
});

describe('parseDateText', () => {
  it('reads ISO, US and partial dates at their own precision', () => {
    expect(parseDateText('2019-07-08')).toBe('2019-07-08');
    expect(parseDateText('2019-07-08 00:00:00')).toBe('2019-07-08');
    expect(parseDateText('3/8/2011')).toBe('2011-03-08');
    expect(parseDateText('03/08/11')).toBe('2011-03-08');
    expect(parseDateText('12/31/69')).toBe('1969-12-31');
    expect(parseDateText('4/2005')).toBe('2005-04');
    expect(parseDateText('2013')).toBe('2013');
  });

  it('rejects impossible dates and ranges', () => {
    expect(parseDateText('2019-02-29')).toBeUndefined();
    expect(parseDateText('2004 > 2008')).toBeUndefined();
    expect(parseDateText('05/11/2015-05/13/2015')).toBeUndefined();
    expect(parseDateText('')).toBeUndefined();
  });

  it('honours a declared format and does not second-guess its day order', () => {
    expect(parseDateText('08.03.2011', 'DD.MM.YYYY')).toBe('2011-03-08');
    expect(parseDateText('8/3/2011', 'D/M/YYYY')).toBe('2011-03-08');
    expect(parseDateText('2011-03-08', 'D/M/YYYY')).toBe('2011-03-08'); // ISO always accepted
    expect(parseDateText('3/8/2011', 'iso')).toBeUndefined();
  });
});

describe('parseYear', () => {
  it('reads year cells', () => {
    expect(parseYear('2013')).toBe(2013);
    expect(parseYear('2013.0')).toBe(2013);
    expect(parseYear('FY2009/10')).toBeUndefined();
  });
});
