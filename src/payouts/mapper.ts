import { basename } from 'node:path';
import { ClearlyError } from '../errors/index.js';
import { classifyAllegation } from './allegations.js';
import { excelSerialToIso, parseDateText, parseYear } from './dates.js';
import { specNames, type MappedField, type PayoutMapping } from './mapping.js';
import { parseAmount } from './money.js';
import { normalizePayer } from './payer.js';
import type { SourceRow, Table } from './tables.js';
import { clean, encodingProblem, excerpt, headerKey, splitNames } from './text.js';
import { DATE_FIELDS, type Payout, type PayoutItem, type PayerBasis, type RejectCode } from './types.js';
import type { XlsxCell } from './xlsx.js';

/**
 * Turns source rows into Payouts (or rejects) as a mapping declares. One code path for every format, so the
 * FiveThirtyEight files, the Minnesota workbook and user files are normalised by the same rules.
 */
export type RowMapper = (row: SourceRow) => PayoutItem;

const isBlank = (c: XlsxCell | undefined): boolean => !c || c.type === 'error' || c.text.trim() === '';

export function createMapper(file: string, table: Table, mapping: PayoutMapping): RowMapper {
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !index.has(k)) index.set(k, i);
  });
  const cols = (spec: string | string[] | undefined): number[] =>
    specNames(spec).flatMap((n) => (index.has(headerKey(n)) ? [index.get(headerKey(n))!] : []));
  const amountCols = cols(mapping.columns.amount);
  if (amountCols.length === 0) {
    throw new ClearlyError('bad_data', `${file}: no amount column (${specNames(mapping.columns.amount).join(' or ')}) in the header on line ${table.headerLine}`, {
      hint: `The header has: ${table.header.filter(Boolean).slice(0, 30).join(', ')}. Declare the amount column in a mapping file (--mapping).`,
      location: { file, line: table.headerLine },
    });
  }
  const fieldCols = new Map<MappedField, number[]>();
  for (const [k, v] of Object.entries(mapping.columns)) fieldCols.set(k as MappedField, cols(v));
  const payerCols = cols(mapping.payer?.column);
  const base = table.sheet === undefined ? basename(file) : `${basename(file)}[${table.sheet}]`;
  const sheet = table.sheet === undefined ? {} : { source_sheet: table.sheet };

  const first = (row: SourceRow, idx: number[] | undefined): { cell: XlsxCell; col: number } | undefined => {
    for (const i of idx ?? []) {
      const c = row.cells[i];
      if (!isBlank(c)) return { cell: c!, col: i };
    }
    return undefined;
  };
  const textOf = (row: SourceRow, f: MappedField): string | undefined => clean(first(row, fieldCols.get(f))?.cell.text);
  const reject = (row: SourceRow, code: RejectCode, reason: string): PayoutItem => ({
    reject: { source_file: file, source_line: row.line, ...sheet, code, reason, excerpt: excerpt(row.raw) },
  });

  return (row) => {
    if (row.problem) return reject(row, row.problem.code, row.problem.reason);
    for (const c of row.cells) {
      const problem = c && c.type === 'string' ? encodingProblem(c.text) : undefined;
      if (problem) return reject(row, 'encoding', problem);
    }
    const amountAt = first(row, amountCols);
    if (!amountAt) {
      const err = amountCols.map((i) => row.cells[i]).find((c) => c?.type === 'error');
      return err
        ? reject(row, 'cell_error', `amount cell holds the spreadsheet error ${err.text}`)
        : reject(row, 'missing_amount', `no amount in ${specNames(mapping.columns.amount).join(' / ')}`);
    }
    const amount = parseAmount(amountAt.cell.text);
    if (!amount.ok) return reject(row, amount.code, amount.reason);

    const unparsed: Record<string, string> = {};
    const dates: Partial<Record<(typeof DATE_FIELDS)[number], string>> = {};
    for (const f of DATE_FIELDS) {
      const at = first(row, fieldCols.get(f));
      if (!at) continue;
      const { type, text } = at.cell;
      let iso: string | undefined;
      if (type === 'number') {
        const n = Number(text);
        // A whole number 1800–2200 in a date column is a year someone typed, not a day in 1905.
        iso = Number.isInteger(n) && n >= 1800 && n <= 2200 ? String(n) : excelSerialToIso(n, table.date1904);
      } else iso = parseDateText(type === 'date' ? text.slice(0, 10) : text, mapping.date_formats?.[f] ?? mapping.date_format);
      if (iso) dates[f] = iso;
      else unparsed[f] = text.trim();
    }
    const year = (f: 'claims_made_year' | 'year_paid'): number | undefined => {
      const t = first(row, fieldCols.get(f))?.cell.text;
      if (t === undefined) return undefined;
      const y = parseYear(t);
      if (y === undefined) unparsed[f] = t.trim();
      return y;
    };
    const money = (f: 'other_expenses' | 'total_incurred'): number | undefined => {
      const t = textOf(row, f);
      if (t === undefined) return undefined;
      const r = parseAmount(t);
      if (r.ok) return r.cents;
      unparsed[f] = t;
      return undefined;
    };

    const city = textOf(row, 'city');
    const state = textOf(row, 'state') ?? mapping.state;
    const payerAt = first(row, payerCols);
    const payerText = clean(payerAt?.cell.text) ?? mapping.payer?.name;
    const payer = normalizePayer(payerText, { ...(state ? { state } : {}), ...(mapping.payer?.type ? { declared: mapping.payer.type } : {}) });
    const basis: PayerBasis = mapping.payer?.assumed || !payerText ? 'assumed' : payerAt ? 'column' : 'constant';
    // Several allegation columns (e.g. a code and a description) are all kept, joined with `; `.
    const allegationTexts = new Set(
      (fieldCols.get('allegation') ?? []).flatMap((i) => {
        const c = row.cells[i];
        const t = isBlank(c) ? undefined : clean(c!.text);
        return t ? [t] : [];
      }),
    );
    const allegation = allegationTexts.size ? [...allegationTexts].join('; ') : undefined;

    const p: Payout = {
      source_file: file,
      source_line: row.line,
      ...sheet,
      source_row_id: textOf(row, 'row_id') ?? `${base}:${row.line}`,
      source_format: mapping.name,
      jurisdiction: textOf(row, 'jurisdiction') ?? (city ? (state ? `${city}, ${state}` : city) : mapping.jurisdiction ?? state ?? basename(file)),
      payer_type: payer.type,
      payer_name: payer.name,
      payer_basis: basis,
      amount_cents: amount.cents,
      amount_field: clean(table.header[amountAt.col]) ?? specNames(mapping.columns.amount)[0]!,
      amount_raw: amountAt.cell.text.trim(),
      allegation_categories: classifyAllegation(allegation).categories,
      plaintiff_names: splitNames(textOf(row, 'plaintiff')),
      officer_names: splitNames(textOf(row, 'officer')),
      caveat_ids: [...(mapping.caveats ?? [])],
      ...dates,
    };
    const optional: Partial<Payout> = {
      city,
      state,
      agency: textOf(row, 'agency'),
      payer_raw: payerAt ? clean(payerAt.cell.text) : undefined,
      amount_rounded: amount.rounded ? true : undefined,
      other_expenses_cents: money('other_expenses'),
      total_incurred_cents: money('total_incurred'),
      claims_made_year: year('claims_made_year'),
      year_paid: year('year_paid'),
      allegation_text: allegation,
      outcome: textOf(row, 'outcome'),
      matter_name: textOf(row, 'matter_name'),
      court: textOf(row, 'court'),
      docket_number: textOf(row, 'docket'),
      claim_number: textOf(row, 'claim_number'),
      defendant_text: textOf(row, 'defendant'),
    };
    for (const [k, v] of Object.entries(optional)) if (v !== undefined) (p as unknown as Record<string, unknown>)[k] = v;
    if (Object.keys(unparsed).length) p.unparsed = unparsed;
    return { payout: p };
  };
}
