/**
 * QI coding on import (issue 4 §2: "automatically on import"). Only opinions that mention qualified immunity are
 * coded — the coder costs tens of milliseconds an opinion and the rest cannot decide QI — and only codings that
 * decide QI are stored, as the machine row: a human correction is a separate row that always wins and is never
 * touched here, so it survives any re-import. The coding itself is `qiCodingOf` (prepare.ts), which a reader may
 * already have run on its own thread.
 */
import type { CaseInput, JsonObject, Store } from '../store/index.js';
import { qiCodingOf } from './prepare.js';

/**
 * Codes the cases of one committed batch; returns how many codings were stored. `prepared[i]`, when given, is
 * the coding already computed for `cases[i]` (null: nothing to store); undefined entries are coded here.
 */
export async function codeBatch(store: Store, cases: CaseInput[], ids: string[], prepared: (JsonObject | null | undefined)[] = []): Promise<number> {
  let coded = 0;
  for (let i = 0; i < cases.length; i++) {
    const id = ids[i];
    if (!id) continue;
    const coding = prepared[i] !== undefined ? prepared[i]! : qiCodingOf(cases[i]!);
    if (!coding) continue;
    await store.putQiCoding({ case_id: id, coder: 'machine', coding });
    coded++;
  }
  return coded;
}
