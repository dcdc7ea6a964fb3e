/**
 * A brief or complaint as text: PDF (unpdf), DOCX (mammoth), HTML or plain text, told apart by content (magic
 * bytes) before the file name, since uploads are often misnamed. A broken file is a `bad_data` error naming it.
 */
import { readFile } from 'node:fs/promises';
import { ClearlyError } from '../errors/index.js';
import { decode, encodingNote, looksLikeHtml, MAX_INPUT_BYTES } from '../cli/io.js';

export interface DocumentText {
  text: string;
  html: boolean;
  kind: 'pdf' | 'docx' | 'html' | 'text';
  name: string;
  /** A note for stderr (encoding fallback), when there is one. */
  note?: string;
}

const isPdf = (b: Buffer): boolean => b.subarray(0, 5).toString('latin1') === '%PDF-';
const isZip = (b: Buffer): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

async function pdfText(bytes: Buffer, name: string): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } catch (err) {
    throw new ClearlyError('bad_data', `${name}: cannot read the PDF (${(err as Error).message})`, { location: { file: name }, cause: err });
  }
}

async function docxText(bytes: Buffer, name: string): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (err) {
    throw new ClearlyError('bad_data', `${name}: cannot read the DOCX (${(err as Error).message})`, { location: { file: name }, cause: err });
  }
}

export async function documentFromBytes(bytes: Buffer, name: string): Promise<DocumentText> {
  if (isPdf(bytes)) {
    const text = await pdfText(bytes, name);
    if (!text.trim()) {
      throw new ClearlyError('bad_data', `${name}: the PDF has no text layer (a scan?)`, { location: { file: name }, hint: 'Run OCR on the PDF first (e.g. ocrmypdf) and verify the result.' });
    }
    return { text, html: false, kind: 'pdf', name };
  }
  if (isZip(bytes)) {
    if (/\.(xlsx|pptx|zip)$/i.test(name)) throw new ClearlyError('bad_data', `${name}: not a document (PDF, DOCX or text)`, { location: { file: name } });
    return { text: await docxText(bytes, name), html: false, kind: 'docx', name };
  }
  const decoded = decode(bytes, name);
  const html = looksLikeHtml(name, decoded.text);
  const note = encodingNote(decoded);
  return { text: decoded.text, html, kind: html ? 'html' : 'text', name, ...(note ? { note } : {}) };
}

export async function readDocument(path: string): Promise<DocumentText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ClearlyError('missing_input', `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code}`, { location: { file: path }, cause: err });
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new ClearlyError('input_too_large', `${path} exceeds ${MAX_INPUT_BYTES} bytes`, { location: { file: path } });
  return documentFromBytes(bytes, path);
}
