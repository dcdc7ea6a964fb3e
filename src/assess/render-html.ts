/** Blocks → one self-contained HTML page (print styles included, so the PDF comes from the same page). */
import { escapeHtml } from '../cite/index.js';
import { runs, type Block, type Inline } from './blocks.js';

function inline(x: Inline): string {
  return runs(x).map((r) => {
    let t = escapeHtml(r.t);
    if (r.i) t = `<i>${t}</i>`;
    if (r.b) t = `<b>${t}</b>`;
    return t;
  }).join('');
}

function block(blk: Block): string {
  switch (blk.kind) {
    case 'h': return `<h${blk.level}>${escapeHtml(blk.text)}</h${blk.level}>`;
    case 'p': return `<p>${inline(blk.runs)}</p>`;
    case 'note': return `<p class="note">${inline(blk.runs)}</p>`;
    case 'list': return `<ul>${blk.items.map((it) => `<li>${inline(it)}</li>`).join('')}</ul>`;
    case 'quote': return `<blockquote>${escapeHtml(blk.text)}</blockquote>`;
    case 'rule': return '<hr>';
    case 'table':
      return `<table><thead><tr>${blk.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${
        blk.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
}

const STYLE = `body{font:11pt/1.45 Georgia,'Times New Roman',serif;max-width:50em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #999}h3{font-size:1.05em;margin-top:1.2em}
table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}th,td{border:1px solid #bbb;padding:.25em .4em;vertical-align:top;text-align:left}
th{background:#eee}.note{border-left:4px solid #b00;padding:.4em .8em;background:#fff4f4}
blockquote{margin:.4em 0 .4em 1.2em;color:#333;font-style:italic}
@media print{body{margin:0;max-width:none}h2,h3{page-break-after:avoid}tr{page-break-inside:avoid}}`;

export function renderHtml(blocks: readonly Block[], title = 'Qualified immunity — research memo'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="robots" content="noindex"><style>${STYLE}</style></head>
<body>
${blocks.map(block).join('\n')}
</body></html>
`;
}
