/** Builds the tries the scanner walks, from the data files. Built once per process. */
import { citationForms, reporterRows, type CodeRow, type DatabaseRow, type ReporterRow, type RuleRow } from './data.js';
import { AbbreviationTrie } from './trie.js';

export type Form =
  | { kind: 'reporter'; row: ReporterRow }
  | { kind: 'database'; row: DatabaseRow }
  | { kind: 'code'; row: CodeRow };

export type PrefixForm = { kind: 'rule'; row: RuleRow } | { kind: 'constitution'; abbreviation: string };

export interface Tries {
  /** Abbreviations that follow a volume (or year, or title) number. */
  afterNumber: AbbreviationTrie<Form>;
  /** Abbreviations that start a citation: rules and constitutions. */
  prefix: AbbreviationTrie<PrefixForm>;
  /** Reporter rows by id. */
  reporterById: Map<string, ReporterRow>;
}

let tries: Tries | undefined;

/** Variants that differ only by ordinal spelling (`3rd` for `3d`) are generated, not listed. */
function ordinalVariants(form: string): string[] {
  const out: string[] = [];
  if (/2d\b/.test(form)) out.push(form.replace(/2d\b/, '2nd'));
  if (/3d\b/.test(form)) out.push(form.replace(/3d\b/, '3rd'));
  return out;
}

export function getTries(): Tries {
  if (tries) return tries;
  const afterNumber = new AbbreviationTrie<Form>();
  const reporterById = new Map<string, ReporterRow>();
  for (const row of reporterRows()) {
    reporterById.set(row.id, row);
    const form: Form = { kind: 'reporter', row };
    for (const f of [row.abbreviation, ...(row.variants ?? [])]) {
      afterNumber.add(f, form);
      for (const v of ordinalVariants(f)) afterNumber.add(v, form);
    }
  }
  const forms = citationForms();
  for (const row of forms.databases) {
    const form: Form = { kind: 'database', row };
    for (const f of [row.abbreviation, ...row.variants]) afterNumber.add(f, form);
  }
  for (const row of forms.codes) {
    const form: Form = { kind: 'code', row };
    for (const f of [row.abbreviation, ...row.variants]) afterNumber.add(f, form);
  }
  const prefix = new AbbreviationTrie<PrefixForm>();
  for (const row of forms.rules) {
    const form: PrefixForm = { kind: 'rule', row };
    for (const f of [row.abbreviation, row.prose, ...row.variants]) prefix.add(f, form);
  }
  for (const row of forms.constitutions) {
    const form: PrefixForm = { kind: 'constitution', abbreviation: row.abbreviation };
    for (const f of [row.abbreviation, ...row.variants]) prefix.add(f, form);
  }
  tries = { afterNumber, prefix, reporterById };
  return tries;
}
