import { describe, expect, it } from 'vitest';
import { allCourts, courtFromCitationString } from './index.js';

const id = (s: string) => courtFromCitationString(s)?.id;

describe('courtFromCitationString', () => {
  it.each([
    ['6th Cir.', 'ca6'], ['6th Cir', 'ca6'], ['6 Cir.', 'ca6'], ['  6th  Cir. ', 'ca6'], ['6th Circuit', 'ca6'],
    ['1st Cir.', 'ca1'], ['1 Cir.', 'ca1'], ['CA1', 'ca1'], ['C.A.1', 'ca1'], ['C.A. 1', 'ca1'],
    ['2d Cir.', 'ca2'], ['2nd Cir.', 'ca2'], ['3d Cir.', 'ca3'], ['3rd Cir.', 'ca3'], ['11th Cir.', 'ca11'],
    ['D.C. Cir.', 'cadc'], ['D.C.Cir.', 'cadc'], ['Fed. Cir.', 'cafc'], ['Fed.Cir.', 'cafc'], ['U.S.', 'scotus'],
    ['D. Mass.', 'mad'], ['D.Mass.', 'mad'], ['S.D.N.Y.', 'nysd'], ['S.D. N.Y.', 'nysd'], ['S.D.N.Y', 'nysd'],
    ['N.D. Ill.', 'ilnd'], ['N.D.Ill.', 'ilnd'], ['E.D. Pa.', 'paed'], ['S.D. Tex.', 'txsd'], ['S.D. Ohio', 'ohsd'],
    ['D.D.C.', 'dcd'], ['D. D.C.', 'dcd'], ['D.P.R.', 'prd'], ['N.D. W. Va.', 'wvnd'], ['S.D.W.Va.', 'wvsd'],
    ['D. Guam', 'gud'], ['D. N. Mar. I.', 'nmid'], ['D.V.I.', 'vid'], ['C.D. Cal.', 'cacd'],
    ['Bankr. S.D.N.Y.', 'nysb'], ['Bankr. D. Mass.', 'mab'], ['Bkrtcy. S.D.N.Y.', 'nysb'], ['Bankr. D. Neb.', 'nebraskab'],
    ['B.A.P. 9th Cir.', 'bap9'], ['9th Cir. BAP', 'bap9'], ['B.A.P. 1st Cir.', 'bap1'], ['B.A.P. 10th Cir.', 'bap10'],
    ['Fed. Cl.', 'uscfc'], ["Ct. Int'l Trade", 'cit'], ['C.A.A.F.', 'armfor'], ['T.C.', 'tax'],
    ['Ohio Ct. App.', 'ohioctapp'], ['Ohio', 'ohio'], ['Cal. Ct. App.', 'calctapp'], ['Cal.', 'cal'],
    ['Mass.', 'mass'], ['Mass. App. Ct.', 'massappct'], ['N.Y.', 'ny'], ['N.Y. App. Div.', 'nyappdiv'],
    ['App. Div.', 'nyappdiv'], ['Tex.', 'tex'], ['Tex. App.', 'texapp'], ['Tex. Crim. App.', 'texcrimapp'],
    ['Tex.Cr.App.', 'texcrimapp'], ['Ill. App. Ct.', 'illappct'], ['Pa. Super. Ct.', 'pasuperct'],
    ['Pa. Commw. Ct.', 'pacommwct'], ['Pa. Cmwlth.', 'pacommwct'], ['Fla. 3d DCA', 'fladistctapp'],
    ['Fla. 2nd DCA', 'fladistctapp'], ['D.C.', 'dc'], ['W. Va.', 'wva'], ['S.D.', 'sd'], ['Colo. App.', 'coloctapp'],
  ])('%s → %s', (s, expected) => {
    expect(id(s)).toBe(expected);
  });

  it('ignores a month-day date left before the year', () => {
    expect(id('6th Cir. June 14,')).toBe('ca6');
    expect(id('S.D.N.Y. Jan. 7')).toBe('nysd');
    expect(id('Tex. Crim. App. Sept. 30,')).toBe('texcrimapp');
  });

  it('ignores a court subdivision after a dash, bracket or parenthesis', () => {
    expect(id('Tex. App.—Houston [14th Dist.]')).toBe('texapp');
    expect(id('Tex.App.-Houston [1st Dist.]')).toBe('texapp');
    expect(id('C.A.6 (Ohio)')).toBe('ca6');
  });

  it.each([
    ['Cal. App.'], ['Ohio App.'], ['N.Y. Sup. Ct.'], ['Cir.'], ['12th Cir.'], ['D.'], [''], ['   '],
    ['F.3d'], ['en banc'], ['S.D.N.Y. Esq'], ['Mass. Super. Ct.'], ['June 14'],
  ])('%j is not a court', (s) => {
    expect(courtFromCitationString(s)).toBeUndefined();
  });

  it('rejects prose longer than any court string', () => {
    expect(courtFromCitationString(`${'x'.repeat(200)} 6th Cir.`)).toBeUndefined();
  });

  it('round-trips every citation form in the data', () => {
    for (const c of allCourts()) {
      for (const form of [c.citation, ...c.citation_variants]) expect(id(form), form).toBe(c.id);
    }
  });
});
