import { describe, expect, it } from 'vitest';
import { normalizePayer, payerKey } from './payer.js';

describe('normalizePayer', () => {
  it('maps the Minnesota Source labels to canonical payers', () => {
    expect(normalizePayer('League of Minnesota Cities', { state: 'MN' })).toMatchObject({ name: 'League of Minnesota Cities Insurance Trust', type: 'insurance_pool', by: 'alias' });
    expect(normalizePayer('LMCIT')).toMatchObject({ name: 'League of Minnesota Cities Insurance Trust' });
    expect(normalizePayer('MCIT')).toMatchObject({ name: 'Minnesota Counties Intergovernmental Trust', type: 'insurance_pool' });
    expect(normalizePayer('Saint Paul', { state: 'MN' })).toMatchObject({ name: 'St. Paul', type: 'city' });
    expect(normalizePayer('st paul')).toMatchObject({ name: 'St. Paul' });
    expect(normalizePayer('Ramsey County')).toMatchObject({ type: 'county' });
    expect(normalizePayer('State Patrol', { state: 'MN' })).toMatchObject({ name: 'State of Minnesota', type: 'state' });
  });

  it('scopes aliases by state', () => {
    expect(normalizePayer('Duluth', { state: 'GA', declared: 'city' })).toMatchObject({ name: 'Duluth', by: 'declared' });
    expect(normalizePayer('Washington', { state: 'DC', declared: 'city' })).toMatchObject({ name: 'District of Columbia', by: 'alias' });
    expect(normalizePayer('St. Louis', { state: 'MO', declared: 'city' })).toMatchObject({ name: 'St. Louis', type: 'city', by: 'declared' });
  });

  it('types unknown names by rule, then by the declared type, else unknown', () => {
    expect(normalizePayer('South Carolina Insurance Reserve Fund')).toMatchObject({ type: 'insurance_pool', by: 'rule' });
    expect(normalizePayer('Orleans Parish')).toMatchObject({ type: 'county', by: 'rule' });
    expect(normalizePayer('Commonwealth of Virginia')).toMatchObject({ type: 'state', by: 'rule' });
    expect(normalizePayer('Town of Westfield')).toMatchObject({ type: 'city', by: 'rule' });
    expect(normalizePayer('Officer J. Doe, personally')).toMatchObject({ type: 'officer', by: 'rule' });
    expect(normalizePayer('Acme', { declared: 'city' })).toMatchObject({ type: 'city', by: 'declared' });
    expect(normalizePayer('Acme')).toMatchObject({ type: 'unknown', by: 'unknown', name: 'Acme' });
    expect(normalizePayer('  ')).toMatchObject({ type: 'unknown', name: 'unknown' });
  });

  it('builds forgiving keys', () => {
    expect(payerKey('St. Paul, City of')).toBe(payerKey('st paul city of'));
    expect(payerKey('A & B')).toBe('a and b');
  });
});
