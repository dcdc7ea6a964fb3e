/**
 * `courtlistener-json`: CourtListener REST API objects from `.json`, `.jsonl` and `.gz` files or directories.
 *
 * Two passes. The first indexes clusters and dockets (their metadata is small) and counts the opinions each
 * cluster has in the inputs; the second streams opinions and emits a case as soon as its cluster's last opinion
 * has been read, so memory holds only clusters whose opinions are interleaved with others'.
 *
 * Resume state `{ f, p, done }`: every record before file `f`, position `p` belongs to an emitted case; `done`
 * lists clusters emitted whose opinions reach past that point (re-reading them must not emit them half-empty).
 */
import type { JsonValue } from '../../store/index.js';
import { listFiles } from '../files.js';
import type { ReadOptions, SourceItem, SourceReader } from '../types.js';
import { buildCase } from './build-case.js';
import { JSON_FILE, jsonRecords, type JsonRecord } from './objects.js';
import { clusterIdOf, docketIdOf, idOf, kindOf, type Obj } from './records.js';

interface Resume { f: number; p: number; done: string[] }

const HEAVY = /^(plain_text|html.*|xml_harvard|sub_opinions|opinions_cited|headnotes|summary|syllabus)$/;
const light = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([k]) => !HEAVY.test(k)));
const before = (a: { f: number; p: number }, b: { f: number; p: number }): boolean => a.f < b.f || (a.f === b.f && a.p < b.p);

export class CourtListenerJsonReader implements SourceReader {
  readonly format = 'courtlistener-json';

  async *read(inputs: string[], options: ReadOptions = {}): AsyncIterable<SourceItem> {
    const files = listFiles(inputs, (p) => JSON_FILE.test(p));
    const total = files.reduce((n, f) => n + f.size, 0);
    const clusters = new Map<string, Obj>();
    const dockets = new Map<string, Obj>();
    const counts = new Map<string, number>();
    for await (const r of jsonRecords(files)) {
      if (options.signal?.aborted) return;
      if (!r.obj) continue;
      const kind = kindOf(r.obj);
      if (kind === 'cluster') clusters.set(idOf(r.obj.id) ?? idOf(r.obj.resource_uri) ?? '', light(r.obj));
      else if (kind === 'docket') dockets.set(idOf(r.obj.id) ?? idOf(r.obj.resource_uri) ?? '', light(r.obj));
      else if (kind === 'opinion') {
        const oid = idOf(r.obj.id) ?? idOf(r.obj.resource_uri);
        const cid = clusterIdOf(r.obj) ?? `opinion-${oid}`;
        counts.set(cid, (counts.get(cid) ?? 0) + 1);
      }
    }

    const resume = (options.resumeFrom ?? null) as Resume | null;
    const done = new Set(resume?.done ?? []);
    const buffered = new Map<string, { ops: Obj[]; first: { f: number; p: number } }>();
    const emitted: { cid: string; last: { f: number; p: number } }[] = [];
    const emittedIds = new Set<string>(done);
    let bytes = 0;
    const onRead = (n: number): void => { bytes += n; options.onBytes?.(bytes, total); };
    const state = (at: { f: number; p: number }): JsonValue => {
      let mark = { f: at.f, p: at.p + 1 };
      for (const b of buffered.values()) if (before(b.first, mark)) mark = b.first;
      const still = emitted.filter((e) => !before(e.last, mark));
      emitted.splice(0, emitted.length, ...still);
      return { f: mark.f, p: mark.p, done: still.map((e) => e.cid) };
    };
    const caseItem = (cid: string, ops: Obj[], at: { f: number; p: number }, rec: JsonRecord): SourceItem => {
      const cluster = clusters.get(cid);
      const docketId = cluster ? docketIdOf(cluster) : undefined;
      const built = buildCase(cid.replace(/^opinion-/, ''), ops, cluster, docketId ? dockets.get(docketId) : undefined);
      emittedIds.add(cid);
      emitted.push({ cid, last: at });
      return {
        kind: 'case', case: built.case,
        supplied_links: built.supplied,
        location: { file: rec.file, ...(rec.line ? { line: rec.line } : {}), id: built.case.source_id },
        resume: state(at),
      };
    };

    for await (const r of jsonRecords(files, resume ? { f: resume.f, p: resume.p } : undefined, onRead)) {
      if (options.signal?.aborted) return;
      const at = { f: r.fileIdx, p: r.pos };
      const loc = { file: r.file, ...(r.line ? { line: r.line } : {}) };
      if (!r.obj) {
        yield { kind: 'reject', location: loc, reason: r.error ?? 'unreadable record', ...(r.excerpt ? { excerpt: r.excerpt } : {}), resume: state(at) };
        continue;
      }
      const kind = kindOf(r.obj);
      if (!kind) {
        yield { kind: 'reject', location: loc, reason: 'not a CourtListener opinion, cluster or docket object', excerpt: JSON.stringify(r.obj).slice(0, 200), resume: state(at) };
        continue;
      }
      if (kind !== 'opinion') continue;
      const oid = idOf(r.obj.id) ?? idOf(r.obj.resource_uri);
      if (!oid) {
        yield { kind: 'reject', location: loc, reason: 'opinion has no id or resource_uri', excerpt: JSON.stringify(r.obj).slice(0, 200), resume: state(at) };
        continue;
      }
      const cid = clusterIdOf(r.obj) ?? `opinion-${oid}`;
      if (done.has(cid)) continue;
      const b = buffered.get(cid) ?? { ops: [], first: at };
      b.ops.push(r.obj);
      buffered.set(cid, b);
      if (b.ops.length >= (counts.get(cid) ?? 1)) {
        buffered.delete(cid);
        yield caseItem(cid, b.ops, at, r);
      }
    }
    // Clusters with no opinion in the inputs still become cases (their metadata is worth keeping).
    const end = { f: files.length, p: 0 };
    for (const [cid, b] of buffered) { buffered.delete(cid); yield caseItem(cid, b.ops, end, { file: files[b.first.f]?.path ?? '', fileIdx: b.first.f, pos: b.first.p }); }
    for (const cid of clusters.keys()) {
      if (!emittedIds.has(cid) && !counts.has(cid)) yield caseItem(cid, [], end, { file: files[0]?.path ?? '', fileIdx: 0, pos: 0 });
    }
  }
}
