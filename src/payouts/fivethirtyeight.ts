import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { createMapper } from './mapper.js';
import { builtinMapping } from './mapping.js';
import { openTable, type Table } from './tables.js';
import { clean, encodingProblem, excerpt, headerKey, splitNames } from './text.js';
import type { OfficerLink, PayoutItem } from './types.js';

/**
 * The FiveThirtyEight / Marshall Project city files. `<city>_edited.csv` holds payouts (read through
 * data/payouts/mappings/fivethirtyeight.yaml); four cities also have `<city>_police_edited.csv`, a roster of officers
 * by docket number. Reading a payout file joins its sibling roster so payouts carry officer names; reading a roster
 * file yields its rows as OfficerLinks, so roster files too account for every row.
 */

const ROSTER_COLUMN = 'police officer'; // `police_officer`, or `Police Officer` in New Orleans
const rosterKey = (h: string): string => headerKey(h).replace(/_/g, ' ');

/** True when the header is an officer roster rather than a payout table. */
export function isRosterHeader(header: string[]): boolean {
  return header.some((h) => rosterKey(h) === ROSTER_COLUMN) && !header.some((h) => headerKey(h) === 'amount_awarded');
}

const docketKey = (d: string): string => d.trim().toLowerCase().replace(/\s+/g, ' ');

async function* rosterItems(path: string, table: Table): AsyncGenerator<PayoutItem> {
  const col = (name: string): number => table.header.findIndex((h) => rosterKey(h) === name);
  const [officer, docket, city, state] = [col(ROSTER_COLUMN), col('docket number'), col('city'), col('state')];
  for await (const row of table.rows) {
    const problem = row.problem ?? row.cells.map((c) => c && encodingProblem(c.text)).find(Boolean);
    if (problem) {
      const [code, reason] = typeof problem === 'string' ? (['encoding', problem] as const) : [problem.code, problem.reason];
      yield { reject: { source_file: path, source_line: row.line, code, reason, excerpt: excerpt(row.raw) } };
      continue;
    }
    const at = (i: number): string | undefined => (i < 0 ? undefined : clean(row.cells[i]?.text));
    const link: OfficerLink = {
      source_file: path,
      source_line: row.line,
      jurisdiction: [at(city), at(state)].filter(Boolean).join(', ') || basename(path),
      officer_names: splitNames(at(officer)),
    };
    const d = at(docket);
    if (d) link.docket_number = d;
    yield { officer: link };
  }
}

/** Officer names by docket from a roster file (links without a docket cannot be joined and are skipped). */
export async function loadRoster(path: string): Promise<Map<string, string[]>> {
  const byDocket = new Map<string, string[]>();
  for await (const item of readFiveThirtyEight(path, { joinRoster: false })) {
    if (!('officer' in item) || !item.officer.docket_number) continue;
    const k = docketKey(item.officer.docket_number);
    byDocket.set(k, [...new Set([...(byDocket.get(k) ?? []), ...item.officer.officer_names])]);
  }
  return byDocket;
}

/** The roster file that goes with a payout file, if present (`chicago_edited.csv` → `chicago_police_edited.csv`). */
export async function siblingRoster(path: string): Promise<string | undefined> {
  if (!/_edited\.csv$/i.test(path) || /_police_edited\.csv$/i.test(path)) return undefined;
  const roster = path.replace(/_edited\.csv$/i, '_police_edited.csv');
  return access(roster).then(
    () => roster,
    () => undefined,
  );
}

export async function* readFiveThirtyEight(path: string, opts: { joinRoster?: boolean } = {}): AsyncGenerator<PayoutItem> {
  const mapping = await builtinMapping('fivethirtyeight');
  const table = await openTable(path, mapping);
  if (isRosterHeader(table.header)) {
    yield* rosterItems(path, table);
    return;
  }
  // The README says Baltimore's data were "not responsive" to the request; that warning belongs on its numbers.
  const caveats = /^baltimore_/i.test(basename(path)) ? [...(mapping.caveats ?? []), 'fivethirtyeight-baltimore'] : mapping.caveats;
  const map = createMapper(path, table, { ...mapping, ...(caveats ? { caveats } : {}) });
  const rosterPath = opts.joinRoster === false ? undefined : await siblingRoster(path);
  const roster = rosterPath ? await loadRoster(rosterPath) : undefined;
  for await (const row of table.rows) {
    const item = map(row);
    if (roster && 'payout' in item && item.payout.docket_number) {
      const names = roster.get(docketKey(item.payout.docket_number));
      if (names) item.payout.officer_names = [...new Set([...item.payout.officer_names, ...names])];
    }
    yield item;
  }
}
