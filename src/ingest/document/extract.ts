/**
 * Text out of loose documents: plain text (encoding detected as for `clearly cite`), HTML (text only — scripts,
 * styles and markup dropped), PDF (unpdf) and DOCX (mammoth). A file that cannot be read throws a `bad_data`
 * error with the reason, which the reader turns into a reject.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { decode } from '../../cli/io.js';
import { ClearlyError } from '../../errors/index.js';
import { htmlToText } from '../html-text.js';

export const DOCUMENT_FILE = /\.(txt|text|html?|xhtml|pdf|docx)$/i;

export interface Extracted {
  text: string;
  html: string | null;
  kind: 'text' | 'html' | 'pdf' | 'docx';
}

export async function extract(path: string, bytes?: Buffer): Promise<Extracted> {
  const buf = bytes ?? (await readFile(path));
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf' || buf.subarray(0, 5).toString('latin1') === '%PDF-') return { text: await pdfText(path, buf), html: null, kind: 'pdf' };
  if (ext === '.docx' || (buf[0] === 0x50 && buf[1] === 0x4b)) return { text: await docxText(path, buf), html: null, kind: 'docx' };
  const decoded = decode(buf, path);
  if (/\.x?html?$/i.test(ext) || /^\s*(?:<!doctype html|<html|<body|<div|<p[\s>])/i.test(decoded.text.slice(0, 512))) {
    return { text: htmlToText(decoded.text), html: null, kind: 'html' };
  }
  return { text: decoded.text, html: null, kind: 'text' };
}

async function pdfText(path: string, buf: Buffer): Promise<string> {
  try {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(buf));
    const { text } = await extractText(pdf, { mergePages: false });
    return (Array.isArray(text) ? text : [text]).join('\n\n');
  } catch (err) {
    throw new ClearlyError('bad_data', `unreadable PDF: ${(err as Error).message}`, { location: { file: path }, cause: err });
  }
}

async function docxText(path: string, buf: Buffer): Promise<string> {
  try {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.extractRawText({ buffer: buf });
    return value;
  } catch (err) {
    throw new ClearlyError('bad_data', `unreadable DOCX: ${(err as Error).message}`, { location: { file: path }, cause: err });
  }
}
