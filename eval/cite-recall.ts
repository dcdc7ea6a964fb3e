/**
 * npm run eval:cite — recall of the citations CourtListener itself linked in each opinion's
 * html_with_citations (the <a href="/opinion/..."> anchors with volume/reporter/page), measured by running
 * findCitations on the same HTML. Prints the misses with context so they can be read.
 */
import { findCitations } from '../src/cite/index.js';
import { loadOpinions } from './opinions.js';

const ANCHOR = /<a href="\/opinion\/[^"]*"[^>]*>\s*<span class="volume">([^<]*)<\/span>\s*<span class="reporter">([^<]*)<\/span>\s*<span class="page">([^<]*)<\/span>/g;
const key = (v: string, r: string, p: string): string => `${v}|${r.replace(/[\s.'’]/g, '')}|${p}`;

// Some CourtListener anchors split an edition into reporter and page ("631 F. Supp." + page "2d"): for those,
// the citation counts as found when a citation with that volume and a reporter spelled reporter+page was found.
const malformed = (k: string): boolean => !/^\d+$/.test(k.split('|')[2] ?? '');
function gotMalformed(got: Set<string>, k: string): boolean {
  const [v, r, p] = k.split('|');
  const prefix = `${v}|${r}${p}|`;
  for (const g of got) if (g.startsWith(prefix)) return true;
  return false;
}

const opinions = loadOpinions();
if (!opinions) {
  console.error('eval:cite: ../shared/data/opinions/ is not present; nothing to evaluate.');
  process.exit(0);
}
let expected = 0;
let found = 0;
const misses: string[] = [];
for (const op of opinions) {
  if (!op.html) continue;
  const want: { k: string; at: number }[] = [];
  for (const m of op.html.matchAll(ANCHOR)) want.push({ k: key(m[1]!, m[2]!, m[3]!), at: m.index });
  if (!want.length) continue;
  const got = new Set<string>();
  for (const c of findCitations(op.html, { html: true, resolve: false })) {
    if (c.volume && (c.type === 'case' || c.type === 'journal')) {
      got.add(key(c.volume, c.reporter ?? '', c.page ?? ''));
      got.add(key(c.volume, c.reporter_found ?? '', c.page ?? ''));
    }
  }
  for (const w of want) {
    expected++;
    if (got.has(w.k) || (malformed(w.k) && gotMalformed(got, w.k))) found++;
    else {
      const ctx = op.html.slice(Math.max(0, w.at - 120), w.at + 260).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
      misses.push(`${op.file}#${op.id}: ${w.k}\n    …${ctx}…`);
    }
  }
}
const recall = expected ? found / expected : 0;
console.log(misses.join('\n'));
console.log(`\neval:cite — CourtListener-linked citations: ${expected}, found: ${found}, missed: ${expected - found}`);
console.log(`recall: ${(recall * 100).toFixed(2)}% (target ≥ 99%)`);
process.exitCode = recall >= 0.99 ? 0 : 1;
