/**
 * Fixtures in the real formats, written by the tests themselves (never copied from real data): CourtListener v3
 * opinion objects and v4 cluster/opinion/docket objects, CAP case JSON, and loose documents. Parties are
 * obviously fictional (Doe, Roe, Poe, Moe); reporter citations are invented for the tests.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, strToU8, zipSync } from 'fflate';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'clearly-ingest-'));
}

/** A First Circuit slip opinion caption in the layout of the court's PDFs. */
export function ca1Caption(o: { no: string; first: string; second: string; date: string; unpublished?: boolean }): string {
  return `${o.unpublished ? '          Not for Publication in West\'s Federal Reporter\n' : ''}          United States Court of Appeals
                     For the First Circuit


No. ${o.no}

                    ${o.first},

                        Plaintiff, Appellant,

                                  v.

               ${o.second},

                        Defendants, Appellees.


          APPEAL FROM THE UNITED STATES DISTRICT COURT

                FOR THE DISTRICT OF MASSACHUSETTS

                                Before

              Alpha, Beta and Gamma, Circuit Judges.


                            ${o.date}



          ALPHA, Circuit Judge.  `;
}

export interface V3Options {
  id: number;
  slug: string;
  text: string;
  cites?: number[];
  letter?: 'P' | 'U' | 'E';
  docket?: string;
  html?: string;
}

/** A v3 opinion object as the REST API serves it: no case name, court or date fields. */
export function v3Opinion(o: V3Options): Record<string, unknown> {
  const base = 'https://www.courtlistener.com/api/rest/v3';
  return {
    resource_uri: `${base}/opinions/${o.id}/`,
    absolute_url: `/opinion/${o.id}/${o.slug}/`,
    cluster: `${base}/clusters/${o.id}/`,
    author: null, joined_by: [], author_str: '', per_curiam: false, type: '010combined', sha1: 'x'.repeat(40),
    download_url: `http://www.ca1.uscourts.gov/pdf.opinions/${o.docket ?? '10-1000'}${o.letter ?? 'P'}-01A.pdf`,
    local_path: null,
    plain_text: o.text,
    html: '', html_lawbox: '', html_columbia: null,
    html_with_citations: o.html ?? `<pre class="inline">${o.text}</pre>`,
    extracted_by_ocr: false,
    opinions_cited: (o.cites ?? []).map((c) => `${base}/opinions/${c}/`),
  };
}

export const jsonl = (objs: unknown[]): string => objs.map((x) => JSON.stringify(x)).join('\n') + '\n';
export const gz = (s: string): Buffer => Buffer.from(gzipSync(strToU8(s)));

export function write(dir: string, name: string, data: string | Buffer | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Two fictional First Circuit opinions; the second cites the first by citation and by CourtListener id. */
export function twoOpinions(): Record<string, unknown>[] {
  const first = v3Opinion({
    id: 9001, slug: 'doe-v-roe', docket: '10-1001',
    text: ca1Caption({ no: '10-1001', first: 'JANE DOE', second: 'RICHARD ROE, ET AL.', date: 'March 3, 2010' }) +
      'Jane Doe sued Richard Roe. We affirm. The officers used excessive force, and qualified immunity does not apply.',
  });
  const second = v3Opinion({
    id: 9002, slug: 'poe-v-moe', docket: '11-2002', letter: 'U', cites: [9001, 12345678],
    text: ca1Caption({ no: '11-2002', first: 'PETER POE', second: 'MARY MOE', date: 'June 9, 2011', unpublished: true }) +
      'Peter Poe appeals. We followed Doe v. Roe, 901 F.3d 11, 15 (1st Cir. 2010) (holding that the force was excessive), ' +
      'and distinguished Foe v. Joe, 902 F.3d 22 (1st Cir. 2010). See Doe, 901 F.3d at 16. Affirmed.',
    html: '<pre class="inline">Peter Poe appeals. We followed Doe v. Roe, <span class="citation" data-id="9001"><a href="/opinion/9001/doe-v-roe/"><span class="volume">901</span> <span class="reporter">F.3d</span> <span class="page">11</span></a></span>.</pre>',
  });
  return [first, second];
}

/** A CourtListener v4 cluster with two opinions (majority and dissent) and its docket. */
export function v4Cluster(): Record<string, unknown>[] {
  const base = 'https://www.courtlistener.com/api/rest/v4';
  return [
    {
      resource_uri: `${base}/opinions/7002/`, id: 7002, cluster_id: 7000, cluster: `${base}/clusters/7000/`,
      type: '040dissent', author_str: 'Judge Moe', per_curiam: false, plain_text: 'I respectfully dissent from the holding on excessive force.',
      html_with_citations: '', opinions_cited: [], download_url: null, absolute_url: '/opinion/7000/doe-v-city-of-springfield/',
    },
    {
      resource_uri: `${base}/clusters/7000/`, id: 7000, absolute_url: '/opinion/7000/doe-v-city-of-springfield/',
      case_name: 'Doe v. City of Springfield', case_name_short: 'Doe', date_filed: '2015-04-02',
      docket: `${base}/dockets/7100/`, docket_id: 7100, precedential_status: 'Published',
      citations: [{ volume: 903, reporter: 'F.3d', page: 33, type: 1 }],
      sub_opinions: [`${base}/opinions/7001/`, `${base}/opinions/7002/`],
    },
    { resource_uri: `${base}/dockets/7100/`, id: 7100, court: `${base}/courts/ca6/`, court_id: 'ca6', docket_number: '14-3003', case_name: 'Doe v. City of Springfield' },
    {
      resource_uri: `${base}/opinions/7001/`, id: 7001, cluster_id: 7000, cluster: `${base}/clusters/7000/`,
      type: '020lead', author_str: 'Judge Roe', per_curiam: false,
      plain_text: 'The officer tased a man who was sitting with his hands raised. Qualified immunity is denied.',
      html_with_citations: '', opinions_cited: [], download_url: null, absolute_url: '/opinion/7000/doe-v-city-of-springfield/',
    },
  ];
}

/** A Caselaw Access Project case; `shape` picks the API (`casebody.data`) or bulk (`casebody`) layout. */
export function capCaseJson(id: number, shape: 'api' | 'bulk', over: Record<string, unknown> = {}): Record<string, unknown> {
  const opinions = [{ type: 'majority', author: 'ROE, J.', text: 'The plaintiff Doe relies on Poe v. Moe, 904 F.3d 44 (6th Cir. 2016). Reversed.' }];
  return {
    id, name: 'JOHN DOE, Appellant, v. RICHARD ROE, Appellee', name_abbreviation: 'Doe v. Roe', decision_date: '2017-05-06',
    docket_number: 'No. 16-4004', citations: [{ type: 'official', cite: '905 F.3d 55' }],
    court: { name: 'United States Court of Appeals for the Sixth Circuit', name_abbreviation: '6th Cir.' },
    jurisdiction: { name: 'U.S.' },
    cites_to: [{ cite: '904 F.3d 44', case_ids: [id + 1] }, { cite: '906 F.3d 66' }],
    casebody: shape === 'api' ? { status: 'ok', data: { opinions } } : { opinions },
    ...over,
  };
}

/** A minimal valid .docx (Office Open XML) holding `paragraphs`. */
export function tinyDocx(paragraphs: string[]): Uint8Array {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}
