/**
 * Independent readings of the real settlement files, sharing no code with the readers, for the checks that compare
 * the two (src/payouts/check-real-data.ts, eval/payouts.ts): exact decimal sums with BigInt, and the Minnesota sheet
 * re-read with a few regular expressions over its XML.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';

/** Exact decimal sum at 10^-20, independent of money.ts: split at the point, pad, add as BigInt. */
export function exactSum(values: string[]): bigint {
  let sum = 0n;
  for (const v of values) {
    const t = v.trim();
    if (!/^-?\d*(\.\d*)?$/.test(t) || t === '' || t === '-') throw new Error(`independent sum: not a plain decimal: ${v}`);
    const neg = t.startsWith('-');
    const [i = '0', f = ''] = t.replace('-', '').split('.');
    const n = BigInt((i || '0') + f.padEnd(20, '0').slice(0, 20));
    sum += neg ? -n : n;
  }
  return sum;
}
export const toCents = (scaled: bigint): number => Number((scaled + 5n * 10n ** 17n) / 10n ** 18n); // half up (sums are positive)
export const exactText = (scaled: bigint): string => `${scaled / 10n ** 20n}.${(scaled % 10n ** 20n).toString().padStart(20, '0').replace(/0+$/, '').padEnd(2, '0')}`;

/** Data rows and the exact amount_awarded sum of one FiveThirtyEight file, via a plain csv-parse pass. */
export function fiveThirtyEightIndependent(path: string): { rows: number; amounts: number; cents: number; exact: bigint } {
  const records = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const amounts = records.map((r) => r.amount_awarded).filter((a): a is string => a !== undefined);
  const exact = amounts.length ? exactSum(amounts) : 0n;
  return { rows: records.length, amounts: amounts.length, cents: toCents(exact), exact };
}

/** Independent Minnesota read: regexes over the sheet XML, no code shared with the reader. */
export function minnesotaIndependent(path: string, sheetName: string): { rows: number; cents: number; bySource: Map<string, number> } {
  const zip = unzipSync(new Uint8Array(readFileSync(path)));
  const xml = (n: string): string => strFromU8(zip[n] ?? new Uint8Array());
  const unesc = (s: string): string => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  const sst = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unesc([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const rid = new RegExp(`<sheet name="${sheetName}"[^>]*r:id="(\\w+)"`).exec(xml('xl/workbook.xml'))?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(xml('xl/_rels/workbook.xml.rels'))?.[1];
  const sheet = xml(`xl/${target}`);
  const cell = (row: string, col: string): string | undefined => {
    const m = new RegExp(`<c r="${col}\\d+"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)`).exec(row);
    const v = m?.[2] && /<v>([\s\S]*?)<\/v>/.exec(m[2])?.[1];
    if (v === undefined || v === '') return undefined;
    return /t="s"/.test(m![1]!) ? sst[Number(v)] : unesc(v);
  };
  let rows = 0;
  const amounts: string[] = [];
  const bySource = new Map<string, number>();
  for (const m of sheet.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    if (Number(m[1]) <= 6) continue; // header on row 6 (checked by eye; the reader finds it itself)
    const amount = cell(m[2]!, 'J');
    if (amount === undefined) continue;
    rows++;
    amounts.push(amount);
    const src = cell(m[2]!, 'K') ?? '(blank)';
    bySource.set(src, (bySource.get(src) ?? 0) + 1);
  }
  return { rows, cents: toCents(exactSum(amounts)), bySource };
}

