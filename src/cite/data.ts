/**
 * The citation engine's data: reporters (data/reporters.json) and the other citation forms
 * (data/citation-forms.json). Loaded once, on first use.
 */
import { readFileSync } from 'node:fs';

export interface ReporterRow {
  id: string;
  abbreviation: string;
  name: string;
  variants: string[];
  cite_type: string;
  jurisdictions?: string[];
  courts?: string[];
  start?: string | null;
  end?: string | null;
  source: string;
}

export interface DatabaseRow {
  id: string;
  abbreviation: string;
  variants: string[];
  name: string;
}

export interface CodeRow {
  id: string;
  abbreviation: string;
  variants: string[];
  type: 'statute' | 'regulation';
  name: string;
  canonical?: string;
  page_cited?: boolean;
}

export interface RuleRow {
  id: string;
  abbreviation: string;
  prose: string;
  variants: string[];
}

export interface HistoryRow {
  phrase: string;
  relation: string;
}

export interface SectionRow {
  section: string;
  title: string;
  code: string;
}

export interface CitationForms {
  databases: DatabaseRow[];
  codes: CodeRow[];
  rules: RuleRow[];
  constitutions: { id: string; abbreviation: string; variants: string[] }[];
  signals: { signal: string }[];
  history: HistoryRow[];
  well_known_sections: SectionRow[];
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8')) as T;
}

let reporters: ReporterRow[] | undefined;
let forms: CitationForms | undefined;

export function reporterRows(): ReporterRow[] {
  reporters ??= readJson<{ reporters: ReporterRow[] }>('reporters.json').reporters;
  return reporters;
}

export function citationForms(): CitationForms {
  forms ??= readJson<CitationForms>('citation-forms.json');
  return forms;
}
