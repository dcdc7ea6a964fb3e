import { describe, expect, it } from 'vitest';
import { readFiveThirtyEight } from './fivethirtyeight.js';
import { readPayoutFile } from './read.js';
import { collect, fixtureDir } from './test-helpers.js';

const HEADER = 'calendar_year,city,state,incident_date,filed_date,filed_year,closed_date,amount_awarded,other_expenses,docket_number,plaintiff_name,matter_name,summary_allegations';

describe('FiveThirtyEight city files', () => {
  const fx = fixtureDir();
  const lines = [
    HEADER,
    '2019,Testville,TS,2015-03-08,2016-01-02,2016,2019-07-08,45640.5,,3:16-CV-00553,Blake Huval,"Huval v. Testville PD",Excessive Force',
    '2018,Testville,TS,,,,2018-02-01,"$1,234.56",100,16-cv-1,"Roe, Jane","Roe v. City","False Arrest w/out Battery;\nMalicious Prosecution"',
    '2018,Testville,TS,,,,2018-02-02,,,,Nobody,,', // blank amount
    '2018,Testville,TS,,,,2018-02-03,see file,,,Nobody,,', // not a number
    '2018,Testville,TS,,,,2018-02-04,10', // too few columns
    '2018,Testville,TS,,,,2018-02-05,20,,,Ren\u00c3\u00a9 Mojibake,,', // double-encoded é
    '2017,Testville,TS,2014-13-40,,,2017-05-05,750.0599,,,,,Property Related',
  ];
  const city = fx.write('testville_edited.csv', `\ufeff${lines.join('\r\n')}\r\n`);
  fx.write(
    'testville_police_edited.csv',
    'calendar_year,city,closed_date,docket_number,police_officer,state\n2019,Testville,2019-07-08,3:16-CV-00553,Ory Holmes,TS\n2019,Testville,2019-07-08,3:16-CV-00553,Troy McCreary,TS\n2019,Testville,,,Unknown,TS\n',
  );
  const baltimore = fx.write('baltimore_edited.csv', `${HEADER}\n2015,Baltimore,MD,,,,2015-08-25,6000,,,,,Police Misconduct - False Arrest\n`);

  it('accounts for every row: imported + rejected = data rows', async () => {
    const { payouts, rejects } = await collect(readFiveThirtyEight(city));
    expect(payouts.length + rejects.length).toBe(lines.length - 1);
    expect(rejects.map((r) => [r.source_line, r.code])).toEqual([
      [5, 'missing_amount'],
      [6, 'bad_amount'],
      [7, 'column_count'],
      [8, 'encoding'],
    ]);
    expect(rejects[2]!.reason).toMatch(/8 fields, the header has 13/);
    expect(rejects[1]!.excerpt).toContain('see file');
  });

  it('normalises amounts, dates, names and allegations; the payer is the city, flagged as assumed', async () => {
    const { payouts } = await collect(readFiveThirtyEight(city));
    expect(payouts[0]).toMatchObject({
      source_line: 2,
      source_row_id: 'testville_edited.csv:2',
      source_format: 'fivethirtyeight',
      jurisdiction: 'Testville, TS',
      city: 'Testville',
      payer_type: 'city',
      payer_name: 'Testville',
      payer_basis: 'assumed',
      amount_cents: 4_564_050,
      amount_field: 'amount_awarded',
      incident_date: '2015-03-08',
      filed_date: '2016-01-02',
      closed_date: '2019-07-08',
      claims_made_year: 2016,
      year_paid: 2019,
      docket_number: '3:16-CV-00553',
      plaintiff_names: ['Blake Huval'],
      officer_names: ['Ory Holmes', 'Troy McCreary'], // joined from the roster by docket
      allegation_categories: ['excessive_force'],
    });
    expect(payouts[0]!.caveat_ids).toContain('fivethirtyeight-not-comparable');
    // Line 3 starts a record whose quoted allegation spans two lines; the next record starts on line 5.
    expect(payouts[1]).toMatchObject({
      source_line: 3,
      amount_cents: 123_456,
      other_expenses_cents: 10_000,
      plaintiff_names: ['Roe, Jane'],
      allegation_text: 'False Arrest w/out Battery;\nMalicious Prosecution',
      allegation_categories: ['false_arrest', 'malicious_prosecution'],
    });
    expect(payouts[2]).toMatchObject({ amount_cents: 75_006, amount_rounded: true, unparsed: { incident_date: '2014-13-40' }, allegation_categories: ['property_damage'] });
  });

  it('reads a roster file as officer links, one per row', async () => {
    const { payouts, rejects, officers } = await collect(readPayoutFile(fx.write('x_police_edited.csv', 'city,docket_number,police_officer,state\nTestville,1,"Ann Dimascio, John Crowley, Anonymous Testville Police Officers",TS\nTestville,,Unknown,TS\n')));
    expect(payouts).toHaveLength(0);
    expect(rejects).toHaveLength(0);
    expect(officers).toEqual([
      { source_file: expect.any(String), source_line: 2, jurisdiction: 'Testville, TS', docket_number: '1', officer_names: ['Ann Dimascio', 'John Crowley'] },
      { source_file: expect.any(String), source_line: 3, jurisdiction: 'Testville, TS', officer_names: [] },
    ]);
  });

  it("adds the publishers' Baltimore warning to Baltimore's payouts", async () => {
    const { payouts } = await collect(readPayoutFile(baltimore));
    expect(payouts[0]!.caveat_ids).toContain('fivethirtyeight-baltimore');
    expect(payouts[0]!.allegation_categories).toEqual(['false_arrest']);
  });

  it('names the District of Columbia as payer for "Washington, DC"', async () => {
    const dc = fx.write('DC_edited.csv', `${HEADER}\n2012,Washington,DC,,,,2012-01-01,100,,,,,\n`);
    const { payouts } = await collect(readPayoutFile(dc));
    expect(payouts[0]).toMatchObject({ payer_name: 'District of Columbia', payer_type: 'city', jurisdiction: 'Washington, DC' });
  });

  it('marks invalid UTF-8 bytes as an encoding reject', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n2012,Testville,TS,,,,2012-01-01,100,,,Ren`), Buffer.from([0xe9]), Buffer.from(',,\n')]);
    const { rejects } = await collect(readPayoutFile(fx.write('latin1_edited.csv', bytes)));
    expect(rejects[0]).toMatchObject({ source_line: 2, code: 'encoding', reason: expect.stringMatching(/invalid UTF-8/) });
  });

  it('refuses a CSV that is neither a city file nor mapped', async () => {
    const other = fx.write('other.csv', 'Name,Paid\nA,1\n');
    await expect(collect(readPayoutFile(other))).rejects.toThrow(/no amount column \(amount_awarded\)/);
  });
});
