/** `clearly verify FILE [--date D] [--circuit C | --state S] [--db PATH | --database-url URL] [--json]` */
import type { Command } from 'commander';
import { normalizeCircuit } from '../../assess/index.js';
import { circuitOfState, stateFromName } from '../../courts/index.js';
import { ClearlyError } from '../../errors/index.js';
import { defaultRules } from '../../precedent/index.js';
import { readDocument, verifyText, type VerifyReport, type IncidentContext } from '../../verify/index.js';
import { out, say } from '../io.js';
import { addStoreOptions, withKnowledgeStore, type StoreFlags } from '../store.js';

interface VerifyOptions extends StoreFlags {
  date?: string;
  circuit?: string;
  state?: string;
  json?: boolean;
}

function context(opts: VerifyOptions): IncidentContext {
  const ctx: IncidentContext = { recentDays: defaultRules().recentDays() };
  if (opts.date !== undefined) {
    const d = new Date(`${opts.date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== opts.date) {
      throw new ClearlyError('usage', `--date "${opts.date}" is not a date in YYYY-MM-DD form`, { hint: 'Example: --date 2019-03-02' });
    }
    ctx.date = opts.date;
  }
  if (opts.state !== undefined) {
    const code = stateFromName(opts.state);
    const c = code ? circuitOfState(code) : undefined;
    if (!code || !c) throw new ClearlyError('usage', `--state "${opts.state}" is not a state assigned to a circuit`);
    ctx.state = code;
    ctx.circuit = c;
  }
  if (opts.circuit !== undefined) {
    const c = normalizeCircuit(opts.circuit);
    if (!c) throw new ClearlyError('usage', `--circuit "${opts.circuit}" is not a circuit`, { hint: 'Use 1 to 11 or dc.' });
    if (ctx.circuit && ctx.circuit !== c) throw new ClearlyError('usage', `--circuit ${c} contradicts --state ${opts.state} (circuit ${ctx.circuit})`);
    ctx.circuit = c;
  }
  return ctx;
}

const LABEL = { found: 'found', ambiguous: 'AMBIGUOUS', not_found: 'NOT FOUND', unknown_reporter: 'UNKNOWN REPORTER' } as const;

function table(r: VerifyReport): string {
  const lines: string[] = [];
  for (const c of r.citations) {
    const name = c.case_name ? `${c.case_name}, ` : '';
    const match = c.status === 'found' ? `  → ${c.matches[0]!.case_name} (${c.matches[0]!.decision_date ?? 'n.d.'})`
      : c.status === 'ambiguous' ? `  → ${c.matches.length} cases: ${c.matches.map((m) => m.case_name).join('; ')}`
        : c.status === 'not_found' ? '  (possibly fabricated, or not in the store)' : '  (reporter not known: check the citation)';
    lines.push(`${LABEL[c.status].padEnd(16)} ${name}${c.text}${match}`);
    for (const w of c.warnings) lines.push(`${''.padEnd(16)}   ! ${w.message}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function registerVerify(program: Command): void {
  addStoreOptions(program
    .command('verify')
    .description('check every case citation of a brief or complaint (PDF, DOCX, HTML or text) against the store, with the built-in knowledge base loaded into it; not legal advice')
    .argument('<file>', 'the document to check'))
    .option('--date <date>', 'incident date (YYYY-MM-DD): warn about decisions not before it')
    .option('--circuit <circuit>', 'incident circuit: warn about out-of-circuit authority')
    .option('--state <state>', 'incident state (sets the circuit)')
    .option('--json', 'print one JSON object: citations with status, matches and warnings, and counts')
    .action(async (file: string, opts: VerifyOptions) => {
      const ctx = context(opts);
      const doc = await readDocument(file);
      if (doc.note) say(`clearly: ${doc.note}`);
      await withKnowledgeStore(opts, async ({ store }) => {
        const report = await verifyText(store, doc.text, { html: doc.html, ...ctx });
        await out(opts.json ? `${JSON.stringify({ file: doc.name, kind: doc.kind, ...report }, null, 2)}\n` : table(report));
        const n = report.counts;
        say(`clearly: ${report.citations.length} case citation${report.citations.length === 1 ? '' : 's'} in ${doc.name}: ${n.found} found, ${n.ambiguous} ambiguous, ${n.not_found} not found, ${n.unknown_reporter} unknown reporter; ${n.warnings} warning${n.warnings === 1 ? '' : 's'}. Not legal advice.`);
      });
    });
}
