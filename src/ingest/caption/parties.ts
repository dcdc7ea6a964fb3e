/**
 * The parties in an opinion's caption, as printed at the head of a slip opinion:
 *
 *     No. 09-2121                    IN RE: JACALYN S. NOSEK, Debtor.
 *     UNITED STATES OF AMERICA,      AMERIQUEST MORTGAGE COMPANY,
 *         Appellee,                      Appellant,
 *           v.                             v.
 *     ROXANNE TROY,                  JACALYN S. NOSEK,
 *         Defendant, Appellant.          Nominal Appellee.
 *
 * Only the first caption is read (consolidated appeals repeat it). The name follows Bluebook rule 10.2: the first
 * party on each side, individuals by surname, "et al." and procedural designations dropped, "United States of
 * America" shortened to "United States".
 */
import { caseName, wordKey, type CaseGuide } from './casing.js';

export interface Caption {
  /** Words of the first party on each side (in re captions: `inRe` set and only `first`). */
  first: string[];
  second: string[];
  inRe: boolean;
  /** The caption's text for each side's first party, as printed (commas and all). */
  firstBlock?: string;
  secondBlock?: string;
  /** The "v." was read from inside a line (a one-line caption, or a citation), not from a line of its own. */
  oneLine?: boolean;
  /** In re captions: the parties captioned under the in re line, when there are two sides. */
  adversary?: Caption;
}

const ROLE = String.raw`(?:(?:cross|third|party|nominal|counter|real|intervenor|defendant|plaintiff|petitioner|respondent|claimant|appellant|appellee)[- ]*)*(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|intervenors?|movants?|debtors?|claimants?|libell?ants?|relators?|garnishees?|objectors?|trustees?|interested\s+part(?:y|ies)|amic(?:us|i)(?:\s+curiae)?)`;
/** A line that is nothing but designations: "Defendants, Appellees." / "Plaintiff-Appellant," */
const ROLE_LINE = new RegExp(String.raw`^(?:and\s+)?${ROLE}(?:[\s,;/&-]+(?:and\s+)?${ROLE})*[\s.,;:]*$`, 'i');
/** Designations at the end of a party line: "Walter HILDEBRAND, Libelant-Appellant-Appellee," */
const ROLE_TAIL = new RegExp(String.raw`,\s*${ROLE}(?:[\s,;/&-]+${ROLE})*[\s.,;:]*$`, 'i');
const VERSUS = /^[—–-]*\s*(?:v|vs|versus)\.?\s*[—–-]*$/i;
const STOP = /^(?:APPEALS?\s+FROM|ON\s+APPEAL|ON\s+PETITIONS?|PETITIONS?\s+FOR|ON\s+MOTION|ON\s+(?:REMAND|CERTIFI|REVIEW)|APPLICATION|BEFORE\b|\[HON|ERRATA|ORDER\s+OF\s+COURT|ARGUED|OPINION\b|JUDGMENT\b|PER\s+CURIAM|CERTIFIED\s+QUESTION)/i;
/** Lines of the heading that are not parties. */
const NOISE = /^(?:notice\b.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+term\b.*|no\.\s.*|\d+ [A-Z][\w. ]{0,20} \d+|_+|-+|\*+|united\s+states\s+court\s+of\s+appeals.*|for\s+the\s+\w+\s+circuit\.?|f\s?or\s+the\s+[a-z][a-z ]{2,20}\s+c\s?ircuit\.?|(?:\[?\s*)?not\s+for\s+publication.*|unpublished.*|published.*|october\s+term.*|\(?\s*argued.*|\(?\s*decided.*|\(?\s*submitted.*|docket\s+.*|\d{1,2}-\d{3,5}.*|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*)$/i;
/** Marks a "v." split out of a one-line caption. */
const SPLIT_VERSUS = 'v.\u0001';
const DOCKET = /^(?:docket\s+)?nos?\.?\s*:?\s*\d/i;
const IN_RE = /^(?:in\s+re|in\s+the\s+matter\s+of|matter\s+of)\s*:?\s*/i;

/** Splits the heading into the blocks of the first caption. */
export function readCaption(text: string): Caption | undefined {
  // Letter-spaced small capitals ("F OR THE S ECOND C IRCUIT", "C OUNTRYWIDE F INANCIAL"): in such a heading a capital
  // standing alone before capitals is the first letter of the word.
  const spaced = /\bF ?OR THE [A-Z] ?[A-Z]+ C IRCUIT\b/.test(text.slice(0, 1500));
  const lines = text.slice(0, 6000).split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean)
    .map((l) => (spaced ? l.replace(/\b([A-Z]) (?=[A-Z]{2,})/g, '$1') : l))
    // A one-line caption ("JOHN DOE, Plaintiff, v. RICHARD ROE, Defendant.") becomes the three-line form.
    .flatMap((l) => (l.length <= 150 && / v\. /.test(l) && !/ v\. .* v\. /.test(l) ? l.split(/ (v\.) /).map((p) => (p === 'v.' ? SPLIT_VERSUS : p)) : [l]));
  // Parties follow the docket line in slip opinions; in reporter-style headings they come first.
  const docketAt = lines.findIndex((l) => DOCKET.test(l));
  const versusLine = lines.findIndex((l) => VERSUS.test(l) || l === SPLIT_VERSUS);
  // A running title read as a one-line caption above the docket line ("Roe v. Poe" over the caption proper) gives way
  // to the caption after the docket line when that has a "v." line of its own.
  const ownVersusAfter = docketAt !== -1 && lines.slice(docketAt + 1).some((l) => VERSUS.test(l));
  let i = docketAt === -1 || (versusLine !== -1 && versusLine < docketAt && !(lines[versusLine] === SPLIT_VERSUS && ownVersusAfter)) ? 0 : docketAt + 1;
  while (i < lines.length && (DOCKET.test(lines[i]!) || /^\d{2,4}-\d+[\w-]*[,;]?$/.test(lines[i]!))) i++;
  const blocks: string[][] = [[]];
  let inRe = false;
  let sawVersus = false;
  let versusAt = -1;
  let oneLine = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (STOP.test(line) || (DOCKET.test(line) && sawVersus)) break;
    if (/^_{3,}$/.test(line) && !sawVersus && blocks.length === 1) { blocks.push([]); continue; }
    if (NOISE.test(line) || DOCKET.test(line)) continue;
    if (VERSUS.test(line) || line === SPLIT_VERSUS) {
      if (sawVersus) break;
      oneLine = line === SPLIT_VERSUS;
      sawVersus = true;
      blocks.push([]);
      versusAt = blocks.length - 1;
      continue;
    }
    const block = blocks[blocks.length - 1]!;
    if (ROLE_LINE.test(line)) {
      if (block.length) blocks.push([]);
      if (sawVersus && blocks.length > 2) break;
      continue;
    }
    if (IN_RE.test(line) && !sawVersus) inRe = true;
    block.push(line);
  }
  const filled = blocks.filter((b) => b.length);
  if (!filled.length) return undefined;
  const inReBlock = filled.find((b) => IN_RE.test(b[0]!));
  // The in re line ends at its own period: "IN RE: … FIRE LITIGATION." then "HOLDERS CAPITAL CORPORATION, …" is a party.
  // "IN RE" on a line of its own: the name is the next line ("IN RE / JOHN ROE / POE REALTY, Plaintiff, v. …").
  // An in re line without a closing comma or period, then a party line that has one ("IN RE GRAND JURY PROCEEDINGS /
  // UNITED STATES, / Petitioner"): the in re name is that line alone.
  const inReLines = !inReBlock ? [] : /^(?:in\s+re|in\s+the\s+matter\s+of|matter\s+of)\s*:?$/i.test(inReBlock[0]!) && inReBlock.length > 2 ? inReBlock.slice(0, 2)
    : inReBlock.length >= 2 && !/[,.;]$/.test(inReBlock[0]!) && /,$/.test(inReBlock[1]!) && !/^(?:in\s+re|in\s+the\s+matter\s+of|matter\s+of)\s*:?$/i.test(inReBlock[0]!) ? inReBlock.slice(0, 1)
    : inReBlock.slice(0, inReBlock.findIndex((l) => /\.$/.test(l) && !/\b(?:inc|corp|co|ltd|jr|sr|n\.a|s\.a)\.$/i.test(l)) + 1 || inReBlock.length);
  if (inRe && inReBlock) {
    const caption: Caption = { first: partyWords(inReLines.join(' ').replace(IN_RE, '')), second: [], inRe: true };
    // The adversary caption under the in re line ("IN RE X, Debtor. X, Appellant, v. Y"): its first party on each
    // side, for a name given by the parties rather than "In re".
    const rest = inReBlock.slice(inReLines.length);
    const at = blocks.indexOf(inReBlock);
    const later = [rest, ...blocks.slice(at + 1, versusAt === -1 ? at + 1 : versusAt)].filter((b) => b.length);
    const after = versusAt === -1 ? [] : blocks.slice(versusAt).filter((b) => b.length);
    if (later[0] && after[0]) {
      caption.adversary = { first: partyWords(later[0].join(' ')), second: partyWords(after[0].join(' ')), inRe: false, firstBlock: later[0].join(' '), secondBlock: after[0].join(' ') };
    }
    return caption;
  }
  // The party before "v." is the last block before the versus line; with no "v." there is one side only.
  const before = blocks.slice(0, versusAt === -1 ? blocks.length : versusAt).filter((b) => b.length);
  const after = versusAt === -1 ? [] : blocks.slice(versusAt).filter((b) => b.length);
  const a = before[0];
  const b = after[0];
  if (!a) return undefined;
  return { first: partyWords(a.join(' ')), second: b ? partyWords(b.join(' ')) : [], inRe: false, firstBlock: a.join(' '), secondBlock: b?.join(' '), oneLine };
}

const ORG = /\b(?:inc|incorporated|corp|corporation|aktiengesellschaft|gesellschaft|gmbh|plc|co|company|companies|llc|l\.l\.c|ltd|bank|trust|city|town|county|commonwealth|state|states|board|department|dep't|commission|authority|services?|university|college|union|association|ass'n|fund|system|center|hospital|insurance|group|partners|partnership|society|agency|office|school|district|council|federation|church|america|republic|government|committee|administration|bureau|laboratories|industries|enterprises|holdings|international|national|mutual|products|motor|motors|airlines|railroad|railway|systems|technologies|communications|foundation|institute|estate|people|municipality|banco|autoridad|departamento|municipio|cooperativa|puerto|tribe|nation|indians|police|sheriff|comm'n|proceedings|litigation|jury|investigation|subpoenas?|secretary|attorney|commissioner|director|warden|superintendent|et\s+al|court|care|casualty|assurance|telephone|telegraph|health|medical|savings|financial|electric|energy|petroleum|oil|steel|chemicals?|aviation|marine|maritime|shipping|seguros|development|management|associates|builders|distributors|realty|video|s\.a|n\.a|of)(?:e?s)?\b|^(?:m\/v|s\/s|f\/v)\b/i;
/** A word that names a body or a proceeding, never a person ("litigation", "proceedings", "corporation"). */
export const orgWord = (w: string): boolean => new RegExp(`^(?:${ORG.source})$`, 'i').test(w) && !/^of$/i.test(w);

/** The entity form that closes an organisation's name: "… Co., Inc.", "… Old Colony, N.A.". */
const ENTITY_END = /\b(?:inc|corp|co|ltd|llc|l\.l\.c|n\.a|s\.a|p\.c|l\.p)\.?$/i;
/** The word an organisation's name ends with: "HOLYOKE VISITING NURSES ASSOCIATION AND O'CONNELL …" is two bodies. */
const NAME_END = /\b(?:association|company|corporation|board|authority|bank|union|council|fund|society|institute|foundation|trust|partnership|department|commission|agency|college|university|hospital|church|committee)$/i;
/** A person named with a middle initial: "DAVID O. COLE" (before "and the City of Old Town"). */
const PERSON = /^[A-Z][A-Za-z'’-]+\s+[A-Z]\.\s+[A-Z][A-Za-z'’-]+$/i;
const SUFFIX = /^(?:jr|sr|ii|iii|iv|esq)\.?$/i;
const PARTICLE = /^(?:de|del|della|di|da|van|von|la|las|los|le|st\.?|mc|mac|dos|das)$/i;

/** The first party named in a block, as words: "ELIZABETH MANNING ET AL." → [ELIZABETH, MANNING]. */
export function partyWords(block: string, commasInName = false, keepParens = false): string[] {
  let s = block.replace(ROLE_TAIL, '').replace(/\s+/g, ' ').trim();
  // "UNITED STATES OF AMERICA, EX REL. ROE & CO.": the relator is part of the name (Bluebook 10.2.1(b)), and the
  // United States is named so.
  s = s.replace(/^(united\s+states)(?:\s+of\s+america)?\s*,?\s+(ex\s+rel\b\.?)/i, '$1 $2');
  // "UNITED AUTOMOBILE, AEROSPACE, AGRICULTURAL IMPLEMENT WORKERS …": when the caller knows the name runs on.
  if (commasInName) s = s.replace(/,\s*(?!et\s+al\b|d\/b\/a|a\/k\/a|f\/k\/a|individually|as\s|in\s+(?:his|her|their)\b)/gi, ' ');
  // Cut at the first comma unless what follows belongs to the name (Inc., Jr., N.A.).
  s = s.replace(/,\s*(?=(?:inc|incorporated|co|corp|ltd|llc|l\.l\.c|n\.a|s\.a|p\.c|l\.p|jr|sr|ii|iii|iv)\b\.?)/gi, ' ');
  // A firm named "Kidder, Peabody & Co." or "Goldman, Antonetti, Ferraiuoli, Axtmayer & Hertell": the commas are
  // inside the name when single names run to one joined by "&". They stay on their words, which marks a firm.
  s = s.replace(/^(?:[A-Za-z][\w'’.-]*,\s*)+[A-Za-z][\w'’.-]*\s*&\s*[A-Za-z][\w'’.-]*/, (m) => m.replace(/,\s*/g, ',\u0000'));
  // An office named by its title and then its body ("DIRECTOR, ROE COUNTY DEPARTMENT OF CORRECTIONS"): the comma is
  // inside the name, and the title alone would name nobody.
  s = s.replace(/^(secretary|director|commissioner|superintendent|warden|administrator|chairman|chairperson|president|attorney\s+general|postmaster\s+general)\s*,\s*(?=(?:the\s+)?[A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*)*?\s+(?:department|dep't|bureau|office|agency|commission|board|division|service|administration|house\s+of\s+correction|correctional|institution|prison|jail|county|state|united\s+states)\b)/i, '$1,\u0000');
  s = s.split(/,(?!\u0000)|;|\s+(?:et\s+al|d\/b\/a|a\/k\/a|f\/k\/a|a\.?k\.?a\.?(?=\s)|individually|as\s+(?:executor|trustee|administrat|guardian|personal|next|the|a\s|an\s|special|receiver|commissioner|chairman|secretary|director|sheriff|superintendent|warden|mayor|chief|attorney)|as\s+(?:he|she|they)\s+(?:is|are)\b|in\s+(?:his|her|their)\s+(?:official|individual|capacity))\b/i)[0]!;
  // "JULIO FEBUS-RODRIGUEZ AND CATALINA RODRIGUEZ-PAGAN": the first of several people named together.
  // "N.A. AND FEDERAL DEPOSIT INSURANCE CORPORATION": a first organisation whose name is complete ends in its entity
  // form. Otherwise "and" inside an organisation's name ("Immigration and Naturalization Service") is kept.
  const and = /\s+and\s+/i.exec(s);
  const before = and ? s.slice(0, and.index) : '';
  const after = and ? s.slice(and.index + and[0].length) : '';
  // "HOMER F. AND DOROTHY L. ROE", "RICHARD AND ANITA ROE": two people sharing the surname printed once, at the end.
  if (and && /^[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.)*$/i.test(before) && /^[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.)*\s+[A-Z][A-Za-z'’-]+$/i.test(after) && !ORG.test(after)) {
    s = `${before} ${after.split(/\s+/).pop()}`;
  } else if (and && /\b(?:comprised|composed|consisting)\s+(?:by|of)\b/i.test(before)) {
    // "THE CONJUGAL PARTNERSHIP COMPRISED BY JOHN ROE AND JANE ROE": the partners named are the party's name.
  } else if (and && (ENTITY_END.test(before) || NAME_END.test(before) || !ORG.test(s) || PERSON.test(before))) s = before;
  // "THE ROE CORPORATION & JOHN M. POE": a body whose name is complete, then a person joined by "&" (not "ROE BANK &
  // TRUST COMPANY", where what follows is part of the body's name).
  const amp = /\s+&\s+/.exec(s);
  if (amp && (ENTITY_END.test(s.slice(0, amp.index)) || NAME_END.test(s.slice(0, amp.index)))) {
    const rest = s.slice(amp.index + amp[0].length);
    if (/^[A-Z][A-Za-z'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][A-Za-z'’-]+$/.test(rest) && !ORG.test(rest)) s = s.slice(0, amp.index);
  }
  if (!keepParens) s = s.replace(/\([^)]*\)/g, ' ');
  s = s.replace(/\u0000/g, ' ').replace(/\s+et\s+al\.?$/i, '').replace(/[.\s]+$/, (m) => (/\b(?:inc|co|corp|ltd|jr|sr|n\.a|s\.a|p\.c|l\.p)$/i.test(s.replace(/[.\s]+$/, '')) ? '.' : ''));
  return s.split(' ').filter(Boolean);
}

/** Bluebook 10.2.1(g): an individual is named by surname; organisations keep their name. */
export function shortParty(words: string[]): string[] {
  // Bluebook 10.2.1(d): "The" opening a party's name is omitted.
  if (words.length >= 2 && /^the$/i.test(words[0]!)) return shortParty(words.slice(1));
  const joined = words.join(' ');
  if (/^united states(?: of america)?$/i.test(joined)) return ['United', 'States'];
  // "UNITED STATES EX REL. WALTER B. ROE": each side of "ex rel." named as a party is (Bluebook 10.2.1(b)).
  const exRel = words.findIndex((w, i) => i > 0 && /^ex$/i.test(w) && /^rel\.?$/i.test(words[i + 1] ?? ''));
  if (exRel > 0 && exRel + 2 < words.length) return [...shortParty(words.slice(0, exRel)), ...words.slice(exRel, exRel + 2), ...shortParty(words.slice(exRel + 2))];
  // A person whose given name is a word that names bodies elsewhere ("AMERICA ROE"): two words, the first of them.
  if (words.length === 2 && /^america$/i.test(words[0]!) && !ORG.test(words[1]!)) return words.slice(1);
  // A person named after an office or rank ("SUPERINTENDENT PAUL L. ROE", "SARGENTO ROE"): the person.
  if (words.length >= 3 && /^(?:superintendent|warden|sheriff|commissioner|secretary|director|chief|sergeant|sargento|captain|lieutenant|officer|trooper|dr\.?|hon\.?|honorable)$/i.test(words[0]!) &&
    words.length <= 5 && !ORG.test(words.slice(1).join(' '))) return shortParty(words.slice(1));
  // A word ending in a comma inside the party is a firm's name ("Goldman, Antonetti, … & Hertell"). (A surname's
  // particles, "DE LA", do not count toward the length of a person's name.)
  const counted = words.filter((w) => !PARTICLE.test(w)).length;
  if (ORG.test(joined) || counted > 5 || words.length < 2 || words.slice(0, -1).some((w) => w.endsWith(','))) return words;
  let end = words.length;
  while (end > 1 && SUFFIX.test(words[end - 1]!)) end--;
  let start = end - 1;
  while (start > 1 && PARTICLE.test(words[start - 1]!)) start--;
  // A name in the Spanish manner, given name and two surnames ("ANGEL ROE LOPEZ" with "LOPEZ" before the last): the
  // surname is both (a word before the last that is a common Spanish surname, a given name still before it).
  if (start >= 2 && SPANISH_SURNAME.test(wordKey(words[start - 1]!))) start--;
  return words.slice(start, end);
}

/** Common Spanish surnames (not the ones also used as English middle names: Martin, Leon, Vicente…). */
const SPANISH_SURNAME = /^(?:garcia|rodriguez|gonzalez|fernandez|lopez|martinez|sanchez|perez|gomez|jimenez|ruiz|hernandez|diaz|moreno|alvarez|munoz|romero|alonso|gutierrez|navarro|torres|dominguez|vazquez|ramos|ramirez|serrano|blanco|suarez|molina|morales|ortega|delgado|castro|ortiz|rubio|marin|nunez|iglesias|medina|garrido|castillo|cortes|lozano|guerrero|cano|prieto|mendez|calvo|cruz|gallego|vidal|herrera|marquez|pena|cabrera|flores|campos|vega|fuentes|carrasco|caballero|nieto|reyes|aguilar|herrero|santana|hidalgo|montero|ibanez|gimenez|ferrer|duran|benitez|mora|santiago|arias|vargas|carmona|crespo|roman|soto|saez|velasco|soler|moya|parra|bravo|gallardo|rojas|rivera|colon|velez|baez|rosario|acevedo|figueroa|negron|melendez|pagan|burgos|maldonado|cintron|padilla|quinones|feliciano|otero|miranda|nieves|lugo|matos|mercado|marrero|rios|robles|toro|irizarry|alicea|cuevas|rosa|ayala|vazquez|cordero|quintana|sepulveda|valentin|zayas|camacho|bonilla|villanueva|salgado|serrano|oquendo|caraballo|rosado|velazquez|aponte|beltran|pizarro|ocasio|orta|laboy|fontanez|perez)$/;

/** `Manning v. Boston Medical Center Corp.` from a caption, cased by the text's own spelling when it has it. */
export function captionName(c: Caption, guide?: CaseGuide): string {
  const a = caseName(shortParty(c.first), guide);
  if (c.inRe) return `In re ${a}`;
  return c.second.length ? `${a} v. ${caseName(shortParty(c.second), guide)}` : a;
}
