import { describe, expect, it } from 'vitest';
import { ca1Caption } from '../test-fixtures.js';
import { caseWord } from './casing.js';
import { inferCaseMeta } from './infer.js';
import { partyWords, readCaption, shortParty } from './parties.js';
import { editDistance, initialsOf } from './word-forms.js';

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
    expect(nameOf(t, 'roe-v-poe-associates')).toBe('Roe Furniture Warehouse Inc. v. D.M. Poe Associates Ltd.');
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

describe('slug against caption: party kinds of the later samples', () => {
  // Text standing after the heading (the first 2,500 characters), as a name first used in the body does.
  const body = (s: string): string => ' '.repeat(2600) + s;

  it('closes up initials printed with spaces (Bluebook 6.1(a))', () => {
    expect(nameOf(slip('JANE DOE', 'F. W. ROE COMPANY'), 'doe-v-f-w-roe')).toBe('Doe v. F.W. Roe Company');
  });

  it('reads "et al" run into the slug\'s last word', () => {
    expect(nameOf(slip('JANE DOE', 'EDNA J. ROE-POE, ET AL.', 'Roe-Poe argues.'), 'doe-v-roe-poeet-al')).toBe('Doe v. Roe-Poe');
  });

  it('names a person by two surnames when the slug names the first of them, not otherwise', () => {
    expect(nameOf(slip('AGAPITA DOE VELA, ET AL.', 'LUIS POE'), 'doe-v-poe')).toBe('Doe Vela v. Poe');
    expect(nameOf(slip('JOHN Q. DOE', 'LUIS POE'), 'doe-v-poe')).toBe('Doe v. Poe');
  });

  it('names the captioned party when the slug names someone the heading never does', () => {
    expect(nameOf(slip('ROE FOUNDATION OF ROELAND, INC., ET AL.', 'BARBARA H. POE, ETC., ET AL.', body('Secretary Moe resigned.')), 'roe-foundation-v-moe'))
      .toBe('Roe Foundation of Roeland Inc. v. Poe');
    expect(nameOf(slip('THOMAS H. DOE', 'COMMISSIONER OF INTERNAL REVENUE', body('The IRS assessed a tax. The IRS erred.')), 'doe-v-irs'))
      .toBe('Doe v. Commissioner of Internal Revenue');
    // Initials of the party's own first words are its short name, not someone else.
    expect(nameOf(slip('FREDERICK L. DOE', 'INTERNAL REVENUE SERVICE OF THE UNITED STATES OF AMERICA', body('The IRS assessed a tax. The IRS erred.')), 'doe-v-irs'))
      .toBe('Doe v. IRS');
  });

  it('names both sides in the caption\'s style when one is taken from it', () => {
    expect(nameOf(slip('ROE AUTO GROUP, INC.', 'POE MOTOR COMPANY, INC.'), 'roe-auto-group-v-poe-motor-co')).toBe('Roe Auto Group Inc. v. Poe Motor Company Inc.');
    expect(nameOf(slip('NENH DOE', 'ROE GROUP, INC.'), 'nenh-doe-v-roe-group')).toBe('Doe v. Roe Group Inc.');
    // Not down to an initial.
    expect(nameOf(slip('KIMBERLY F.', 'ROE MEMORIAL HOSPITAL'), 'kimberly-f-v-roe-memorial')).toMatch(/^Kimberly F\.? v\./);
  });

  it('reads a place the slug gives by its initials inside a longer name', () => {
    expect(nameOf(slip('ROE ENERGY CORPORATION', 'STATE OF NEW HAMPSHIRE PUBLIC ROE COMMISSION'), 'roe-v-nh-public-roe'))
      .toBe('Roe Energy Corporation v. State of New Hampshire Public Roe Commission');
  });

  it('keeps a slug word whose letter the text lost', () => {
    expect(nameOf(slip('UNITED STATES OF AMERICA', 'EFRAIN NU EZ', 'Nu ez appeals.'), 'united-states-v-nunez')).toBe('United States v. Nunez');
  });

  it('names an office by its title and body, not by the title alone', () => {
    expect(partyWords('WARDEN, ROE STATE PRISON,')).toEqual(['WARDEN,', 'ROE', 'STATE', 'PRISON']);
    expect(nameOf(slip('MAXWELL M. DOE', 'DIRECTOR, ROE COUNTY DEPARTMENT OF CORRECTIONS, ET AL.'), 'doe-v-roe-doc'))
      .toBe('Doe v. Director, Roe County Department of Corrections');
  });

  it('names the captioned party when the slug names a body only the counsel list does', () => {
    expect(nameOf(slip('SHERRY DOE', 'CENTRAL ROE AGENCY', 'Jane Poe, U.S. Department of Justice, for appellee.\n'), 'doe-v-us-dept-of-justice'))
      .toBe('Doe v. Central Roe Agency');
  });

  it('keeps a slug word that a letter-spaced caption spells apart', () => {
    const spaced = '05-1-cr\nU nited States v. R oevski\nUNITED STATES COURT OF APPEALS\nF OR THE S ECOND C IRCUIT\nDocket No. 05-1-cr\n' +
      'U NITED S TATES OF A MERICA,\nAppellee,\n—v.—\nJ OHN R OEVSKI,\nDefendant-Appellant.\nBefore:\nA LPHA, Circuit Judge.\nAppeal from a judgment sentencing John Roevski.\n';
    expect(nameOf(spaced, 'united-states-v-roevski')).toBe('United States v. Roevski');
  });

  it('names a body in full when the slug gives its first words and an abbreviation the caption does not spell', () => {
    expect(nameOf(slip('JENNA DOE, ET AL.', 'ROELAND DEPARTMENT OF HUMAN SERVICES'), 'doe-v-roeland-hhs')).toBe('Doe v. Roeland Department of Human Services');
    // Not a person the slug names with an office.
    expect(nameOf(slip('JANE DOE', 'DONNA E. ROE, SECRETARY OF HEALTH & HUMAN SERVICES'), 'doe-v-roe-shhs')).toBe('Doe v. Roe');
  });

  it('drops a running title\'s "(USA)" that the slug keeps after the defendant', () => {
    expect(nameOf(slip('UNITED STATES OF AMERICA', 'WARREN POE', 'Poe was charged.'), 'united-states-v-poe-usa')).toBe('United States v. Poe');
  });

  it('reads "et al" run into an abbreviation the slug made', () => {
    expect(nameOf(slip('GERARDO DOE, ET AL', 'ROE ASSOCIATES, INC., ET AL.'), 'doe-v-roe-assocet-al')).toBe('Doe v. Roe Associates Inc.');
  });

  it('completes a claimant\'s compound surname the slug gives by its first part', () => {
    const inRem = 'No. 93-2\n\nUNITED STATES OF AMERICA,\nPlaintiff, Appellee,\nv.\nAPPROXIMATELY TWO THOUSAND SHARES OF ROE CLUB, INC.,\nDefendants, Appellees.\n\n' +
      'DOMINGO POE-MOE,\nClaimant, Appellant.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(nameOf(inRem, 'united-states-v-poe')).toBe('United States v. Poe-Moe');
  });

  it('ends a body\'s name before a person joined by "&", and the slug that runs them together', () => {
    expect(partyWords('THE ROE CORPORATION & BARRY M. POE')).toEqual(['THE', 'ROE', 'CORPORATION']);
    expect(partyWords('ROE BANK & TRUST COMPANY')).toEqual(['ROE', 'BANK', '&', 'TRUST', 'COMPANY']);
    expect(nameOf(slip('HERBERT DOE', 'THE ROE CORPORATION & BARRY M. POE'), 'doe-v-roe-cor-poe')).toBe('Doe v. Roe Corporation');
  });

  it('names a person whose given name is "America" by surname', () => {
    expect(nameOf(slip('AMERICA DOE', 'SECRETARY OF HEALTH AND HUMAN SERVICES'), 'doe-v-shhs')).toBe('Doe v. Secretary of Health and Human Services');
  });

  it('spells out a union the slug names by initials the text also uses', () => {
    expect(nameOf(slip('JOSE DOE', 'INTERNATIONAL ROE ASSOCIATION, LOCAL 15, ET AL.', ' '.repeat(3100) + 'The IRA refused. Later the IRA agreed.'), 'doe-v-ira-local-15'))
      .toBe('Doe v. International Roe Association');
  });

  it('cuts a party at "aka", and reads a slug word misspelt from the name it is also known by', () => {
    expect(partyWords('CARLOS JULIO DOE aka Jose Roe,')).toEqual(['CARLOS', 'JULIO', 'DOE']);
    expect(nameOf(slip('OLGA DOE,\na/k/a OLGA DOE ABREU, ET AL.', 'BANCO ROE CORP.'), 'doe-abreau-v-banco-roe')).toBe('Doe v. Banco Roe Corp.');
  });

  it('names the relator by surname', () => {
    const t = '228 F.2d 1\nUNITED STATES ex rel. Walter B. DOE, Relator-Appellant,\nv.\nWalter B. ROE, Warden of Roe State Prison, Respondent-Appellee.\nNo. 116.\n' +
      'United States Court of Appeals Second Circuit.\nDecided December 22, 1955.\n';
    expect(nameOf(t, 'united-states-ex-rel-walter-b-doe-relator-appellant-v-walter-b')).toBe('United States ex rel. Doe v. Roe');
  });

  it('names a person by two surnames in the Spanish manner, and not an English middle name', () => {
    expect(shortParty(['NELLY', 'ROMAN', 'ROE'])).toEqual(['ROMAN', 'ROE']);
    expect(shortParty(['TOBY', 'KLANG', 'ROE'])).toEqual(['ROE']);
    expect(shortParty(['LUZ', 'AIDA', 'ROE'])).toEqual(['ROE']);
  });

  it('reads two people sharing a surname printed once, and a slug that names one by the given name', () => {
    expect(partyWords('HOMER F. AND DOROTHY L. ROE')).toEqual(['HOMER', 'F.', 'ROE']);
    expect(partyWords('RICHARD AND ANITA ROE')).toEqual(['RICHARD', 'ROE']);
    expect(partyWords('IMMIGRATION AND NATURALIZATION SERVICE')).toEqual(['IMMIGRATION', 'AND', 'NATURALIZATION', 'SERVICE']);
    expect(nameOf(slip('HOMER F. AND DOROTHY L. ROE', 'COMMISSIONER OF INTERNAL REVENUE'), 'homer-v-commissioner')).toBe('Roe v. Commissioner of Internal Revenue');
    // A designation in the place of a name is not a surname.
    expect(nameOf(slip('UNITED STATES OF AMERICA', 'ANONYMOUS DEFENDANT'), 'united-states-v-anonymous')).toBe('United States v. Anonymous');
  });

  it('names the person when the slug and the caption both join a person and a body with "and"', () => {
    expect(nameOf(slip('CARL DOE', 'JAY ROE and POETRONICS CORP.'), 'doe-v-roe-and-poetronics')).toBe('Doe v. Roe');
  });

  it('keeps a partnership named by its partners whole', () => {
    expect(nameOf(slip('THE CONJUGAL PARTNERSHIP COMPRISED BY JOHN DOE AND JANE DOE', 'THE CONJUGAL PARTNERSHIP COMPRISED OF RICHARD ROE AND MARY ROE'), 'doe-v-roe'))
      .toBe('Conjugal Partnership Comprised by John Doe and Jane Doe v. Conjugal Partnership Comprised of Richard Roe and Mary Roe');
  });

  it('reads initials followed by the word they end with, and a body given by its first word', () => {
    expect(nameOf(slip('JORGE DOE', 'U.S. ROE ENFORCEMENT ADMINISTRATION, ET AL.'), 'doe-v-us-rea-admin')).toBe('Doe v. U.S. Roe Enforcement Administration');
    expect(nameOf(slip('CARIBE ROE, INC.', 'BAYERISCHE POE WERKE AKTIENGESELLSCHAFT, ET AL.'), 'caribe-roe-inc-v-bayerische'))
      .toBe('Caribe Roe Inc. v. Bayerische Poe Werke Aktiengesellschaft');
  });

  it('reads the slug of a separate opinion without its kind, and a first side naming a later petitioner', () => {
    const concurrence = 'Docket No. 02-1\nJANE ROE, Circuit Judge, concurring:\nIn sentencing Wayne Moe, the district court\nPoe v. Zoe, 1 F.3d 1 (2d Cir. 1999)\nMoe argues, and the United States agrees, that\n';
    expect(nameOf(concurrence, 'united-states-v-wayne-moe-concurrence')).toBe('United States v. Wayne Moe');
    const two = 'No. 09-1\n\nISAIAS PEREZ ROE,\nISABEL POE MOE,\nPetitioners,\nv.\nERIC H. HOLDER, JR.,\nRespondent.\n\nPETITION FOR REVIEW OF AN ORDER OF THE BOARD OF IMMIGRATION APPEALS\n';
    expect(nameOf(two, 'poe-moe-v-holder-jr')).toBe('Perez Roe v. Holder');
  });

  it('reads a letter-spaced caption under its running title, and a slug cut at a single letter', () => {
    const spaced = '09-1-cv\nR oe F inancial S ervices v. P oewide F inancial\nUNITED STATES COURT OF APPEALS\nF OR THE S ECOND C IRCUIT\nOctober Term, 2009\n' +
      '(Argued: February 11, 2010 Decided: April 20, 2010)\nDocket No. 09-1-cv\nR OE F INANCIAL S ERVICES D ISTRESSED M ORTGAGE F UND 3 LLC,\nPlaintiffs-Appellees,\n' +
      '— v.—\nP OEWIDE F INANCIAL C ORPORATION,\nDefendants-Appellants.\nB e f o r e:\nA LPHA, Circuit Judge.\n';
    expect(nameOf(spaced, 'roe-financial-services-distressed-mortgage-fund-f')).toBe('Roe Financial Services Distressed Mortgage Fund 3 LLC v. Poewide Financial Corporation');
  });

  it('reads "IN RE" on a line of its own, the name on the next', () => {
    const t = 'No. 93-1\n\nIN RE\nPHILIP G. ROE\nPOE 21 REAL ESTATE,\nPlaintiff, Appellant,\nv.\nPHILIP G. ROE,\nDefendant, Appellee.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(readCaption(t)).toMatchObject({ inRe: true, first: ['PHILIP', 'G.', 'ROE'], adversary: { first: ['POE', '21', 'REAL', 'ESTATE'] } });
    expect(nameOf(t, 'poe-21-v-roe')).toBe('Poe 21 Real Estate v. Roe');
  });

  it('reads slug abbreviations of a body\'s words and drops "The" opening a name', () => {
    expect(nameOf(slip('ANA I. DOE-POE', 'DEPARTMENT OF HEALTH OF THE COMMONWEALTH OF PUERTO RICO'), 'doe-poe-v-dept-health-common-pr'))
      .toBe('Doe-Poe v. Department of Health of the Commonwealth of Puerto Rico');
    expect(nameOf(slip('DOMINGO DOE', 'SEAFARERS ROE INTERNATIONAL UNION, ET AL.'), 'doe-v-seafarers-roe-intl')).toBe('Doe v. Seafarers Roe International Union');
    expect(shortParty(['THE', 'ROE', 'CORPORATION'])).toEqual(['ROE', 'CORPORATION']);
    expect(nameOf(slip('ROE CO.', 'THE DEPARTMENT OF THE ROE'), 'roe-co-v-dept-of-roe')).toBe('Roe Co. v. Department of the Roe');
  });

  it('names the parties in the caption\'s order when the slug swaps them, and reads a shortened slug word', () => {
    const t = 'No. 92-1\n\nIN RE: ROE PLAZA ASSOCIATES, L.P.,\nDebtor.\nROE PLAZA ASSOCIATES, L.P.,\nPlaintiff, Appellant,\nv.\nPOE ATTLEBORO BANK,\nDefendant, Appellee.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(nameOf(t, 'poe-v-roe')).toBe('Roe Plaza Associates L.P. v. Poe Attleboro Bank');
    expect(nameOf(slip('ROE UTILITIES SERVICE COMPANY', 'JOHN POE'), 'roe-utils-v-poe')).toBe('Roe Utilities Service Company v. Poe');
  });

  it('reads the slug\'s first side as the caption\'s when it shortens the last word, so a predecessor in office gives way', () => {
    expect(nameOf(slip('ROE HEALTH INCORPORATED, ET AL.', 'JANET T. POE, as Attorney General for the State of Roeland', body('Attorney General Moe left office.')), 'roe-health-inc-v-moe'))
      .toBe('Roe Health Inc. v. Poe');
    // Initials of a run of the party's words are its short name, not another party.
    expect(nameOf(slip('ROE PETROLEUM CORPORATION', 'UNITED STATES ENVIRONMENTAL PROTECTION AGENCY', body('The EPA denied it. The EPA erred.')), 'roe-petro-corp-v-epa'))
      .toBe('Roe Petro Corp. v. EPA');
  });

  it('names a party in the caption\'s order when the slug puts the place first or the surnames the other way round', () => {
    expect(nameOf(slip('ENRIQUE DOE-POE', 'DEPARTMENT OF ROE AND REHABILITATION OF THE COMMONWEALTH OF PUERTO RICO; JOHN MOE'), 'doe-poe-v-pr-department-of-roe'))
      .toBe('Doe-Poe v. Department of Roe and Rehabilitation of the Commonwealth of Puerto Rico');
    expect(nameOf(slip('ROBERTO ROMERO ROE, ET AL.', 'DR. PEDRO J. POE, ET AL.'), 'roe-romero-v-poe')).toBe('Romero Roe v. Poe');
  });

  it('spells out a slug\'s abbreviations as the caption does, unless the other side would stay abbreviated', () => {
    expect(nameOf(slip('HAZEL I. DOE-POE, ET AL.', 'ROE GENERAL HOSPITAL, INC., ET AL.'), 'doe-poe-v-roe-general-hosp-inc')).toBe('Doe-Poe v. Roe General Hospital Inc.');
    expect(nameOf(slip('ROE MUSIC COMPANY', 'AMERICAN SOCIETY OF POES AND MOES', ' '.repeat(3100) + 'The ASPM refused. The ASPM agreed.'), 'roe-music-co-v-aspm'))
      .toBe('Roe Music Co. v. ASPM');
  });

  it('names an in re caption from a slug that leaves out "in re", and ends the in re name at its line', () => {
    const t = 'No. 94-1\n\nIN RE GRAND JURY PROCEEDINGS\nUNITED STATES,\nPetitioner,\nv.\nJOHN ROE,\nAppellant, Respondent.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(readCaption(t)).toMatchObject({ inRe: true, first: ['GRAND', 'JURY', 'PROCEEDINGS'], adversary: { first: ['UNITED', 'STATES'], second: ['JOHN', 'ROE'] } });
    expect(nameOf(t, 'grand-jury-v')).toBe('In re Grand Jury Proceedings');
  });

  it('names a person after an office by surname, keeps a long particle surname, and corrects a misspelt surname pair', () => {
    expect(shortParty(['SUPERINTENDENT', 'PAUL', 'L.', 'ROE'])).toEqual(['ROE']);
    expect(shortParty(['JOSE', 'E.', 'APONTE', 'DE', 'LA', 'ROE'])).toEqual(['APONTE', 'DE', 'LA', 'ROE']);
    expect(nameOf(slip('UNITED STATES', 'MAURICIO CARRERA ROEVA'), 'united-states-v-carrera-roeba')).toBe('United States v. Carrera Roeva');
  });

  it('keeps the relator in the name of an in re party', () => {
    const t = 'No. 93-1\n\nIN RE: UNITED STATES OF AMERICA,\nEX REL. ROE AND COMPANY, ET AL.,\nPlaintiffs, Appellants,\nv.\nPOE BANK OF ROELAND, ET AL.,\nDefendants, Appellees.\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\n';
    expect(nameOf(t, 'in-re-usa-v-poe-bank-of-ro')).toBe('In re United States ex rel. Roe and Company');
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
