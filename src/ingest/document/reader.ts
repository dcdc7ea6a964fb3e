/**
 * `document`: loose opinions or briefs as `.txt`, `.html`, `.pdf` or `.docx`, one case per file. The caption's
 * case name, court, date and docket number are inferred from the text (see caption/infer.ts) and marked as such;
 * a file whose caption yields no name is named after the file.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { getCourt } from '../../courts/index.js';
import type { CaseInput } from '../../store/index.js';
import { inferCaseMeta } from '../caption/infer.js';
import { listFiles } from '../files.js';
import type { ReadOptions, SourceItem, SourceReader } from '../types.js';
import { DOCUMENT_FILE, extract } from './extract.js';

export const SOURCE = 'file';

export class DocumentReader implements SourceReader {
  readonly format = 'document';

  async *read(inputs: string[], options: ReadOptions = {}): AsyncIterable<SourceItem> {
    const files = listFiles(inputs, (p) => DOCUMENT_FILE.test(p));
    const total = files.reduce((n, f) => n + f.size, 0);
    const from = (options.resumeFrom as { f: number } | null | undefined)?.f ?? 0;
    let bytes = files.slice(0, from).reduce((n, f) => n + f.size, 0);
    for (let f = from; f < files.length; f++) {
      if (options.signal?.aborted) return;
      const { path, size } = files[f]!;
      const resume = { f: f + 1 };
      try {
        const doc = await extract(path, await readFile(path));
        if (!doc.text.trim()) {
          yield { kind: 'reject', location: { file: path }, reason: `no text could be extracted from this ${doc.kind} file (a scanned image needs OCR first)`, resume };
        } else {
          yield { kind: 'case', case: documentCase(path, doc.text, doc.html), location: { file: path, id: path }, resume };
        }
      } catch (err) {
        yield { kind: 'reject', location: { file: path }, reason: (err as Error).message, resume };
      }
      bytes += size;
      options.onBytes?.(bytes, total);
    }
  }
}

export function documentCase(path: string, text: string, html: string | null): CaseInput {
  const meta = inferCaseMeta({ text });
  const inferred = { ...meta.inferred };
  let name = meta.case_name;
  if (!name) {
    name = basename(path).replace(/\.[^.]+$/, '');
    inferred.case_name = { method: 'file name (no caption found)', confidence: 0.2 };
  }
  // A loose document's publication status is unknown unless it says so; no appellate default here.
  if (meta.inferred.precedential_status?.method.startsWith('default')) delete inferred.precedential_status;
  return {
    source: SOURCE,
    source_id: path,
    case_name: name,
    court_id: meta.court_id,
    circuit: meta.court_id ? getCourt(meta.court_id)?.circuit ?? null : null,
    decision_date: meta.decision_date,
    docket_number: meta.docket_number,
    precedential_status: inferred.precedential_status ? meta.precedential_status ?? 'unknown' : 'unknown',
    inferred,
    source_url: null,
    opinions: [{ source_id: 'text', type: 'unknown', text, html }],
  };
}
