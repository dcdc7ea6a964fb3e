/** Where a court sits in the hierarchy. `appellate` is a federal court of appeals (circuit court). */
export type CourtLevel =
  | 'supreme'
  | 'appellate'
  | 'district'
  | 'bankruptcy'
  | 'special'
  | 'state_supreme'
  | 'state_appellate';

/** One row of data/courts.json. Field names are a contract other modules rely on. */
export interface Court {
  /** CourtListener court id: `scotus`, `ca6`, `ohsd`, `nysb`, `ohioctapp`. */
  readonly id: string;
  /** Full official name: `United States Court of Appeals for the Sixth Circuit`. */
  readonly name: string;
  readonly short_name: string;
  /** Bluebook court abbreviation as used in citation parentheticals: `6th Cir.`, `S.D. Ohio`, `Ohio`. */
  readonly citation: string;
  /** Other forms seen in the wild: `6 Cir.`, `CA6`, `S.D.Ohio`. */
  readonly citation_variants: readonly string[];
  /** Other full names (former names, names in captions). */
  readonly aliases?: readonly string[];
  readonly level: CourtLevel;
  readonly jurisdiction: 'federal' | 'state';
  /** Postal code (`OH`, `DC`, `PR`) or null for national courts. */
  readonly state: string | null;
  /** `"1"`…`"11"`, `"dc"`, `"fed"`; null for the Supreme Court and national courts outside any circuit. */
  readonly circuit: string | null;
  /** Court id that ordinarily hears appeals from this court; null when there is none or no single one. */
  readonly appeals_to: string | null;
  /** Hosts that serve this court's opinions (`media.ca1.uscourts.gov`). */
  readonly hosts: readonly string[];
  /** Keys into the file's `sources` table. */
  readonly source: readonly string[];
  /** Caveats, e.g. `id unverified`. */
  readonly note?: string;
}

/** One row of data/circuits.json `jurisdictions`: a state, D.C. or territory. */
export interface Jurisdiction {
  /** Postal code. */
  readonly code: string;
  readonly name: string;
  /** Bluebook T10 abbreviation (`Mass.`, `N.Y.`, `W. Va.`). */
  readonly abbreviation: string;
  readonly aliases?: readonly string[];
  /** Circuit per 28 U.S.C. § 41: `"1"`…`"11"` or `"dc"`. */
  readonly circuit: string;
  readonly source: readonly string[];
}

/** One row of data/circuits.json `circuits`. */
export interface Circuit {
  /** Court id of the court of appeals: `ca1`, `cadc`, `cafc`. */
  readonly id: string;
  /** `"1"`…`"11"`, `"dc"`, `"fed"`. */
  readonly number: string;
  readonly name: string;
  /** Postal codes of the jurisdictions in the circuit. */
  readonly jurisdictions: readonly string[];
  readonly source: readonly string[];
}

export type ResolvedVia = 'id' | 'name' | 'citation' | 'host' | 'caption';

export interface ResolvedCourt {
  readonly court: Court;
  readonly via: ResolvedVia;
  /** 0–1: how sure the match is (exact id 1; caption scan lowest). */
  readonly confidence: number;
}
