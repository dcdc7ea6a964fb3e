/** `clearly cite FILE|- [--html] [--json] [--annotate]` */
import type { Command } from 'commander';
import { annotate, escapeHtml, findCitations, type Citation } from '../../cite/index.js';
import { oneOutput } from '../args.js';
import { out, readTextInput, say } from '../io.js';

interface CiteOptions {
  html?: boolean;
  json?: boolean;
  annotate?: boolean;
}

export function registerCite(program: Command): void {
  program
    .command('cite')
    .description('find, parse and resolve the legal citations in a text or HTML file')
    .argument('<file>', 'input file, or - for standard input')
    .option('--html', 'treat the input as HTML (detected from the name or content otherwise)')
    .option('--json', 'print one JSON array of citation objects')
    .option('--annotate', 'print the input as HTML with every citation wrapped in a <span class="citation">')
    .action(async (file: string, opts: CiteOptions) => {
      oneOutput(opts, ['--json', '--annotate']);
      const input = await readTextInput(file, opts.html);
      const citations = findCitations(input.text, { html: input.html });
      if (opts.annotate) {
        await out(annotateHtml(input.text, citations, input.html));
      } else if (opts.json) {
        await out(`${JSON.stringify(citations, null, 2)}\n`);
      } else {
        await out(formatTable(citations));
      }
      say(`clearly: ${citations.length} citation${citations.length === 1 ? '' : 's'} in ${input.name}`);
    });
}

function annotateHtml(source: string, citations: Citation[], html: boolean): string {
  const body = annotate(
    source,
    citations,
    (c, i) => {
      const attrs = [`class="citation citation-${c.type}"`, `data-index="${i}"`];
      if (c.resolves_to !== undefined) attrs.push(`data-resolves-to="${c.resolves_to}"`);
      if (c.group) attrs.push(`data-group="${c.group}"`);
      if (c.court) attrs.push(`data-court="${escapeHtml(c.court)}"`);
      return [`<span ${attrs.join(' ')}>`, '</span>'];
    },
    html ? { html: true } : { html: false, escape: escapeHtml },
  );
  return html ? body : `<pre>${body}</pre>\n`;
}

function describe(c: Citation): string {
  switch (c.type) {
    case 'case':
    case 'journal': {
      const name = [c.plaintiff, c.defendant].filter(Boolean).join(' v. ');
      const paren = [c.court, c.year].filter(Boolean).join(' ');
      return [name, `${c.volume} ${c.reporter ?? c.reporter_found} ${c.page ?? '___'}${c.pin_cite ? `, ${c.pin_cite}` : ''}`, paren && `(${paren})`]
        .filter(Boolean)
        .join('  ');
    }
    case 'short_case':
    case 'id':
    case 'supra':
      return `${c.text}${c.resolves_to !== undefined ? `  → #${c.resolves_to}` : `  (unresolved: ${c.unresolved_reason})`}`;
    case 'statute':
    case 'regulation':
      return `${c.title ?? ''} ${c.code ?? ''} § ${c.section}`.trim();
    default:
      return c.text;
  }
}

function historyNote(c: Citation): string {
  return (c.history ?? [])
    .map((h) => (h.target !== undefined ? `  [${h.relation} → #${h.target}]` : `  [${h.relation} ← #${h.source}]`))
    .join('');
}

function formatTable(citations: Citation[]): string {
  const lines = citations.map((c, i) => `#${String(i).padEnd(4)} ${c.type.padEnd(12)} ${describe(c)}${historyNote(c)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
