/**
 * Opinions waiting for the rest of their cluster. CourtListener's opinions file is in table order, not grouped
 * by cluster, so a case can be emitted only when the count taken in the first pass is reached. Memory stays flat:
 * past a byte budget the oldest waiting clusters move to the temp index on disk (`spill`) and are read back when
 * they complete.
 */
import type { OpinionInput } from '../../store/index.js';
import type { TempIndex } from './temp-index.js';

/** Where an opinion row sits: file number among the opinions files, decompressed byte offset, line. */
export interface Place {
  file: number;
  offset: number;
  line: number;
}

export interface HeldOpinion {
  id: number;
  /** CourtListener's type code (`010combined`…): its number is the display order within the case. */
  order: string;
  opinion: OpinionInput;
  /** CourtListener's `/opinion/ID/` anchors in the row's HTML, read when the export has no citation map. */
  anchors?: number[];
}

interface Entry {
  clusterId: number;
  expected: number;
  got: number;
  first: Place;
  held: HeldOpinion[];
  ids: Set<number>;
  bytes: number;
  spilled: boolean;
}

export interface Completed {
  clusterId: number;
  first: Place;
  opinions: HeldOpinion[];
}

const size = (h: HeldOpinion): number => 2 * (h.opinion.text.length + (h.opinion.html?.length ?? 0)) + 200;

export class Pending {
  /** Insertion order is first-seen order, i.e. file order of each cluster's first opinion. */
  private readonly entries = new Map<number, Entry>();
  private bytes = 0;
  spilledClusters = 0;

  constructor(private readonly index: TempIndex, private readonly budget = 64 * 1024 * 1024) {
    index.db.exec('DELETE FROM spill'); // left over from an interrupted run
  }

  get waiting(): number {
    return this.entries.size;
  }

  /** True when the cluster already holds an opinion with this id (a duplicate row). */
  holds(clusterId: number, opinionId: number): boolean {
    return this.entries.get(clusterId)?.ids.has(opinionId) ?? false;
  }

  /** Adds one opinion; returns the cluster when this was its last one. */
  add(clusterId: number, expected: number, at: Place, held: HeldOpinion): Completed | null {
    let e = this.entries.get(clusterId);
    if (!e) {
      e = { clusterId, expected, got: 0, first: at, held: [], ids: new Set(), bytes: 0, spilled: false };
      this.entries.set(clusterId, e);
    }
    e.got++;
    e.ids.add(held.id);
    if (e.got >= e.expected) {
      this.entries.delete(clusterId);
      this.bytes -= e.bytes;
      return { clusterId, first: e.first, opinions: this.collect(e, held) };
    }
    if (e.spilled) {
      this.spillOne(clusterId, held);
    } else {
      const n = size(held);
      e.held.push(held);
      e.bytes += n;
      this.bytes += n;
      if (this.bytes > this.budget) this.spillOldest();
    }
    return null;
  }

  /** Clusters still incomplete at the end of the input (only if the file changed between the two passes). */
  *drain(): Generator<Completed> {
    for (const e of [...this.entries.values()]) {
      this.entries.delete(e.clusterId);
      yield { clusterId: e.clusterId, first: e.first, opinions: this.collect(e) };
    }
    this.bytes = 0;
  }

  /** Where a re-run must start so nothing un-emitted is skipped: the first opinion of the oldest waiting cluster. */
  resumePoint(next: Place): Place {
    for (const e of this.entries.values()) return e.first;
    return next;
  }

  private collect(e: Entry, last?: HeldOpinion): HeldOpinion[] {
    const all = e.spilled
      ? (this.index.stmt('SELECT data FROM spill WHERE cluster_id = ? ORDER BY seq').all(e.clusterId) as { data: string }[]).map((r) => JSON.parse(r.data) as HeldOpinion)
      : e.held;
    if (e.spilled) this.index.stmt('DELETE FROM spill WHERE cluster_id = ?').run(e.clusterId);
    if (last) all.push(last);
    return all.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id - b.id));
  }

  private spillOne(clusterId: number, h: HeldOpinion): void {
    this.index.stmt('INSERT INTO spill (cluster_id, seq, data) VALUES (?, ?, ?)').run(clusterId, h.id, JSON.stringify(h));
  }

  private spillOldest(): void {
    const insert = this.index.db.transaction((e: Entry) => e.held.forEach((h) => this.spillOne(e.clusterId, h)));
    for (const e of this.entries.values()) {
      if (this.bytes <= this.budget / 2) break;
      if (e.spilled) continue;
      insert(e);
      this.bytes -= e.bytes;
      e.bytes = 0;
      e.held = [];
      e.spilled = true;
      this.spilledClusters++;
    }
  }
}
