/** Blocks → Markdown (CommonMark with pipe tables). */
import { runs, type Block, type Inline } from './blocks.js';

const esc = (s: string): string => s.replace(/([\\*`<>[\]])/g, '\\$1');

function inline(x: Inline, cell = false): string {
  const s = runs(x).map((r) => {
    const t = esc(r.t);
    if (!t.trim()) return t;
    // Emphasis markers must hug the text, so surrounding spaces move outside them.
    const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(t)!;
    const mark = r.b ? '**' : r.i ? '*' : '';
    return `${lead}${mark}${core}${mark}${trail}`;
  }).join('');
  return cell ? s.replace(/\|/g, '\\|').replace(/\n+/g, ' ') : s;
}

function block(blk: Block): string {
  switch (blk.kind) {
    case 'h': return `${'#'.repeat(blk.level)} ${esc(blk.text)}`;
    case 'p': return inline(blk.runs);
    case 'note': return `> ${inline(blk.runs)}`;
    case 'list': return blk.items.map((it) => `- ${inline(it)}`).join('\n');
    case 'quote': return `> ${esc(blk.text)}`;
    case 'rule': return '---';
    case 'table': {
      const head = `| ${blk.head.map((h) => inline(h, true)).join(' | ')} |`;
      const sep = `|${blk.head.map(() => '---').join('|')}|`;
      const rows = blk.rows.map((r) => `| ${r.map((c) => inline(c, true)).join(' | ')} |`);
      return [head, sep, ...rows].join('\n');
    }
  }
}

export function renderMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}
