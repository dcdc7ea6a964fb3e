/** `cap`: Caselaw Access Project case JSON — single case files, directories of them, JSON arrays and JSONL. */
import { listFiles } from '../files.js';
import { JSON_FILE, jsonRecords } from '../courtlistener-json/objects.js';
import type { ReadOptions, SourceItem, SourceReader } from '../types.js';
import { capCase, isCapCase } from './case.js';

export class CapReader implements SourceReader {
  readonly format = 'cap';

  async *read(inputs: string[], options: ReadOptions = {}): AsyncIterable<SourceItem> {
    const files = listFiles(inputs, (p) => JSON_FILE.test(p));
    const total = files.reduce((n, f) => n + f.size, 0);
    const from = options.resumeFrom as { f: number; p: number } | null | undefined;
    let bytes = 0;
    // Records come in order, so "everything before the next one" is the resume point after each.
    for await (const r of jsonRecords(files, from ? { f: from.f, p: from.p } : undefined, (n) => { bytes += n; options.onBytes?.(bytes, total); })) {
      if (options.signal?.aborted) return;
      const resume = { f: r.fileIdx, p: r.pos + 1 };
      const location = { file: r.file, ...(r.line ? { line: r.line } : {}) };
      if (!r.obj) {
        yield { kind: 'reject', location, reason: r.error ?? 'unreadable record', ...(r.excerpt ? { excerpt: r.excerpt } : {}), resume };
        continue;
      }
      if (!isCapCase(r.obj)) {
        yield { kind: 'reject', location, reason: 'not a Caselaw Access Project case object (no casebody, name_abbreviation or cites_to)', excerpt: JSON.stringify(r.obj).slice(0, 200), resume };
        continue;
      }
      const built = capCase(r.obj);
      if ('error' in built) {
        yield { kind: 'reject', location: { ...location, ...(r.obj.id !== undefined ? { id: String(r.obj.id) } : {}) }, reason: built.error, resume };
        continue;
      }
      yield { kind: 'case', case: built.case, supplied_links: built.supplied, location: { ...location, id: built.case.source_id }, resume };
    }
  }
}
