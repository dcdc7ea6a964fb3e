/**
 * The payout ledger's records. A Payout is one payment (settlement, judgment or claim payment) as one source row
 * describes it, normalised; a PayoutReject is a source row we could not turn into a Payout, kept so that every row
 * of every file is accounted for (imported + rejected = data rows). Storage-agnostic on purpose: the store maps
 * these plain objects to its own tables.
 */

/** Who paid. `officer` means the officer personally (not the employer or its insurer). */
export const PAYER_TYPES = ['city', 'county', 'state', 'insurance_pool', 'officer', 'unknown'] as const;
export type PayerType = (typeof PAYER_TYPES)[number];

/** Allegation categories; the patterns behind each live in data/payouts/allegation-lexicon.json. */
export const ALLEGATION_CATEGORIES = [
  'excessive_force',
  'false_arrest',
  'wrongful_conviction',
  'wrongful_death',
  'malicious_prosecution',
  'illegal_search',
  'civil_rights_other',
  'medical_care',
  'first_amendment',
  'property_damage',
  'vehicle_accident',
  'sexual_misconduct',
  'discrimination',
  'employment',
  'privacy_records',
  'negligence',
  'other',
  'unknown',
] as const;
export type AllegationCategory = (typeof ALLEGATION_CATEGORIES)[number];

/** How payer_name/payer_type were determined, so a reader of the ledger can weigh them. */
export type PayerBasis =
  | 'column' // the row names the payer (e.g. Minnesota's `Source`)
  | 'constant' // the mapping file declares one payer for the whole file
  | 'assumed'; // inferred from what the dataset is (e.g. a city's own records); see the reader's comment

/** The dates a payout can carry, as ISO 8601 at the precision the source gives (YYYY-MM-DD, YYYY-MM or YYYY). */
export const DATE_FIELDS = ['incident_date', 'filed_date', 'closed_date', 'paid_date'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export interface Payout {
  /** The file as it was given to the reader. */
  source_file: string;
  /** 1-based: the line a CSV record starts on, or the worksheet row number of an XLSX row. */
  source_line: number;
  /** XLSX: the worksheet the row came from (a row number means nothing without it). */
  source_sheet?: string;
  /** Stable id of the row: the source's own id column when declared, else `<file name>:<line>` (`<file>[<sheet>]:<row>`). */
  source_row_id: string;
  /** Which reader/mapping produced it (`fivethirtyeight`, `minnesota`, or the mapping's name). */
  source_format: string;

  /** Human label of the place, e.g. `Chicago, IL` or `Minnesota`. */
  jurisdiction: string;
  city?: string;
  state?: string;
  agency?: string;

  payer_type: PayerType;
  payer_name: string;
  /** The payer text as written in the source, when it came from a column. */
  payer_raw?: string;
  payer_basis: PayerBasis;

  /** Integer cents, parsed from the decimal text exactly (never via floating point). */
  amount_cents: number;
  /** The column the amount came from (e.g. `amount_awarded`, `PAID LOSS`). */
  amount_field: string;
  /** The amount as written in the source. */
  amount_raw: string;
  /** Set when the source had fractions of a cent and the amount was rounded half away from zero. */
  amount_rounded?: true;
  other_expenses_cents?: number;
  total_incurred_cents?: number;

  incident_date?: string;
  filed_date?: string;
  closed_date?: string;
  paid_date?: string;
  /** Date or year cells that were present but could not be read (e.g. `2004 > 2008`), by field, as written. */
  unparsed?: Record<string, string>;
  /** Year the claim was made / the suit filed. */
  claims_made_year?: number;
  /** Year paid, or the year of settlement where the source only gives that (FiveThirtyEight `calendar_year`). */
  year_paid?: number;

  allegation_text?: string;
  allegation_categories: AllegationCategory[];
  outcome?: string;
  matter_name?: string;
  court?: string;
  plaintiff_names: string[];
  docket_number?: string;
  claim_number?: string;
  officer_names: string[];
  /** Free text that names defendants (officers or the city), when the source has it. */
  defendant_text?: string;
  /** Caveats (ids into data/payouts/caveats.json) that travel with this record's numbers. */
  caveat_ids: string[];
}

export type RejectCode =
  | 'missing_amount'
  | 'bad_amount'
  | 'encoding'
  | 'column_count'
  | 'malformed_csv'
  | 'cell_error';

export interface PayoutReject {
  source_file: string;
  source_line: number;
  source_sheet?: string;
  code: RejectCode;
  reason: string;
  /** The start of the raw row, for the rejects report (at most ~200 characters). */
  excerpt: string;
}

/**
 * A row of an officer roster (FiveThirtyEight's `*_police_edited.csv`): not a payment, but names of officers
 * linked to a payout by docket number. Yielded so that roster files, too, account for every row.
 */
export interface OfficerLink {
  source_file: string;
  source_line: number;
  jurisdiction: string;
  docket_number?: string;
  officer_names: string[];
}

/** What a reader yields, one per data row. */
export type PayoutItem = { payout: Payout } | { reject: PayoutReject } | { officer: OfficerLink };
