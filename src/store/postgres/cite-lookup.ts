/**
 * `findCasesByCitation` calls made in the same turn of the event loop are answered by one query. An importer
 * resolving a batch's citation links asks about thousands of citations; one round trip (and one plan) each would
 * leave the importer waiting on the network and the server parsing the same statement over and over.
 */
import type { CaseRecord } from '../types.js';

export interface Cite { volume: string; reporter: string; page: string }

interface Waiting { cite: Cite; resolve: (cases: CaseRecord[]) => void; reject: (err: unknown) => void }

/** Citations per query: large enough to make round trips rare, small enough to keep one answer modest. */
export const LOOKUP_CHUNK = 5000;

export class CiteLookup {
  private queue: Waiting[] = [];

  constructor(private readonly run: (cites: Cite[]) => Promise<CaseRecord[][]>) {}

  find(cite: Cite): Promise<CaseRecord[]> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => { void this.flush(); });
      this.queue.push({ cite, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const chunks: Waiting[][] = [];
    for (let i = 0; i < queue.length; i += LOOKUP_CHUNK) chunks.push(queue.slice(i, i + LOOKUP_CHUNK));
    await Promise.all(chunks.map(async (chunk) => {
      try {
        const answers = await this.run(chunk.map((w) => w.cite));
        chunk.forEach((w, i) => w.resolve(answers[i]!));
      } catch (err) {
        chunk.forEach((w) => w.reject(err));
      }
    }));
  }
}
