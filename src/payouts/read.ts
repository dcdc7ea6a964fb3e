import { createMapper } from './mapper.js';
import { builtinMapping, type PayoutMapping } from './mapping.js';
import { formatOf, openTable } from './tables.js';
import { readFiveThirtyEight } from './fivethirtyeight.js';
import type { PayoutItem } from './types.js';

/**
 * Reads any payout table with a mapping: one item per data row, streamed. Every data row yields exactly one item,
 * so imported + rejected = data rows. File-level problems (no amount column, not a workbook) throw ClearlyError.
 */
export async function* readMapped(path: string, mapping: PayoutMapping): AsyncGenerator<PayoutItem> {
  const table = await openTable(path, mapping);
  const map = createMapper(path, table, mapping);
  for await (const row of table.rows) yield map(row);
}

/** The Minnesota workbook layout (data/payouts/mappings/minnesota.yaml); `sheet` overrides the sheet choice. */
export async function* readMinnesota(path: string, opts: { sheet?: string } = {}): AsyncGenerator<PayoutItem> {
  const mapping = await builtinMapping('minnesota');
  yield* readMapped(path, opts.sheet ? { ...mapping, sheet: opts.sheet } : mapping);
}

/**
 * Reads one file the way `clearly payouts import` does: with the user's mapping when given (its payouts carry the
 * `mapped-file` caveat), else an .xlsx as the Minnesota layout and a .csv as a FiveThirtyEight city file. A file that
 * fits neither fails with a hint to write a mapping.
 */
export async function* readPayoutFile(path: string, opts: { mapping?: PayoutMapping; sheet?: string } = {}): AsyncGenerator<PayoutItem> {
  if (opts.mapping) {
    const caveats = [...new Set([...(opts.mapping.caveats ?? []), 'mapped-file'])];
    yield* readMapped(path, { ...opts.mapping, caveats, ...(opts.sheet ? { sheet: opts.sheet } : {}) });
  } else if (formatOf(path) === 'xlsx') {
    yield* readMinnesota(path, opts.sheet ? { sheet: opts.sheet } : {});
  } else {
    yield* readFiveThirtyEight(path);
  }
}
