/**
 * The Assessment: everything the memo says, as data. `clearly assess --json` prints it; the Markdown, HTML and
 * DOCX renderers only lay it out, so every sentence of the memo can be traced to a field here.
 */
import type { GeneralStandard } from '../precedent/standards.js';
import type { Consensus, Incident, ObviousCaseNote, RankedPrecedent } from '../precedent/types.js';

export const NOT_LEGAL_ADVICE =
  'Not legal advice. This is research assistance generated from the cases in the store and the project’s sourced rules; ' +
  'a lawyer must read the decisions themselves before relying on any of them.';

/** A general authority as the memo cites it: with the store's citation when the store holds the case. */
export interface AuthorityRef {
  key: string;
  name: string;
  /** Null when the store does not hold the case: the memo then names it without a citation. */
  citation: string | null;
  year: number;
  proposition: string;
  unverified?: string;
}

export interface FactorReading {
  id: string;
  label: string;
  from: 'given' | 'facts';
  /** The words of the facts it was read from. */
  words: string | null;
  confidence: number;
  graham: string[];
}

export type Route = 'controlling_precedent' | 'robust_consensus' | 'obvious_case' | 'none';

export interface Assessment {
  not_legal_advice: string;
  generated: { tool: 'clearly'; version: string; date: string };
  incident: Incident & { circuit_label: string };
  factor_readings: FactorReading[];
  threshold: string[];
  prong1: {
    standard: string;
    authorities: AuthorityRef[];
    graham: { code: string; label: string; factors: string[] }[];
    note: string;
  };
  prong2: {
    route: Route;
    summary: string;
    circuit_rule: { circuit: string; verified: boolean; statement: string; source: string };
    authorities: AuthorityRef[];
  };
  /** Rank order: eligible precedents first, then the close but ineligible ones (the JSON contract). */
  precedents: RankedPrecedent[];
  /** Binding decisions in the store that state the governing standard (no fact pattern), most relied on first. */
  standards: GeneralStandard[];
  consensus: Consensus;
  obvious_case: ObviousCaseNote & { authorities: AuthorityRef[] };
  caveats: string[];
  /** Rows of the rules data the assessment used that are UNVERIFIED in the specification. */
  unverified: string[];
  corpus: { cases_examined: number; knowledge_base: boolean };
}
