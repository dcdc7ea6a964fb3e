import { describe, expect, it } from 'vitest';
import { ca1Caption } from '../test-fixtures.js';
import { caseWord } from './casing.js';
import { inferCaseMeta } from './infer.js';
import { partyWords, readCaption } from './parties.js';
import { editDistance, initialsOf } from './sides.js';

// Fictional parties only (Doe, Roe, Poe, Moe and made-up places); the layouts are those of real slip opinions.
const nameOf = (text: string, slug: string): string | null => inferCaseMeta({ text, absolute_url: `/opinion/1/${slug}/` }).case_name;
const slip = (first: string, second: string, body = ''): string => ca1Caption({ no: '93-1', first, second, date: 'May 3, 1993' }) + body;

describe('party words', () => {
  it('keeps "and" inside an organisation but splits two parties', () => {
    expect(partyWords('ROE AND MOE NATURALIZATION SERVICE')).toEqual(['ROE', 'AND', 'MOE', 'NATURALIZATION', 'SERVICE']);
    expect(partyWords('ROE BANK, N.A. AND POE INSURANCE CORPORATION')).toEqual(['ROE', 'BANK', 'N.A.']);
    expect(partyWords('DAVID O. DOE AND THE CITY OF ROEVILLE')).toEqual(['DAVID', 'O.', 'DOE']);
    expect(partyWords('JOHN DOE AND JANE DOE')).toEqual(['JOHN', 'DOE']);
  });

  it('splits two bodies when the first name ends in its head noun', () => {
    expect(partyWords("ROE VISITING NURSES ASSOCIATION AND O'POE NURSE SERVICE")).toEqual(['ROE', 'VISITING', 'NURSES', 'ASSOCIATION']);
  });

  it('keeps the comma of a firm name closed by "& Co."', () => {
    expect(partyWords('ROE, POE & CO., ET AL.')).toEqual(['ROE', 'POE', '&', 'CO.']);
  });

  it('skips a letter-spaced court heading', () => {
    const c = readCaption('Doe v. Roe\nUNITED STATES COURT OF APPEALS\nF OR THE S ECOND C IRCUIT\nAugust Term, 2008\n');
    expect(c).toMatchObject({ first: ['Doe'], second: ['Roe'] });
  });
});

describe('slug against caption', () => {
  it('takes the caption for an office or body the slug cut short', () => {
    expect(nameOf(slip('JANE DOE', 'FAMILY COURT OF ROELAND'), 'doe-v-family')).toBe('Doe v. Family Court of Roeland');
    expect(nameOf(slip('JANE DOE', 'ROE PUBLIC SCHOOLS'), 'doe-v-roe-public')).toBe('Doe v. Roe Public Schools');
    expect(nameOf(slip('SANDY DOE NURSING CARE', 'ROE CASUALTY'), 'nursing-care-v-casualty')).toBe('Sandy Doe Nursing Care v. Roe Casualty');
  });

  it('completes a last word cut off in a short slug', () => {
    expect(nameOf(slip('JANE DOE', 'ROE TELEPHONE AND TELEGRAPH COMPANY'), 'doe-v-roe-telephon')).toBe('Doe v. Roe Telephone and Telegraph Company');
  });

  it('corrects a misspelt slug word, but not into a different word', () => {
    expect(nameOf(slip('CARMEN NEREIDA-DOE', 'LUIS POE'), 'neveida-doe-v-poe')).toBe('Nereida-Doe v. Poe');
    // Text that lost a letter ("QUI ONES") does not turn "quinones" into "Ones".
    expect(nameOf(slip('JOSE QUI ONES-DOE', 'LUIS POE'), 'quinones-doe-v-poe')).toBe('Quinones Doe v. Poe');
  });

  it('drops a slug that names words the text never uses', () => {
    expect(nameOf(slip('ANN M. DOE', 'RICHARD B. ROE'), 'smithfield-v-state-of-nh')).toBe('Doe v. Roe');
    // A possessive in the text ("Roe's") does not make a misspelt slug ("roes") a known word.
    expect(nameOf(slip('ANN DOE', 'CLIFFORD K. ROE', "Roe's appeal fails."), 'doe-v-roes')).toBe('Doe v. Roe');
  });

  it('names the first defendant when the slug names a later party of the caption, but not a thing in rem', () => {
    const later = 'No. 93-1\n\nINMATES OF THE ROE COUNTY JAIL, ET AL.,\nPlaintiffs, Appellees,\nv.\nRICHARD MOE, SHERIFF OF ROE COUNTY, ET AL.,\n' +
      'Defendants, Appellants.\n\nCOMMONWEALTH OF ROELAND, ET AL.,\nDefendants, Appellants.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(nameOf(later, 'roe-county-jail-v-commonwealth-of-ro')).toBe('Inmates of the Roe County Jail v. Moe');
    const inRem = 'No. 93-2\n\nUNITED STATES OF AMERICA,\nPlaintiff, Appellee,\nv.\nAPPROXIMATELY TWO THOUSAND DOLLARS,\nDefendant.\n\nJOHN POE,\nClaimant, Appellant.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(nameOf(inRem, 'united-states-v-poe')).toBe('United States v. Poe');
  });

  it('reads a name with commas in it again when the slug runs past the comma', () => {
    expect(nameOf(slip('UNITED ROE, POE, MOE WORKERS OF ROELAND INTERNATIONAL UNION, ET AL.', 'LUIS DOE'), 'united-roe-poe-v-doe'))
      .toBe('United Roe Poe Moe Workers of Roeland International Union v. Doe');
  });

  it('takes the caption when the slug ran two words together or misspelt one of a longer name', () => {
    expect(nameOf(slip('JANE DOE', 'ROE/POE REY PARTNERSHIP, S.E.'), 'doe-v-roepoe-rey-partnership')).toBe('Doe v. Roe/Poe Rey Partnership');
    expect(nameOf(slip('ST. ROELAIRE & ASSOCIATES, INC.', 'LUIS POE'), 'st-roellaire-v-poe')).toBe('St. Roelaire & Associates Inc. v. Poe');
  });

  it('uses the caption for a slug side of letter fragments, and reads vessels and S.A. as names', () => {
    expect(nameOf(slip('ROE SEGUROS Y REASEGUROS, S.A.', 'M/V POE STAR'), 'roe-seguros-v-m')).toBe('Roe Seguros y Reaseguros S.A. v. M/V Poe Star');
  });

  it('ends an in re line at its period and completes an in re slug cut before "of"', () => {
    const text = 'No. 92-1\n\nIN RE: ROE HOTEL FIRE LITIGATION.\nPOE CAPITAL CORPORATION, ET AL.,\nCross-Claimants, Appellants,\nv.\nMOE INSURANCE COMPANY,\nCross-Defendants, Appellees.\n';
    expect(readCaption(text)).toMatchObject({ inRe: true, first: ['ROE', 'HOTEL', 'FIRE', 'LITIGATION'] });
    const trustees = 'No. 93-1\n\nIN RE TRUSTEES OF ROE UNIVERSITY,\nPetitioners.\n\nON PETITION FOR WRIT OF PROHIBITION\n';
    expect(nameOf(trustees, 'in-re-trustees-v')).toBe('In re Trustees of Roe University');
  });

  it('reads "us of america" in a slug as the United States', () => {
    expect(nameOf(slip('JANE DOE', 'UNITED STATES OF AMERICA'), 'doe-v-us-of-america')).toBe('Doe v. United States');
  });

  it('keeps the slug when the caption joins two parties with "and" after the slug\'s party', () => {
    expect(nameOf(slip('MICHAEL DOE AND ROE HOUSING INC.', 'LUIS POE'), 'doe-v-poe')).toBe('Doe v. Poe');
  });
});

describe('helpers', () => {
  it('cases possessives and vessels', () => {
    expect(caseWord("FIREMEN'S", undefined, false)).toBe("Firemen's");
    expect(caseWord("O'DOE", undefined, false)).toBe("O'Doe");
    expect(caseWord('M/V', undefined, false)).toBe('M/V');
  });

  it('computes initials and bounded edit distance', () => {
    expect(initialsOf(['ROE', 'OF', 'POE', 'MOE'])).toEqual(['ropm', 'rpm']);
    expect(editDistance('neveida', 'nereida')).toBe(1);
    expect(editDistance('quinones', 'ones')).toBeGreaterThan(2);
  });
});
