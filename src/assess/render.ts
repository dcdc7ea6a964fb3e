/** One entry point for every memo format; binary formats come back as Buffers. */
import { ClearlyError } from '../errors/index.js';
import { memoBlocks } from './memo.js';
import { htmlToPdf } from './pdf.js';
import { renderDocx } from './render-docx.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-md.js';
import type { Assessment } from './types.js';

export const FORMATS = ['md', 'html', 'json', 'docx', 'pdf'] as const;
export type MemoFormat = (typeof FORMATS)[number];

export function isBinary(format: MemoFormat): boolean {
  return format === 'docx' || format === 'pdf';
}

/** `--format` value, or the output file's extension, or Markdown. */
export function chooseFormat(format: string | undefined, outPath: string | undefined): MemoFormat {
  if (format !== undefined) {
    const f = format.toLowerCase().replace(/^markdown$/, 'md');
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new ClearlyError('usage', `--format ${format}: use one of ${FORMATS.join(', ')}`);
    }
    return f as MemoFormat;
  }
  const ext = outPath ? /\.([a-z]+)$/i.exec(outPath)?.[1]?.toLowerCase() : undefined;
  if (ext === 'htm') return 'html';
  if (ext === 'markdown') return 'md';
  return ext && (FORMATS as readonly string[]).includes(ext) ? (ext as MemoFormat) : 'md';
}

export async function renderMemo(a: Assessment, format: MemoFormat): Promise<string | Buffer> {
  switch (format) {
    case 'json': return `${JSON.stringify(a, null, 2)}\n`;
    case 'md': return renderMarkdown(memoBlocks(a));
    case 'html': return renderHtml(memoBlocks(a));
    case 'docx': return renderDocx(memoBlocks(a));
    case 'pdf': return htmlToPdf(renderHtml(memoBlocks(a)));
  }
}
