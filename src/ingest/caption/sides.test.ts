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

  it('keeps the commas of a firm name closed by "& Co." or by a last name joined with "&"', () => {
    expect(partyWords('ROE, POE & CO., ET AL.')).toEqual(['ROE,', 'POE', '&', 'CO.']);
    expect(partyWords('ROE, POE, MOE & DOE, A PARTNERSHIP')).toEqual(['ROE,', 'POE,', 'MOE', '&', 'DOE']);
    expect(partyWords('JOHN ROE, JR.')).toEqual(['JOHN', 'ROE', 'JR.']);
  });

  it('keeps a parenthesis only when asked, and reads "Incorporated" as part of the name', () => {
    expect(partyWords('ROE COMPANY (EUROPE) LIMITED; ROE COMPANY LIMITED')).toEqual(['ROE', 'COMPANY', 'LIMITED']);
    expect(partyWords('ROE COMPANY (EUROPE) LIMITED', false, true)).toEqual(['ROE', 'COMPANY', '(EUROPE)', 'LIMITED']);
    expect(partyWords('ROE FURNITURE, INCORPORATED,')).toEqual(['ROE', 'FURNITURE', 'INCORPORATED']);
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

  it('names a firm in full when the slug gives only its first name', () => {
    expect(nameOf(slip('ROE, POE, MOE & DOE, A PARTNERSHIP', 'ZOE INTERNATIONAL, INC.'), 'roe-v-zoe-international-inc'))
      .toBe('Roe, Poe, Moe & Doe v. Zoe International Inc.');
  });

  it('reads a parenthesised word the slug ran together, and then spells out both sides alike', () => {
    const t = slip('ROE FIRE INSURANCE COMPANY; POE INSURANCE COMPANY', 'MOE INSURANCE COMPANY (EUROPE) LIMITED;\nMOE INSURANCE COMPANY LIMITED', 'Roe Ins. Co. sued Moe.');
    expect(nameOf(t, 'roe-fire-ins-co-v-moe-ins-coeurope')).toBe('Roe Fire Insurance Company v. Moe Insurance Company (Europe) Limited');
  });

  it('names the parties captioned under an in re line when the slug names two sides', () => {
    const t = 'No. 92-1\n\nIN RE ROE FURNITURE WAREHOUSE, INCORPORATED,\nDebtor,\nROE FURNITURE WAREHOUSE, INCORPORATED,\nPlaintiff, Appellant,\nv.\nD. M. POE ASSOCIATES, LTD.,\nDefendant, Appellee.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(nameOf(t, 'roe-v-poe-associates')).toBe('Roe Furniture Warehouse Inc. v. D. M. Poe Associates Ltd.');
    expect(readCaption(t)).toMatchObject({ inRe: true, adversary: { first: ['ROE', 'FURNITURE', 'WAREHOUSE', 'INCORPORATED'], second: ['D.', 'M.', 'POE', 'ASSOCIATES', 'LTD.'] } });
  });

  it('takes the caption when neither slug side names its party, but not from a citation line', () => {
    const t = 'No. 92-1\n\nROE DEPOSIT CORPORATION,\nCross-Plaintiff, Appellee,\nv.\nPOE-MOE EXPRESS, INC., ET AL.,\nCross-Defendants.\nZOE COOPERATIVO,\nIntervenor, Appellant.\n\nAPPEALS FROM THE UNITED STATES DISTRICT COURT\n';
    expect(nameOf(t, 'municipality-v-zoe')).toBe('Roe Deposit Corporation v. Poe-Moe Express Inc.');
    const concurrence = 'Docket No. 02-1\nJANE ROE, Circuit Judge, concurring:\nIn sentencing Wayne Moe, the district court\nPoe v. Zoe, 1 F.3d 1 (2d Cir. 1999)\nMoe argues, and the United States agrees, that\n';
    expect(nameOf(concurrence, 'united-states-v-moe')).toBe('United States v. Moe');
  });

  it('completes a name with "United States of America" in Bluebook form and a cut last word', () => {
    expect(nameOf(slip('JANE DOE', 'UNITED STATES OF AMERICA'), 'doe-v-united-states-of')).toBe('Doe v. United States');
    expect(nameOf(slip('BANCO ROE VIZCAYA ARGENTARIA', 'JANE POE-MOE'), 'banco-roe-vizcaya-argentari-v-jane-poe')).toBe('Banco Roe Vizcaya Argentaria v. Poe-Moe');
  });

  it('keeps "and" after a single word inside a body\'s name, takes particles into a surname, spells out initials', () => {
    expect(nameOf(slip('PRESIDENT AND FELLOWS OF ROE COLLEGE', 'POE HOTELS, INC.'), 'president-v-poe-hotels-inc')).toBe('President and Fellows of Roe College v. Poe Hotels Inc.');
    expect(nameOf(slip('MARIA DE LOS ROE-POE', 'CARLOS MOE'), 'de-los-roe-v-moe')).toBe('De los Roe-Poe v. Moe');
    expect(nameOf(slip('ROE DIVISION, INC.', 'INTERNATIONAL BROTHERHOOD OF POES, MOES AND HELPERS, LOCAL #9'), 'roe-division-v-ibp-local-9'))
      .toBe('Roe Division Inc. v. International Brotherhood of Poes');
  });

  it('drops what a slug adds to a person\'s name: a title, a suffix, an office the caption gives after the name', () => {
    expect(nameOf(slip('JANE DOE', 'HON. RAFAEL ROE, ET AL.'), 'doe-v-hon-roe')).toBe('Doe v. Roe');
    expect(nameOf(slip('WILLIAM M. DOE, JR.', 'MICHAEL V. ROE, ET AL.'), 'doe-jr-v-roe')).toBe('Doe v. Roe');
    expect(nameOf(slip('JANE DOE', 'DONNA E. ROE, SECRETARY OF HEALTH & HUMAN SERVICES'), 'doe-v-roe-shhs')).toBe('Doe v. Roe');
    expect(nameOf(slip('ROBERT B. DOE, SECRETARY OF LABOR', 'RICHARD ROE, ETC., ET AL.'), 'doe-labr-v-roe')).toBe('Doe v. Roe');
    // Not a name the party is also known by, nor an office that is the party itself.
    expect(nameOf(slip('EMILIO DOE, a/k/a EMILIO DOE-ROE', 'POE BANK'), 'doe-roe-v-poe-bank')).toBe('Doe-Roe v. Poe Bank');
    expect(nameOf(slip('ROE CONDOMINIUM ASSOCIATION', 'SECRETARY, UNITED STATES DEPARTMENT OF HOUSING AND URBAN DEVELOPMENT'), 'roe-condominium-assn-v-secretary-hud'))
      .not.toBe('Roe Condominium Association v. Secretary');
  });

  it('keeps a body whose first words the slug gives, and a thing in rem with its asterisks', () => {
    expect(nameOf(slip('JANE DOE', 'ROE FIRE FIGHTERS, LOCAL 17, IAFF, ET AL.'), 'doe-v-roe-fire')).toBe('Doe v. Roe Fire Fighters');
    expect(nameOf(slip('UNITED STATES OF AMERICA', '29 CARTONS OF * * * AN ARTICLE OF FOOD, ETC.'), 'united-states-v-29-cartons')).toBe('United States v. 29 Cartons of * * * an Article of Food');
    expect(nameOf(slip('JOHN DOE AS HE IS ADMINISTRATOR OF THE ESTATE OF JANE DOE', 'RICHARD ROE'), 'doe-v-roe')).toBe('Doe v. Roe');
  });

  it('completes an in re slug cut inside the name of a proceeding, not inside a person\'s', () => {
    const jury = 'No. 93-1\n\nIN RE: GRAND JURY PROCEEDINGS,\nUNITED STATES OF AMERICA,\nPetitioner, Appellee,\nv.\nJOHN DOE,\nRespondent, Appellant.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(nameOf(jury, 'in-re-grand-jury-v-doe')).toBe('In re Grand Jury Proceedings');
    const person = 'No. 93-2\n\nIN RE: JANE Q. ROE POE,\nDebtor.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(nameOf(person, 'in-re-jane-q-roe')).not.toMatch(/Poe/);
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
