/**
 * Rules where the slug gives the party's words in another order than the caption: the place first, or a person's
 * two surnames the other way round. The caption's order is the name.
 */
import { containsInOrder } from './in-order.js';
import { shortParty } from './parties.js';
import type { Side } from './side-party.js';

/** The slug puts the place first ("pr-department-of-corrections" for DEPARTMENT OF CORRECTIONS … OF PUERTO RICO). */
export function placeFirst({ want, captionWords, captionKeys }: Side): string[] | undefined {
  const first = want.length >= 3 && want[0]!.length === 2 && captionKeys.length > want.length &&
    captionKeys.slice(-2).map((h) => h[0]).join('') === want[0] && containsInOrder(captionKeys, want.slice(1));
  return first ? shortParty(captionWords) : undefined;
}

/** A person's two surnames the other way round ("lama-romero" for ROBERTO ROMERO LAMA). */
export function reordered({ want, have }: Side): boolean {
  return want.length >= 2 && want.length === have.length && want.join(' ') !== have.join(' ') &&
    [...want].sort().join(' ') === [...have].sort().join(' ');
}
