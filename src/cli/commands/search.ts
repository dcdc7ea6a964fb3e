/**
 * `clearly search QUERY [--court ID] [--circuit N] [--after DATE] [--before DATE] [--published] [--limit N] [--cursor C]
 * [--json] [--db PATH | --database-url URL [--read-database-url URL]]`
 */
import type { Command } from 'commander';
import { ClearlyError } from '../../errors/index.js';
import type { CaseRecord, SearchQuery } from '../../store/index.js';
import { wholeNumber } from '../args.js';
import { out, say } from '../io.js';
import { addStoreOptions, withStore, type StoreFlags } from '../store.js';

interface SearchOptions extends StoreFlags {
  court?: string[];
  circuit?: string;
  after?: string;
  before?: string;
  published?: boolean;
  limit?: string;
  cursor?: string;
  json?: boolean;
}

const collect = (v: string, prior: string[] = []): string[] => [...prior, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

export function registerSearch(program: Command): void {
  addStoreOptions(program
    .command('search')
    .description('full-text search of the case law in the store: words, "phrases", AND, OR, NOT, prefix*')
    .argument('<query>', 'e.g. \'"qualified immunity" AND taser NOT dissent\'')
    .option('--court <id>', 'only this court (CourtListener id, e.g. ca6); repeat or comma-separate for several', collect)
    .option('--circuit <n>', 'only courts in this circuit (1–11, dc, fed)')
    .option('--after <date>', 'decided after this date (YYYY-MM-DD)')
    .option('--before <date>', 'decided before this date (YYYY-MM-DD)')
    .option('--published', 'only published (precedential) opinions')
    .option('--limit <n>', 'results per page (default 20, at most 1000)')
    .option('--cursor <cursor>', 'the next_cursor of a previous page')
    .option('--json', 'print {items, next_cursor} as JSON'))
    .action(async (text: string, opts: SearchOptions) => {
      const query: SearchQuery = { text };
      if (opts.court?.length) query.courts = opts.court;
      if (opts.circuit) query.circuit = opts.circuit.toLowerCase();
      if (opts.after) query.after = isoDate(opts.after, '--after');
      if (opts.before) query.before = isoDate(opts.before, '--before');
      if (opts.published) query.published = true;
      if (opts.limit !== undefined) query.limit = wholeNumber('--limit', opts.limit, 1);
      if (opts.cursor) query.cursor = opts.cursor;
      const tty = process.stdout.isTTY === true;
      if (!opts.json) query.highlight = tty ? { open: '\x1b[1m', close: '\x1b[22m' } : { open: '*', close: '*' };
      const page = await withStore(opts, (store) => store.search(query));
      if (opts.json) {
        await out(`${JSON.stringify(page, null, 2)}\n`);
      } else {
        await out(page.items.map((h, i) => `${i + 1}. ${caseLine(h.case)}\n   id ${h.case.id}\n   ${h.snippet.replace(/\s+/g, ' ')}\n`).join('\n'));
      }
      say(`clearly: ${page.items.length} result${page.items.length === 1 ? '' : 's'}${page.next_cursor ? `; more with --cursor ${page.next_cursor}` : ''}`);
    });
}

/** `Manning v. Boston Medical Center, 725 F.3d 34 (ca1 2013-08-01)` with what is known. */
export function caseLine(c: CaseRecord): string {
  const cite = c.citations[0]?.cite;
  const paren = [c.court_id, c.decision_date].filter(Boolean).join(' ');
  const status = c.precedential_status === 'unpublished' ? ' [unpublished]' : '';
  return `${c.case_name || '(no name)'}${cite ? `, ${cite}` : ''}${paren ? ` (${paren})` : ''}${status}`;
}

function isoDate(s: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) {
    throw new ClearlyError('usage', `${flag} needs a date as YYYY-MM-DD, not "${s}"`);
  }
  return s;
}
