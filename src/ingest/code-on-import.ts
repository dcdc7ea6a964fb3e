/**
 * QI coding on import (issue 4 §2: "automatically on import"). Only opinions that mention qualified immunity are
 * coded — the coder costs tens of milliseconds an opinion and the rest cannot decide QI — and only codings that
 * decide QI are stored, as the machine row: a human correction is a separate row that always wins and is never
 * touched here, so it survives any re-import.
 */
import { codeOpinion } from '../qi/index.js';
import type { CaseInput, JsonObject, Store } from '../store/index.js';

const MENTIONS_QI = /qualified\s+immunity/i;

/** Codes the cases of one committed batch; returns how many codings were stored. */
export async function codeBatch(store: Store, cases: CaseInput[], ids: string[]): Promise<number> {
  let coded = 0;
  for (let i = 0; i < cases.length; i++) {
    const id = ids[i];
    const c = cases[i]!;
    if (!id) continue;
    // The longest opinion that mentions QI: the majority (or combined) opinion in practice.
    const candidates = c.opinions.filter((o) => MENTIONS_QI.test(o.text));
    const opinion = candidates.sort((a, b) => b.text.length - a.text.length)[0];
    if (!opinion) continue;
    const coding = codeOpinion(opinion.text);
    if (!coding.decides_qi) continue;
    await store.putQiCoding({ case_id: id, coder: 'machine', coding: coding as unknown as JsonObject });
    coded++;
  }
  return coded;
}
