import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ClearlyError } from '../errors/index.js';
import { dataPath } from './data.js';
import { PAYER_TYPES, type PayerType } from './types.js';

/**
 * A column mapping says how to read a payout table nobody wrote a reader for: which column holds the amount, the
 * dates, the payer, and so on. The built-in readers are mappings too (data/payouts/mappings/*.yaml), so the format
 * is exercised on real files. Documented with an example in src/payouts/README.md.
 */

/** One column name, or a list tried in order (the first that is present and non-empty wins). */
export type ColumnSpec = string | string[];

export const MAPPED_FIELDS = [
  'amount', 'row_id', 'jurisdiction', 'city', 'state', 'agency',
  'incident_date', 'filed_date', 'closed_date', 'paid_date', 'claims_made_year', 'year_paid',
  'allegation', 'outcome', 'matter_name', 'court', 'plaintiff', 'docket', 'claim_number', 'officer', 'defendant',
  'other_expenses', 'total_incurred',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

export interface PayoutMapping {
  /** Recorded on each payout as source_format. */
  name: string;
  /** Default: from the file extension. */
  format?: 'csv' | 'xlsx';
  /** XLSX: the sheet to read. Default: the sheet whose header names the most mapped columns, then the longest. */
  sheet?: string;
  /** Row (XLSX) or record (CSV) holding the column names; `auto` (XLSX default) finds the row naming the amount column. */
  header_row?: number | 'auto';
  /** Used when `auto` finds nothing. Default 1. */
  header_row_fallback?: number;
  /** CSV field delimiter. Default `,`. */
  delimiter?: string;
  /** Default format for date columns: `iso`, `auto` (default) or tokens like `M/D/YYYY`. */
  date_format?: string;
  /** Per-field override of date_format. */
  date_formats?: Partial<Record<'incident_date' | 'filed_date' | 'closed_date' | 'paid_date', string>>;
  /** Constant place label when there is no jurisdiction/city column. */
  jurisdiction?: string;
  /** Constant state (two letters) when there is no state column; also scopes payer aliases. */
  state?: string;
  /** Caveat ids (data/payouts/caveats.json) attached to every payout. */
  caveats?: string[];
  /** Who paid: a column, a constant name, or both (the constant fills blanks). */
  payer?: { column?: ColumnSpec; name?: string; type?: PayerType; assumed?: boolean };
  columns: Partial<Record<MappedField, ColumnSpec>> & { amount: ColumnSpec };
}

function fail(file: string, message: string): never {
  throw new ClearlyError('usage', `mapping ${file}: ${message}`, {
    hint: 'See src/payouts/README.md ("Column mapping files") for the format and an example.',
    location: { file },
  });
}

const isSpec = (v: unknown): v is ColumnSpec =>
  (typeof v === 'string' && v.trim() !== '') || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));

/** Checks a parsed mapping object and returns it typed; every mistake is reported with the field's name. */
export function validateMapping(value: unknown, file = '<mapping>'): PayoutMapping {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(file, 'expected an object at the top level');
  const m = value as Record<string, unknown>;
  const known = new Set(['name', 'format', 'sheet', 'header_row', 'header_row_fallback', 'delimiter', 'date_format',
    'date_formats', 'jurisdiction', 'state', 'caveats', 'payer', 'columns']);
  for (const k of Object.keys(m)) if (!known.has(k)) fail(file, `unknown key "${k}"`);
  const cols = m.columns as Record<string, unknown> | undefined;
  if (!cols || typeof cols !== 'object') fail(file, '"columns" is required');
  if (!isSpec(cols.amount)) fail(file, '"columns.amount" is required (the column holding the amount paid)');
  for (const [k, v] of Object.entries(cols)) {
    if (!(MAPPED_FIELDS as readonly string[]).includes(k)) fail(file, `unknown column field "${k}" (known: ${MAPPED_FIELDS.join(', ')})`);
    if (!isSpec(v)) fail(file, `"columns.${k}" must be a column name or a list of names`);
  }
  if (m.format !== undefined && m.format !== 'csv' && m.format !== 'xlsx') fail(file, '"format" must be csv or xlsx');
  const hr = m.header_row;
  if (hr !== undefined && hr !== 'auto' && !(Number.isInteger(hr) && (hr as number) >= 1)) fail(file, '"header_row" must be a row number or auto');
  if (m.delimiter !== undefined && (typeof m.delimiter !== 'string' || m.delimiter.length !== 1)) fail(file, '"delimiter" must be one character');
  const payer = m.payer as Record<string, unknown> | undefined;
  if (payer !== undefined) {
    if (typeof payer !== 'object') fail(file, '"payer" must be an object');
    if (payer.column !== undefined && !isSpec(payer.column)) fail(file, '"payer.column" must be a column name or list');
    if (payer.type !== undefined && !(PAYER_TYPES as readonly unknown[]).includes(payer.type)) {
      fail(file, `"payer.type" must be one of ${PAYER_TYPES.join(', ')}`);
    }
  }
  if (m.caveats !== undefined && !(Array.isArray(m.caveats) && m.caveats.every((c) => typeof c === 'string'))) {
    fail(file, '"caveats" must be a list of caveat ids');
  }
  const name = typeof m.name === 'string' && m.name.trim() ? m.name.trim() : 'mapped';
  return { ...(m as unknown as PayoutMapping), name };
}

/** Loads a mapping file (`.yaml`, `.yml` or `.json`). */
export async function loadMapping(path: string): Promise<PayoutMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ClearlyError('missing_input', `cannot read mapping ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`, {
      location: { file: path },
      cause: err,
    });
  }
  let value: unknown;
  try {
    value = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    fail(path, `not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
  return validateMapping(value, path);
}

/** A mapping shipped with clearly (data/payouts/mappings/NAME.yaml). */
export async function builtinMapping(name: 'fivethirtyeight' | 'minnesota'): Promise<PayoutMapping> {
  return loadMapping(dataPath(`mappings/${name}.yaml`));
}

/** The column names of a spec, in order. */
export const specNames = (spec: ColumnSpec | undefined): string[] => (spec === undefined ? [] : Array.isArray(spec) ? spec : [spec]);
