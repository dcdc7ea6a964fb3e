/**
 * Leave-one-out precedent recall over the built-in knowledge base (`npm run eval:precedent`; issue 4, "the bar").
 * For every knowledge-base decision L that relied on or distinguished another knowledge-base decision E: hide L,
 * assess L's incident — its facts as factors (and the maintainers' one-line description of the facts, never the
 * holding, which names the precedents), the date of L (its incident date is not recorded; L's decision date is
 * the latest the incident can be), and L's circuit — then check that E appears in the top 5 of the list the law
 * puts it in: the eligible list when E could clearly establish the right, else the close-but-ineligible list.
 * Reads only data shipped with the program (data/kb, data/qi). Target: ≥ 80%. Not legal advice.
 */
import { getCourt } from '../src/courts/index.js';
import { kbCaseId, knowledgeBase, type KbDecision } from '../src/kb/index.js';
import { eligibility, findPrecedents, defaultRules } from '../src/precedent/index.js';
import { withKnowledgeBase } from '../src/precedent/knowledge.js';
import type { Incident } from '../src/precedent/types.js';
import type { QiCoding } from '../src/qi/types.js';
import { openStore } from '../src/store/index.js';

const TOP = 5;
const rules = defaultRules();
const kb = knowledgeBase();
const byId = new Map(kb.map((d) => [d.id, d]));

/** The circuit of the incident behind L: L's own, or for a Supreme Court case the circuit it reviewed. */
function circuitOf(d: KbDecision): string {
  const own = getCourt(d.court)?.circuit;
  if (own) return own;
  for (const r of d.relations) {
    const t = r.target ? byId.get(r.target) : undefined;
    const c = t && ['reversed', 'vacated', 'gvr_in_light_of', 'on_remand_from'].includes(r.relation) ? getCourt(t.court)?.circuit : undefined;
    if (c) return c;
  }
  return 'dc'; // no circuit recorded: any circuit does, since the Supreme Court controls everywhere
}

function incidentOf(d: KbDecision): Incident {
  return {
    date: d.decision_date ?? `${d.decision_year}-12-31`, state: null, district: null, circuit: circuitOf(d), actor: null,
    right: d.right ?? 'fourth_amendment_excessive_force', facts: d.right_text ?? null,
    factors: d.factors.map((f) => ({ id: f.id, from: 'given' as const, confidence: 1 })), posture: d.posture ?? null, origin: d.id,
  };
}

const store = await openStore({ db: ':memory:', env: {} });
const { seedIds } = await withKnowledgeBase(store);
const pairs = kb.flatMap((l) => l.relations
  .filter((r) => (r.relation === 'relied_on' || r.relation === 'distinguished') && r.target && byId.has(r.target))
  .map((r) => ({ later: l, earlier: byId.get(r.target!)!, relation: r.relation })));

// A decision with no coded facts and no description of them has no incident to assess: reported, not scored.
const skipped = pairs.filter((p) => p.later.factors.length === 0 && !p.later.right_text);
const scored = pairs.filter((p) => !skipped.includes(p));
let hits = 0;
let hitsStd = 0;
const rows: string[] = [];
const groups = { factual: { n: 0, hit: 0, std: 0 }, doctrinal: { n: 0, hit: 0, std: 0 } };
for (const { later, earlier, relation } of scored) {
  const incident = incidentOf(later);
  const result = await findPrecedents(store, incident, rules, { seedIds, exclude: new Set([kbCaseId(later.id)]), limit: 20, closeLimit: 20 });
  const target = (await store.getCase(kbCaseId(earlier.id)))!;
  const coding = (await store.getQiCoding(target.id))?.coding as unknown as QiCoding | undefined;
  const expectEligible = eligibility(target, coding ?? null, incident, rules.circuitRule(incident.circuit), rules.recentDays()).eligible;
  const list = result.precedents.filter((p) => p.eligible === expectEligible);
  const pos = list.findIndex((p) => p.case_id === target.id);
  const ok = pos >= 0 && pos < TOP;
  const std = result.standards.findIndex((s) => s.case_id === target.id);
  const okStd = ok || (std >= 0 && std < TOP);
  hits += ok ? 1 : 0;
  hitsStd += okStd ? 1 : 0;
  const group = earlier.factors.length > 0 && later.factors.length > 0 ? groups.factual : groups.doctrinal;
  group.n++;
  group.hit += ok ? 1 : 0;
  group.std += okStd ? 1 : 0;
  const where = pos >= 0 ? `rank ${pos + 1}` : 'not listed';
  rows.push(`${ok ? 'hit ' : okStd ? 'std ' : 'MISS'} ${later.id} ${relation} ${earlier.id} — expected in ${expectEligible ? 'eligible' : 'close'} list, ${where}${std >= 0 ? `; standards #${std + 1}` : ''}`);
}
await store.close();

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
console.log(rows.join('\n'));
for (const p of skipped) console.log(`skip ${p.later.id} ${p.relation} ${p.earlier.id} — no facts recorded for ${p.later.id}`);
console.log(`\nleave-one-out recall@${TOP}, eligible or close-but-ineligible list as the law dictates: ${hits}/${scored.length} = ${pct(hits, scored.length)} (target ≥ 80%; ${skipped.length} of ${pairs.length} pairs skipped: no facts to assess)`);
console.log(`  factual pairs (both decisions coded with fact factors): ${groups.factual.hit}/${groups.factual.n} = ${pct(groups.factual.hit, groups.factual.n)}`);
console.log(`  doctrinal pairs (one side has no fact factors): ${groups.doctrinal.hit}/${groups.doctrinal.n} = ${pct(groups.doctrinal.hit, groups.doctrinal.n)}`);
console.log(`counting the general-standards list too (top ${TOP}): ${hitsStd}/${scored.length} = ${pct(hitsStd, scored.length)}; factual ${groups.factual.std}/${groups.factual.n}, doctrinal ${groups.doctrinal.std}/${groups.doctrinal.n}`);
