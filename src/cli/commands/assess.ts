/** `clearly assess [FILE] [--db PATH | --database-url URL] [--format md|html|json|docx|pdf] [--out FILE] [--json]` and incident flags. */
import type { Command } from 'commander';
import { assess, chooseFormat, isBinary, rawFromFlags, readIncidentText, renderMemo, toIncident, type RawIncident } from '../../assess/index.js';
import { ClearlyError } from '../../errors/index.js';
import { defaultRules } from '../../precedent/index.js';
import { optionalWholeNumber } from '../args.js';
import { out, readInput, say, writeOutput } from '../io.js';
import { addStoreOptions, withKnowledgeStore, type StoreFlags } from '../store.js';

interface AssessOptions extends StoreFlags {
  format?: string;
  out?: string;
  json?: boolean;
  limit?: string;
  date?: string;
  state?: string;
  district?: string;
  circuit?: string;
  actor?: string;
  right?: string;
  facts?: string;
  factor?: string[];
  posture?: string;
}

const FLAG_FIELDS = ['date', 'state', 'district', 'circuit', 'actor', 'right', 'facts', 'posture'] as const;

async function readRaw(file: string | undefined, opts: AssessOptions): Promise<RawIncident> {
  const flags: Record<string, unknown> = {};
  for (const k of FLAG_FIELDS) if (opts[k] !== undefined) flags[k] = opts[k];
  if (opts.factor?.length) flags.factors = opts.factor.flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  if (file === undefined) {
    if (Object.keys(flags).length === 0) throw new ClearlyError('usage', 'give an incident file, or the incident as flags (--date, --state, --facts ...)');
    return rawFromFlags(flags);
  }
  const input = await readInput(file);
  const raw = readIncidentText(input.text, input.name);
  // Flags override the file's fields, so one file can be re-run for another date or circuit.
  return Object.keys(flags).length ? { ...raw, values: { ...raw.values, ...flags } } : raw;
}

export function registerAssess(program: Command): void {
  addStoreOptions(program
    .command('assess')
    .description('find the precedents that could clearly establish the right for an incident, and write the two-prong memo (not legal advice); the built-in knowledge base is loaded into the store')
    .argument('[file]', 'incident as YAML or JSON (fields: date, state, district, circuit, actor, right, facts, factors, posture), or - for stdin'))
    .option('--format <format>', 'md, html, json, docx or pdf (default: from --out, else md)')
    .option('--out <file>', 'write the memo to this file instead of standard output')
    .option('--json', 'print the assessment as JSON (same as --format json)')
    .option('--limit <n>', 'eligible precedents to list (default 10)')
    .option('--date <date>', 'date of the conduct, YYYY-MM-DD')
    .option('--state <state>', 'state where it happened')
    .option('--district <court>', 'federal district (e.g. ohsd or "S.D. Ohio")')
    .option('--circuit <circuit>', 'circuit (derived from state or district when omitted)')
    .option('--actor <type>', 'state, local, federal or municipality')
    .option('--right <id>', 'right at issue (default fourth_amendment_excessive_force)')
    .option('--facts <text>', 'what happened, in words')
    .option('--factor <id>', 'a factor id (repeatable; -id removes one read from the facts)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--posture <posture>', 'motion_to_dismiss, summary_judgment, interlocutory_appeal, post_trial')
    .action(async (file: string | undefined, opts: AssessOptions) => {
      const format = opts.json ? 'json' : chooseFormat(opts.format, opts.out);
      if (isBinary(format) && !opts.out && process.stdout.isTTY) {
        throw new ClearlyError('usage', `${format} output is binary: give --out FILE (or redirect standard output)`);
      }
      const limit = optionalWholeNumber('--limit', opts.limit, 1, 100);
      const rules = defaultRules();
      const incident = toIncident(await readRaw(file, opts), rules);
      await withKnowledgeStore(opts, async ({ store, seedIds, kbOnly }) => {
        const a = await assess(store, incident, rules, { seedIds, kbOnly, ...(limit ? { limit } : {}) });
        const memo = await renderMemo(a, format);
        if (opts.out) await writeOutput(opts.out, memo);
        else await out(memo);
        const eligible = a.precedents.filter((p) => p.eligible).length;
        say(`clearly: ${eligible} eligible precedent${eligible === 1 ? '' : 's'}, ${a.precedents.length - eligible} close but ineligible; route: ${a.prong2.route.replace(/_/g, ' ')}${opts.out ? `; memo written to ${opts.out}` : ''}. Not legal advice.`);
      });
    });
}
