import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll } from 'vitest';
import type { OfficerLink, Payout, PayoutItem, PayoutReject } from './types.js';

/** A temp directory removed after the test file; tests write their own fixtures here (never /work/shared/data). */
export function fixtureDir(): { dir: string; write: (name: string, content: string | Uint8Array) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'clearly-payouts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

export async function collect(items: AsyncIterable<PayoutItem>): Promise<{ payouts: Payout[]; rejects: PayoutReject[]; officers: OfficerLink[] }> {
  const out = { payouts: [] as Payout[], rejects: [] as PayoutReject[], officers: [] as OfficerLink[] };
  for await (const it of items) {
    if ('payout' in it) out.payouts.push(it.payout);
    else if ('reject' in it) out.rejects.push(it.reject);
    else out.officers.push(it.officer);
  }
  return out;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Builds a small .xlsx from hand-written sheet XML (`<sheetData>` contents) and a shared-string table. */
export function buildXlsx(sheets: { name: string; rows: string; dimension?: string }[], sharedStrings: string[], opts: { date1904?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}">` +
        (opts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
        `<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst xmlns="${NS}" count="${sharedStrings.length}">${sharedStrings.map((s) => `<si>${s}</si>`).join('')}</sst>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><worksheet xmlns="${NS}">${s.dimension ? `<dimension ref="${s.dimension}"/>` : ''}<sheetData>${s.rows}</sheetData></worksheet>`,
    );
  });
  return zipSync(files);
}
