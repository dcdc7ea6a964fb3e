import { describe, expect, it } from 'vitest';
import { resolveCourt } from './index.js';

const r = (q: string) => {
  const hit = resolveCourt(q);
  return hit && { id: hit.court.id, via: hit.via };
};

describe('resolveCourt', () => {
  it('resolves CourtListener ids exactly', () => {
    expect(resolveCourt('ca4')).toMatchObject({ court: { id: 'ca4' }, via: 'id', confidence: 1 });
    expect(r('ohsd')).toEqual({ id: 'ohsd', via: 'id' });
    expect(r('CADC')).toEqual({ id: 'cadc', via: 'id' });
    expect(r('texcrimapp')).toEqual({ id: 'texcrimapp', via: 'id' });
  });

  it('resolves full names, with or without "United States" and with "U.S."', () => {
    expect(r('Court of Appeals for the Fourth Circuit')).toEqual({ id: 'ca4', via: 'name' });
    expect(r('United States Court of Appeals for the First Circuit')).toEqual({ id: 'ca1', via: 'name' });
    expect(r('U.S. District Court for the District of Massachusetts')).toEqual({ id: 'mad', via: 'name' });
    expect(r('United States District Court for the Southern District of Texas')).toEqual({ id: 'txsd', via: 'name' });
    expect(r('U.S. Bankruptcy Court for the Southern District of New York')).toEqual({ id: 'nysb', via: 'name' });
    expect(r('Supreme Court of Ohio')).toEqual({ id: 'ohio', via: 'name' });
    expect(r('Ohio Supreme Court')).toEqual({ id: 'ohio', via: 'name' });
    expect(r('The Supreme Court of the United States')).toEqual({ id: 'scotus', via: 'name' });
    expect(r('Court of Special Appeals of Maryland')).toEqual({ id: 'mdctspecapp', via: 'name' });
    expect(r('Court of Appeals of Maryland')).toEqual({ id: 'md', via: 'name' });
    expect(r('Sixth Circuit')).toEqual({ id: 'ca6', via: 'name' });
    expect(resolveCourt('Supreme Court of Ohio')?.confidence).toBeGreaterThan(0.9);
  });

  it('resolves citation parenthetical strings', () => {
    expect(r('5th Cir.')).toEqual({ id: 'ca5', via: 'citation' });
    expect(r('S.D.N.Y.')).toEqual({ id: 'nysd', via: 'citation' });
    expect(r('Mass. App. Ct.')).toEqual({ id: 'massappct', via: 'citation' });
    expect(r('Bankr. D. Mass.')).toEqual({ id: 'mab', via: 'citation' });
  });

  it('resolves download URLs and hosts', () => {
    expect(resolveCourt('http://media.ca1.uscourts.gov/pdf.opinions/12-1573P-01A.pdf')).toMatchObject({
      court: { id: 'ca1' }, via: 'host', confidence: 0.95,
    });
    expect(r('https://www.ca5.uscourts.gov/opinions/pub/19/19-10604-CV0.pdf')).toEqual({ id: 'ca5', via: 'host' });
    expect(r('https://www.supremecourt.gov/opinions/20pdf/19-1261_18ji.pdf')).toEqual({ id: 'scotus', via: 'host' });
    expect(r('https://ecf.ca8.uscourts.gov/opndir/21/07/192512P.pdf')).toEqual({ id: 'ca8', via: 'host' });
    expect(r('www.opn.ca6.uscourts.gov/opinions.pdf/22a0131p-06.pdf')).toEqual({ id: 'ca6', via: 'host' });
    expect(r('cafc.uscourts.gov')).toEqual({ id: 'cafc', via: 'host' });
    expect(resolveCourt('https://ecf.mad.uscourts.gov/doc1/09512345678')).toMatchObject({
      court: { id: 'mad' }, via: 'host', confidence: 0.8,
    });
    expect(r('https://www.nysb.uscourts.gov/sites/default/files/opinions/x.pdf')).toEqual({ id: 'nysb', via: 'host' });
    expect(r('https://www.txs.uscourts.gov/page/opinions')).toEqual({ id: 'txsd', via: 'host' });
  });

  it('reads the caption at the top of an opinion', () => {
    const ca1 = '\n\n          United States Court of Appeals\n                        For the First Circuit\n\nNo. 12-1573\n';
    expect(resolveCourt(ca1)).toMatchObject({ court: { id: 'ca1' }, via: 'caption', confidence: 0.8 });
    expect(r('UNITED STATES COURT OF APPEALS\n FOR THE FOURTH CIRCUIT\n\nPUBLISHED')).toEqual({ id: 'ca4', via: 'caption' });
    expect(r('IN THE UNITED STATES COURT OF APPEALS\nFOR THE FIFTH CIRCUIT\n_____\nNo. 19-10604')).toEqual({ id: 'ca5', via: 'caption' });
    expect(r('United States Court of Appeals\nFOR THE DISTRICT OF COLUMBIA CIRCUIT\n\nArgued')).toEqual({ id: 'cadc', via: 'caption' });
    expect(r('IN THE SUPREME COURT OF THE STATE OF IDAHO\n\nDocket No. 48129')).toEqual({ id: 'idaho', via: 'caption' });
    expect(r('IN THE SUPREME COURT OF PENNSYLVANIA\nMIDDLE DISTRICT')).toEqual({ id: 'pa', via: 'caption' });
    expect(r('IN THE COURT OF APPEALS OF OHIO\nELEVENTH APPELLATE DISTRICT\nLAKE COUNTY')).toEqual({ id: 'ohioctapp', via: 'caption' });
    expect(r('UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n---x')).toEqual({ id: 'nysd', via: 'caption' });
    expect(r('IN THE UNITED STATES DISTRICT COURT\nFOR THE WESTERN DISTRICT OF VIRGINIA')).toEqual({ id: 'vawd', via: 'caption' });
    expect(r('IN THE UNITED STATES DISTRICT COURT\nFOR THE NORTHERN DISTRICT OF WEST VIRGINIA')).toEqual({ id: 'wvnd', via: 'caption' });
    expect(r('SUPREME COURT OF THE UNITED STATES\n_____\nTAYLOR v. RIOJAS')).toEqual({ id: 'scotus', via: 'caption' });
    expect(r('COMMONWEALTH OF MASSACHUSETTS\nAPPEALS COURT\n\nNo. 21-P-1')).toEqual({ id: 'massappct', via: 'caption' });
    expect(r('DISTRICT OF COLUMBIA COURT OF APPEALS\n\nNo. 19-CF-1')).toEqual({ id: 'dc', via: 'caption' });
    expect(r('STATE OF NEW YORK\nCOURT OF APPEALS\n')).toEqual({ id: 'ny', via: 'caption' });
  });

  it('takes the first court named, not a lower court mentioned later', () => {
    const text = 'United States Court of Appeals For the First Circuit\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT ' +
      'FOR THE DISTRICT OF MAINE';
    expect(r(text)).toEqual({ id: 'ca1', via: 'caption' });
  });

  it('scans only the first 2,000 characters for a caption', () => {
    const late = `${'Lorem ipsum dolor sit amet. '.repeat(80)}\nUNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT`;
    expect(late.length).toBeGreaterThan(2000);
    expect(resolveCourt(late)).toBeUndefined();
    const middling = `${'x '.repeat(400)}\nIN THE SUPREME COURT OF OHIO`;
    expect(resolveCourt(middling)).toMatchObject({ court: { id: 'ohio' }, via: 'caption', confidence: 0.6 });
  });

  it.each([
    [''], ['   '], ['hello world'], ['Cal. App.'], ['https://example.com/opinion.pdf'], ['https://www.uscourts.gov/'],
    ['not a url at all'], ['SUPREME COURT OF THE STATE OF NEW YORK\nCOUNTY OF KINGS\n'], ['Court of Appeals'],
    ['District of Massachusetts Bar Association'], ['ca12'],
  ])('returns undefined for %j', (q) => {
    expect(resolveCourt(q)).toBeUndefined();
  });
});
