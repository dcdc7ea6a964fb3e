import { describe, expect, it } from 'vitest';
import { ca1Caption } from '../test-fixtures.js';
import { findDecisionDate } from './dates.js';
import { findDocket } from './docket.js';
import { inferCaseMeta } from './infer.js';
import { readCaption } from './parties.js';
import { inferStatus } from './status.js';

const text = ca1Caption({ no: '12-3456, 12-3457', first: 'JANE Q. DOE ET AL.', second: 'ROE MEDICAL CENTER CORPORATION', date: 'June 3, 2013' }) +
  'Jane Doe and her co-plaintiffs sued Roe Medical Center. Doe argues that the district court erred.';

describe('inferCaseMeta', () => {
  it('recovers name, court, date, docket and status from a slip opinion, each marked inferred', () => {
    const m = inferCaseMeta({ text, absolute_url: '/opinion/1/doe-v-roe-medical-center/', download_url: 'http://media.ca1.uscourts.gov/pdf.opinions/12-3456P-01A.pdf' });
    expect(m).toMatchObject({
      case_name: 'Doe v. Roe Medical Center Corporation', court_id: 'ca1', circuit: '1', decision_date: '2013-06-03',
      docket_number: '12-3456, 12-3457', precedential_status: 'published',
    });
    expect(Object.keys(m.inferred).sort()).toEqual(['case_name', 'court_id', 'decision_date', 'docket_number', 'precedential_status']);
    expect(m.inferred.court_id!.method).toMatch(/host and caption agree/);
    expect(m.inferred.case_name!.confidence).toBeGreaterThan(0.8);
  });

  it('cases the slug from the text and keeps hyphenated surnames whole', () => {
    const t = ca1Caption({ no: '10-1', first: 'ANA CORTÉS-ROE', second: 'LUIS POE-MOE', date: 'May 1, 2010' }) + 'Cortés-Roe sued Poe-Moe.';
    expect(inferCaseMeta({ text: t, absolute_url: '/opinion/2/cortes-roe-v-poe-moe/' }).case_name).toBe('Cortés-Roe v. Poe-Moe');
  });

  it('falls back to the caption when there is no slug, shortening people to their surname', () => {
    const m = inferCaseMeta({ text });
    expect(m.case_name).toBe('Doe v. Roe Medical Center Corporation');
    expect(m.inferred.case_name!.method).toMatch(/caption/);
  });

  it('reads the unpublished mark and the U letter of the file name', () => {
    const t = ca1Caption({ no: '10-2', first: 'JOHN DOE', second: 'RICHARD ROE', date: 'May 1, 2010', unpublished: true });
    expect(inferStatus(t)?.status).toBe('unpublished');
    expect(inferStatus('', 'http://www.ca1.uscourts.gov/pdf.opinions/10-2U-01A.pdf')?.status).toBe('unpublished');
    expect(inferStatus('', 'http://www.ca1.uscourts.gov/pdf.opinions/10-2E-01A.pdf')?.status).toBe('errata');
  });
});

describe('caption pieces', () => {
  it('finds labelled, bare-line and opening dates, and ignores dates in prose', () => {
    expect(findDecisionDate('(Argued: February 11, 2010     Decided: April 20, 2010)')?.date).toBe('2010-04-20');
    expect(findDecisionDate('January 15, 1993  UNITED STATES COURT OF APPEALS')?.date).toBe('1993-01-15');
    expect(findDecisionDate('Decided Feb. 21, 1956.')?.date).toBe('1956-02-21');
    expect(findDecisionDate('The complaint was filed June 3, 2008, and dismissed.')).toBeUndefined();
    expect(findDecisionDate('Decided: February 30, 2010')).toBeUndefined();
    expect(findDecisionDate('F    e    b    r    u    a    r    y 1    1    , 1    9    9    3\n   UNITED STATES')?.date).toBe('1993-02-11');
    expect(findDecisionDate('T h e   c o u r t   h e l d\n')).toBeUndefined();
  });

  it('dates an order by its own "Entered" line, not by "entered" in prose', () => {
    const order = 'No. 92-1\nROE, Appellant,\nv.\nPOE, Appellee.\nBefore\nAlpha, Circuit Judge.\nORDER OF THE COURT\nEntered: April 28, 1993\nThe petition is denied.\n';
    expect(findDecisionDate(order)?.date).toBe('1993-04-28');
    expect(findDecisionDate('No. 92-1\nThe judgment was entered May 3, 1992 and the appeal followed.\n')).toBeUndefined();
  });

  it('reads docket numbers', () => {
    expect(findDocket('No. 09-2121\n\nUNITED STATES')).toBe('09-2121');
    expect(findDocket('Nos. 93-2314\n 94-1015\n\nARTHUR')).toBe('93-2314, 94-1015');
    expect(findDocket('Docket No. 09-3660-cv')).toBe('09-3660-cv');
  });

  it('reads in re captions and one-line captions', () => {
    expect(readCaption('No. 09-1\n\nIN RE: JANE Q. DOE,\nDebtor.\n')).toMatchObject({ inRe: true, first: ['JANE', 'Q.', 'DOE'] });
    expect(readCaption('JOHN DOE, Plaintiff, v. RICHARD ROE, Defendant.\n')).toMatchObject({ first: ['JOHN', 'DOE'], second: ['RICHARD', 'ROE'] });
  });
});
