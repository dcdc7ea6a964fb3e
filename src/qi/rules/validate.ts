/**
 * Checks the rules files against the promises DESIGN.md makes for legal data: every row names a source that the
 * file's `sources` table defines, carries a `verified` flag, and an unverified row says why in a note; ids are
 * unique and every id referenced elsewhere in the files exists. Returns problems instead of throwing, so a test
 * (or a lawyer editing a file) sees all of them at once.
 */
import { getCourt } from '../../courts/index.js';
import {
  AUTHORITY_FIELDS,
  type CircuitRulesFile,
  type FactorsFile,
  type OutcomesFile,
  type RightsFile,
  type SourceRef,
} from './types.js';

export interface RuleFiles {
  factors: FactorsFile;
  outcomes: OutcomesFile;
  circuitRules: CircuitRulesFile;
  rights: RightsFile;
}

export interface RuleIssue {
  file: string;
  id: string;
  message: string;
}

const GROUPS = new Set(['force', 'subject', 'offense', 'setting', 'ctx', 'proc']);
const GRAHAM = new Set(['G1', 'G2', 'G3', 'GT', 'PROC', 'route']);
const PRONG1 = new Set(['violation', 'no_violation', 'not_reached']);
const PRONG2 = new Set(['clearly_established', 'not_clearly_established', 'not_reached']);
const AUTHORITY = new Set(['controlling', 'consensus', 'weight_only', 'zero_weight', 'not_admitted', 'assumed']);
/** Circuits of 28 U.S.C. § 41 plus the Federal Circuit: the numbering of data/circuits.json. */
export const CIRCUITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'dc', 'fed'];

type Row = { source?: SourceRef; verified?: unknown; note?: string };

function checkRow(out: RuleIssue[], file: string, id: string, row: Row, sources: Record<string, string>): void {
  const refs = row.source === undefined ? [] : Array.isArray(row.source) ? row.source : [row.source];
  if (refs.length === 0) out.push({ file, id, message: 'has no source' });
  for (const r of refs) if (!(r in sources)) out.push({ file, id, message: `source "${r}" is not in the file's sources table` });
  if (typeof row.verified !== 'boolean') out.push({ file, id, message: 'verified must be true or false' });
  else if (!row.verified && !row.note?.trim()) out.push({ file, id, message: 'is unverified but has no note saying why' });
}

function checkFactors(out: RuleIssue[], f: FactorsFile): Set<string> {
  const file = 'factors.json';
  const ids = new Set<string>();
  for (const g of f.graham_factors) checkRow(out, file, g.code, { ...g, verified: true }, f.sources);
  for (const x of f.factors) {
    if (ids.has(x.id)) out.push({ file, id: x.id, message: 'duplicate factor id' });
    ids.add(x.id);
    const group = x.id.split('.')[0] ?? '';
    if (!GROUPS.has(x.group) || group !== x.group) out.push({ file, id: x.id, message: `group "${x.group}" does not match the id prefix` });
    if (!/^[a-z]+\.[a-z0-9_]+$/.test(x.id)) out.push({ file, id: x.id, message: 'id must look like group.name' });
    if (x.graham.length === 0) out.push({ file, id: x.id, message: 'graham is empty' });
    for (const g of x.graham) if (!GRAHAM.has(g)) out.push({ file, id: x.id, message: `unknown Graham code "${g}"` });
    if (!x.label?.trim()) out.push({ file, id: x.id, message: 'has no label' });
    checkRow(out, file, x.id, x, f.sources);
  }
  for (const x of f.factors) {
    for (const a of x.aliases ?? []) if (ids.has(a)) out.push({ file, id: x.id, message: `alias "${a}" is also a factor id` });
  }
  for (const p of f.distinguishing_pairs) {
    for (const side of [p.a, p.b]) if (!ids.has(side)) out.push({ file, id: p.id, message: `distinguishing pair names unknown factor "${side}"` });
    if (p.a === p.b) out.push({ file, id: p.id, message: 'a distinguishing pair needs two different factors' });
    checkRow(out, file, p.id, p, f.sources);
  }
  return ids;
}

function checkOutcomes(out: RuleIssue[], o: OutcomesFile): void {
  const file = 'outcomes.json';
  const seen = new Set<string>();
  for (const x of o.outcomes) {
    if (seen.has(x.code)) out.push({ file, id: x.code, message: 'duplicate outcome code' });
    seen.add(x.code);
    for (const v of x.prong1) if (!PRONG1.has(v)) out.push({ file, id: x.code, message: `prong1 value "${v}" is not a QiCoding Prong1` });
    for (const v of x.prong2) if (!PRONG2.has(v)) out.push({ file, id: x.code, message: `prong2 value "${v}" is not a QiCoding Prong2` });
    if (!['yes', 'if_prong1_violation', 'no'].includes(x.can_clearly_establish)) out.push({ file, id: x.code, message: 'bad can_clearly_establish' });
    checkRow(out, file, x.code, x, o.sources);
  }
}

function checkCircuits(out: RuleIssue[], c: CircuitRulesFile): void {
  const file = 'circuit-rules.json';
  for (const k of [...AUTHORITY_FIELDS, 'burden'] as const) if (!c.defaults[k]) out.push({ file, id: 'defaults', message: `no default for ${k}` });
  for (const r of c.global_rules) checkRow(out, file, r.id, r, c.sources);
  for (const [k, f] of Object.entries(c.supreme_court)) checkRow(out, file, `supreme_court.${k}`, f, c.sources);
  const seen = new Set<string>();
  for (const r of c.circuits) {
    const id = `circuit ${r.circuit}`;
    if (seen.has(r.circuit)) out.push({ file, id, message: 'duplicate circuit row' });
    seen.add(r.circuit);
    if (getCourt(r.court)?.circuit !== r.circuit) out.push({ file, id, message: `court "${r.court}" is not the court of appeals of circuit ${r.circuit} in data/courts.json` });
    if (typeof r.verified !== 'boolean' || r.verified !== (r.status === 'verified')) out.push({ file, id, message: 'verified must mirror status (verified ⇔ ✔)' });
    checkRow(out, file, id, { ...r, note: r.note ?? `status ${r.status}` }, c.sources);
    for (const k of AUTHORITY_FIELDS) {
      const f = r[k];
      if (!f) { out.push({ file, id, message: `missing field ${k}` }); continue; }
      if (!AUTHORITY.has(f.value)) out.push({ file, id, message: `${k}: unknown value "${f.value}"` });
      if (!f.verified && f.value !== c.defaults[k]) out.push({ file, id, message: `${k}: unverified but not the documented default "${c.defaults[k]}"` });
      checkRow(out, file, `${id}.${k}`, f, c.sources);
    }
    if (!r.burden) out.push({ file, id, message: 'missing field burden' });
    else checkRow(out, file, `${id}.burden`, r.burden, c.sources);
  }
  for (const want of CIRCUITS) if (!seen.has(want)) out.push({ file, id: `circuit ${want}`, message: 'no rule row for this circuit' });
}

export function validateRules(files: RuleFiles): RuleIssue[] {
  const out: RuleIssue[] = [];
  checkFactors(out, files.factors);
  checkOutcomes(out, files.outcomes);
  checkCircuits(out, files.circuitRules);
  const seen = new Set<string>();
  for (const r of files.rights.rights) {
    if (seen.has(r.id)) out.push({ file: 'rights.json', id: r.id, message: 'duplicate right id' });
    seen.add(r.id);
    checkRow(out, 'rights.json', r.id, r, files.rights.sources);
  }
  return out;
}
