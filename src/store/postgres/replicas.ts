/**
 * Read scaling: a Store that sends reads (searches, case pages, graph walks, codings for assessments) to read
 * replicas, round-robin, and everything else — writes, migrations, import bookkeeping, stats — to the primary.
 * A replica that cannot be reached is skipped and the primary answers, so losing a replica costs capacity, not
 * service; it is left alone for RETRY_MS before it is tried again, so each read does not wait out a connect timeout.
 *
 * Replicas lag the primary by their replay delay: a read right after a write may not see it. Importers read
 * their checkpoints from the primary (getCheckpoint is not routed), so resuming never depends on replay.
 */
import type { Store } from '../store.js';
import { isUnreachable } from './errors.js';

/** The methods replicas answer. Anything not listed (including methods added to Store later) stays on the primary. */
export const REPLICA_READS = [
  'getCase', 'getCaseBySource', 'findCasesByCitation', 'listCases', 'getOpinions', 'getOpinion',
  'cites', 'citedBy', 'search', 'getQiCoding', 'getQiCodings', 'listQiCodings', 'listPayouts', 'payoutLedgerStats', 'listCodedCases',
] as const satisfies readonly (keyof Store)[];

const READS = new Set<string>(REPLICA_READS);

type AnyFn = (...args: unknown[]) => Promise<unknown>;

export const RETRY_MS = 30_000;

export function withReadReplicas(primary: Store, replicas: Store[]): Store {
  if (replicas.length === 0) return primary;
  let next = 0;
  const downUntil = replicas.map(() => 0);
  /** The next replica in turn that is not resting after a failure, or undefined when none is up. */
  const pick = (): number | undefined => {
    for (let k = 0; k < replicas.length; k++) {
      const i = next++ % replicas.length;
      if (downUntil[i]! <= Date.now()) return i;
    }
    return undefined;
  };
  return new Proxy(primary, {
    get(target, prop, receiver) {
      if (prop === 'close') {
        return async () => { await Promise.all([target.close(), ...replicas.map((r) => r.close())]); };
      }
      if (prop === 'replicas') return replicas;
      // Reads come from replicas that lag the primary by different amounts, so no single change token describes
      // what an answer was computed from: nothing derived from the store is kept (the response cache stays off).
      if (prop === 'generation') return async () => null;
      if (typeof prop === 'string' && READS.has(prop)) {
        return async (...args: unknown[]) => {
          const i = pick();
          if (i !== undefined) {
            const replica = replicas[i]!;
            try {
              return await (replica[prop as keyof Store] as AnyFn).apply(replica, args);
            } catch (err) {
              if (!isUnreachable(err)) throw err;
              downUntil[i] = Date.now() + RETRY_MS;
            }
          }
          return (target[prop as keyof Store] as AnyFn).apply(target, args);
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as AnyFn).bind(target) : v;
    },
  });
}
