/**
 * The general authorities the memo states the framework from, as data: each row is a decision marked verified
 * (✔) in doctrine.md, with the proposition in the project's own words (quotations only where doctrine.md gives
 * them with a verified source), the doctrine.md section, and the public sources it records. Rows whose date or
 * pin cite is UNVERIFIED say so in `unverified`. The memo cites a row only when the store holds the case, so
 * every citation it prints resolves; otherwise it names the case without a citation.
 */
export interface Authority {
  key: string;
  name: string;
  /** Reporter citation as doctrine.md verifies it; the memo's citation is the store's. */
  citation: string;
  year: number;
  proposition: string;
  section: string;
  source: string;
  unverified?: string;
}

export const FRAMEWORK: readonly Authority[] = [
  { key: 'harlow', name: 'Harlow v. Fitzgerald', citation: '457 U.S. 800', year: 1982, section: '§1.1',
    proposition: 'officials are shielded unless their conduct violates "clearly established statutory or constitutional rights of which a reasonable person would have known"',
    source: '1215.org/lawnotes/lawnotes/immunity.htm; dwikipedia.eth.limo/wiki/Harlow_v._Fitzgerald.html' },
  { key: 'pearson', name: 'Pearson v. Callahan', citation: '555 U.S. 223', year: 2009, section: '§1.2',
    proposition: 'courts may decide either prong first, so a grant of immunity may say nothing about whether the conduct was unconstitutional',
    source: 'law.cornell.edu/supct/html/07-751.ZS.html' },
  { key: 'alkidd', name: 'Ashcroft v. al-Kidd', citation: '563 U.S. 731', year: 2011, section: '§1.1',
    proposition: 'existing precedent must have placed the question "beyond debate", and the right may not be defined at a high level of generality',
    source: 'casetext.com/case/ashcroft-v-al-kidd-2' },
  { key: 'wesby', name: 'District of Columbia v. Wesby', citation: '138 S. Ct. 577', year: 2018, section: '§1.1',
    proposition: 'a clearly established rule needs "a sufficiently clear foundation in then-existing precedent"',
    source: 'supreme.justia.com/cases/federal/us/583/15-1485/; 3d Cir. Model Civil Jury Instr. 4.7.2 comment' },
  { key: 'emmons', name: 'City of Escondido v. Emmons', citation: '139 S. Ct. 500', year: 2019, section: '§1.1',
    proposition: 'the right must be defined with specificity, and precedent must "squarely govern" the specific facts',
    source: 'supreme.justia.com/cases/federal/us/586/17-1660/; en.wikisource.org', unverified: 'U.S. Reports page' },
  { key: 'wilson', name: 'Wilson v. Layne', citation: '526 U.S. 603', year: 1999, section: '§1.1, §1.4',
    proposition: 'the sources are controlling authority in the jurisdiction at the time of the incident, or a consensus of cases of persuasive authority',
    source: 'law.onecle.com/ussc/526/526us617.html' },
  { key: 'brosseau', name: 'Brosseau v. Haugen', citation: '543 U.S. 194', year: 2004, section: '§1.1',
    proposition: 'reasonableness is judged against the backdrop of the law at the time of the conduct; in an obvious case general standards can suffice',
    source: 'supct.law.cornell.edu/supct/html/03-1261.ZPC.html' },
  { key: 'hope', name: 'Hope v. Pelzer', citation: '536 U.S. 730', year: 2002, section: '§1.1, §1.3 step 2.4',
    proposition: 'a general rule may apply "with obvious clarity" even in novel factual circumstances (a prison hitching post)',
    source: 'supct.law.cornell.edu (No. 01-309)' },
  { key: 'taylor', name: 'Taylor v. Riojas', citation: '592 U.S. 7', year: 2020, section: '§4.1 row 30',
    proposition: 'an obvious case (deplorably unsanitary cells for an extended period) needs no factually similar precedent',
    source: 'casetext.com/case/taylor-v-riojas; supreme.justia.com/cases/federal/us/592/19-1261/' },
  { key: 'rivas', name: 'Rivas-Villegas v. Cortesluna', citation: '595 U.S. 1', year: 2021, section: '§1.3 step 2.3',
    proposition: 'a precedent that is materially distinguishable on its facts does not clearly establish the right',
    source: 'supreme.justia.com/cases/federal/us/595/20-1539/' },
  { key: 'graham', name: 'Graham v. Connor', citation: '490 U.S. 386', year: 1989, section: '§3.2',
    proposition: 'force in an arrest or stop is judged by Fourth Amendment objective reasonableness: "the severity of the crime at issue", "whether the suspect poses an immediate threat to the safety of the officers or others", and "whether he is actively resisting arrest or attempting to evade arrest by flight", from the perspective of a reasonable officer on the scene',
    source: 'policedefense.org/use-of-force-news/graham-v-connor', unverified: 'decision date from secondary sources (PARTIAL)' },
  { key: 'garner', name: 'Tennessee v. Garner', citation: '471 U.S. 1', year: 1985, section: '§3.2',
    proposition: 'deadly force to prevent escape requires probable cause that the suspect poses a significant threat of death or serious physical injury to the officer or others',
    source: 'en.wikipedia.org/wiki/Tennessee_v._Garner', unverified: 'the "warning, where feasible" element' },
  { key: 'barnes', name: 'Barnes v. Felix', citation: '605 U.S. 73', year: 2025, section: '§3.2',
    proposition: 'the whole encounter counts, including events leading up to the force, not only the moment of threat; the role of officer-created jeopardy was left open',
    source: 'en.wikipedia.org/wiki/Barnes_v._Felix; lexipol.com; omag.org' },
  { key: 'mendez', name: 'County of Los Angeles v. Mendez', citation: '581 U.S. 420', year: 2017, section: '§3.2',
    proposition: 'an earlier, separate violation does not make otherwise reasonable force unreasonable (no provocation rule)',
    source: 'en.wikipedia.org/wiki/Los_Angeles_County_v._Mendez' },
  { key: 'lombardo', name: 'Lombardo v. City of St. Louis', citation: '594 U.S. 464', year: 2021, section: '§3.2',
    proposition: 'no per se rule from a single factor such as prone restraint of a resisting detainee; the inquiry is fact-specific',
    source: 'supreme.justia.com/cases/federal/us/594/20-391/' },
  { key: 'kingsley', name: 'Kingsley v. Hendrickson', citation: '576 U.S. 389', year: 2015, section: '§3.1',
    proposition: 'force against a pretrial detainee is judged under the Fourteenth Amendment by an objective-unreasonableness standard',
    source: 'fpd-ohn.org/node/803' },
  { key: 'tolan', name: 'Tolan v. Cotton', citation: '572 U.S. 650', year: 2014, section: '§1.3 step 0.3',
    proposition: 'at summary judgment the evidence is viewed in the light most favorable to the non-movant',
    source: 'supreme.justia.com/cases/federal/us/572/650/' },
  { key: 'scott', name: 'Scott v. Harris', citation: '550 U.S. 372', year: 2007, section: '§1.3 step 0.3',
    proposition: 'a court need not adopt a version of the facts that video blatantly contradicts',
    source: 'lawaspect.com/case-scott-v-harris' },
  { key: 'johnson', name: 'Johnson v. Jones', citation: '515 U.S. 304', year: 1995, section: '§1.6',
    proposition: 'no interlocutory appeal lies from a ruling that the record presents a genuine issue of fact',
    source: 'law.onecle.com/ussc/515/515us304.html' },
  { key: 'owen', name: 'Owen v. City of Independence', citation: '445 U.S. 622', year: 1980, section: '§5',
    proposition: 'municipalities have no qualified immunity',
    source: 'originalsources.com; section1983.org' },
  { key: 'monell', name: "Monell v. Dep't of Social Services", citation: '436 U.S. 658', year: 1978, section: '§5',
    proposition: 'a local government is liable for its policy or custom, not on respondeat superior',
    source: 'oxfordindex.oup.com/view/10.1093/oi/authority.20110803100205414' },
  { key: 'gomez', name: 'Gomez v. Toledo', citation: '446 U.S. 635', year: 1980, section: '§1.3 step 0.2',
    proposition: 'qualified immunity is an affirmative defense the official must plead',
    source: 'originalsources.com; vlex' },
  { key: 'bryan', name: 'Bryan v. United States', citation: '913 F.3d 356', year: 2019, section: '§1.5',
    proposition: 'law was not clearly established a day or two after the circuit decision recognizing the right',
    source: 'harvardlawreview.org/print/vol-133/bryan-v-united-states/', unverified: 'exact decision date' },
];

export function authority(key: string): Authority {
  const a = FRAMEWORK.find((r) => r.key === key);
  if (!a) throw new Error(`framework authority ${key} missing`);
  return a;
}
