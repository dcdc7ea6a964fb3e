import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';
import { capCaseJson, gz, jsonl, tempDir, tinyDocx, twoOpinions, write } from './test-fixtures.js';

describe('detectFormat', () => {
  it('tells the formats apart from their content, whatever the file is called', async () => {
    const dir = tempDir();
    expect(await detectFormat(write(dir, 'x.data', gz(jsonl(twoOpinions()))))).toBe('courtlistener-json');
    expect(await detectFormat(write(dir, 'y.data', JSON.stringify(capCaseJson(1, 'bulk'))))).toBe('cap');
    expect(await detectFormat(write(dir, 'z.data', '%PDF-1.4\n'))).toBe('document');
    expect(await detectFormat(write(dir, 'w.data', tinyDocx(['Doe v. Roe'])))).toBe('document');
    expect(await detectFormat(write(dir, 'v.data', 'id,date_created,date_modified,cluster_id,plain_text\n1,2020,2020,3,"x"\n'))).toBe('courtlistener-bulk');
    expect(await detectFormat(write(dir, 'u.txt', 'JANE DOE v. RICHARD ROE\nOpinion text.'))).toBe('document');
  });
});
