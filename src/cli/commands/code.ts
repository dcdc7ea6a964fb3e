/** `clearly code FILE|- [--html] [--json]` — the QI coding of one opinion (src/qi). */
import type { Command } from 'commander';
import { ClearlyError } from '../../errors/index.js';
import { codeOpinion, type QiCodingDetail } from '../../qi/index.js';
import { out, readTextInput, say } from '../io.js';

interface CodeOptions {
  html?: boolean;
  json?: boolean;
}

export const NOT_LEGAL_ADVICE = 'Not legal advice: a machine reading of the opinion by rules and lexicons; check every field against the text.';

export function registerCode(program: Command): void {
  program
    .command('code')
    .description('code an opinion for qualified immunity: decides QI?, outcome, prongs, posture, right, factors, precedents')
    .argument('<file>', 'opinion as text or HTML, or - for standard input')
    .option('--html', 'treat the input as HTML (detected from the name or content otherwise)')
    .option('--json', 'print one JSON object (decides_qi, outcome, prong1, prong2, posture, right, factors, precedents, ...)')
    .action(async (file: string, opts: CodeOptions) => {
      const input = await readTextInput(file, opts.html);
      if (!input.text.trim()) {
        throw new ClearlyError('bad_data', `${input.name} is empty`, { hint: 'give the text or HTML of an opinion', location: { file: input.name } });
      }
      const coding = codeOpinion(input.text, { html: input.html });
      if (opts.json) await out(`${JSON.stringify({ ...coding, notice: NOT_LEGAL_ADVICE }, null, 2)}\n`);
      else await out(formatCoding(coding));
      say(`clearly: ${NOT_LEGAL_ADVICE}`);
    });
}

const words = (v: string | null): string => (v === null ? '—' : v.replace(/_/g, ' '));
const quote = (s: string, n = 220): string => `"${s.length > n ? `${s.slice(0, n - 1)}…` : s}"`;

export function formatCoding(c: QiCodingDetail): string {
  const lines: string[] = [];
  if (c.decides_qi) {
    lines.push(`Decides qualified immunity: yes — ${c.outcome ?? 'outcome not determined'}${c.qi_result ? ` (QI ${c.qi_result}${c.below ? `; below: ${c.below}` : ''})` : ''}`);
    lines.push(`Prong 1, violation:           ${words(c.prong1)}`);
    lines.push(`Prong 2, clearly established: ${words(c.prong2)}`);
  } else {
    lines.push(`Decides qualified immunity: no${c.note ? ` — ${c.note}` : c.qi_mentions === 0 ? ' — not discussed' : ''}`);
  }
  lines.push(`Posture: ${words(c.posture)}    Right: ${words(c.right)}`);
  for (const e of c.evidence ?? []) lines.push(`  ${e.field}: ${quote(e.sentence)}`);
  if (c.factors.length) {
    lines.push('Factors:');
    for (const f of c.factors) lines.push(`  ${f.id.padEnd(32)} ${f.confidence.toFixed(2)}  ${quote(f.evidence, 160)}`);
  }
  if (c.officer_claims?.length) {
    lines.push('Officer claims (as stated, not found as fact):');
    for (const o of c.officer_claims) lines.push(`  ${o.id.padEnd(24)} ${quote(o.evidence, 160)}`);
  }
  if (c.precedents.length) {
    lines.push('Precedents in the QI analysis:');
    for (const p of c.precedents) lines.push(`  ${p.relation.padEnd(17)} ${[p.case_name, p.citation].filter(Boolean).join(', ')}`);
  }
  lines.push(`Coded by ${c.coded_by.coder} (${c.coded_by.method} ${c.coded_by.version ?? ''})`.trimEnd());
  return `${lines.join('\n')}\n`;
}
