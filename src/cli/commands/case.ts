/** `clearly case CITATION|ID [--json] [--db PATH | --database-url URL]`: a case's metadata, opinions with their citations, cited and citing cases. */
import type { Command } from 'commander';
import { cleanText, findCitations } from '../../cite/index.js';
import { ClearlyError } from '../../errors/index.js';
import type { CaseRecord, CitationEdge, OpinionRecord, Store } from '../../store/index.js';
import { optionalWholeNumber } from '../args.js';
import { out, say } from '../io.js';
import { addStoreOptions, withStore, type StoreFlags } from '../store.js';
import { caseLine } from './search.js';

interface CaseOptions extends StoreFlags {
  json?: boolean;
  limit?: string;
  text?: boolean;
}

export function registerCase(program: Command): void {
  addStoreOptions(program
    .command('case')
    .description('show one case: metadata, opinions with linked citations, the cases it cites and the cases citing it')
    .argument('<citation-or-id>', 'a citation ("700 F.3d 779"), a case id (c_…), or SOURCE:SOURCE_ID')
    .option('--json', 'print one JSON object')
    .option('--limit <n>', 'cited and citing cases to list (default 100)')
    .option('--no-text', 'leave the opinion text out of the human-readable output'))
    .action(async (query: string, opts: CaseOptions) => {
      await withStore(opts, async (store) => {
        const c = await findCase(store, query);
        const limit = optionalWholeNumber('--limit', opts.limit, 1) ?? 100;
        const opinions = await store.getOpinions(c.id);
        const cites = (await store.cites(c.id, { limit })).items;
        const citedBy = (await store.citedBy(c.id, { limit })).items;
        if (opts.json) {
          await out(`${JSON.stringify({ case: c, opinions: opinions.map((o) => ({ ...o, links: cites.filter((e) => e.link.citing_opinion_id === o.id).map((e) => e.link) })), cites, cited_by: citedBy }, null, 2)}\n`);
        } else {
          await out(render(c, opinions, cites, citedBy, opts.text !== false));
        }
        say('clearly: research data, not legal advice; inferred fields are marked with how they were inferred.');
      });
    });
}

async function findCase(store: Store, query: string): Promise<CaseRecord> {
  const q = query.trim();
  if (/^c_[0-9a-f]{16}$/.test(q)) {
    const c = await store.getCase(q);
    if (c) return c;
  }
  const src = /^([a-z][a-z-]*):(.+)$/.exec(q);
  if (src) {
    const c = await store.getCaseBySource(src[1]!, src[2]!);
    if (c) return c;
  }
  const cite = findCitations(q, { resolve: false }).find((x) => x.type === 'case' && x.volume && x.reporter && x.page);
  if (cite) {
    const hits = await store.findCasesByCitation(cite.volume!, cite.reporter!, cite.page!);
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) {
      throw new ClearlyError('usage', `${cite.volume} ${cite.reporter} ${cite.page} names ${hits.length} cases: ${hits.map((h) => `${h.id} (${caseLine(h)})`).join('; ')}`, {
        hint: 'Pass one of the case ids instead of the citation.',
      });
    }
  }
  throw new ClearlyError('not_found', `no case in the store matches "${query}"`, {
    hint: cite ? 'The citation is well formed but its case has not been imported; import it with clearly import.' : 'Pass a citation such as "700 F.3d 779", a case id (c_…) or SOURCE:SOURCE_ID; clearly search finds ids.',
  });
}

function render(c: CaseRecord, opinions: OpinionRecord[], cites: CitationEdge[], citedBy: CitationEdge[], withText: boolean): string {
  const lines: string[] = [caseLine(c), ''];
  const field = (label: string, value: string | null, key: string): void => {
    if (value === null || value === '') return;
    const inf = c.inferred[key];
    lines.push(`${label.padEnd(20)}${value}${inf ? `   (inferred: ${inf.method}${inf.confidence !== undefined ? `, confidence ${inf.confidence}` : ''})` : ''}`);
  };
  field('id', c.id, 'id');
  field('source', `${c.source}:${c.source_id}`, 'source');
  field('case name', c.case_name, 'case_name');
  field('court', c.court_id, 'court_id');
  field('circuit', c.circuit, 'circuit');
  field('decided', c.decision_date, 'decision_date');
  field('docket', c.docket_number, 'docket_number');
  field('status', c.precedential_status, 'precedential_status');
  field('citations', c.citations.map((x) => x.cite).join(', '), 'citations');
  field('source url', c.source_url, 'source_url');
  lines.push('', `cites (${cites.length}${cites.length >= 100 ? '+' : ''}):`);
  for (const e of cites) lines.push(`  ${edgeLine(e, e.case)}`);
  lines.push('', `cited by (${citedBy.length}${citedBy.length >= 100 ? '+' : ''}):`);
  for (const e of citedBy) lines.push(`  ${e.case ? caseLine(e.case) : e.citing_case_id}  [${e.link.origin}${e.link.treatment.length ? `; ${e.link.treatment.join(', ')}` : ''}]`);
  if (withText) {
    for (const o of opinions) {
      lines.push('', `--- opinion ${o.id} (${o.type}${o.author ? `, ${o.author}` : ''}) ---`, markCitations(o, cites));
    }
  }
  return `${lines.join('\n')}\n`;
}

function edgeLine(e: CitationEdge, cited: CaseRecord | null): string {
  const l = e.link;
  const target = cited ? caseLine(cited) : `unresolved: ${l.unresolved_reason}`;
  const extra = [l.origin, l.depth > 1 ? `${l.depth}×` : '', l.pin_cite ? `at ${l.pin_cite}` : '', ...l.treatment].filter(Boolean).join('; ');
  return `${l.text}  →  ${target}  [${extra}]`;
}

/**
 * The opinion text with `[→ case]` after each engine citation that resolved. Link spans are offsets in the
 * cleaned text, mapped back to the stored text so its line breaks survive.
 */
function markCitations(o: OpinionRecord, cites: CitationEdge[]): string {
  const clean = cleanText(o.text);
  const marks = cites.filter((e) => e.link.citing_opinion_id === o.id && e.link.span && e.case)
    .sort((a, b) => b.link.span![1] - a.link.span![1]);
  let s = o.text;
  for (const e of marks) {
    const last = e.link.span![1] - 1;
    if (last < 0 || last >= clean.text.length) continue;
    const end = clean.toSource(last) + 1;
    s = `${s.slice(0, end)} [→ ${e.case!.case_name}]${s.slice(end)}`;
  }
  return s;
}
