/**
 * Text similarity between the incident's facts and each candidate's digest (holding, evidence sentences), by
 * BM25 computed over the candidate set. Why our own and not only the store's FTS rank: knowledge-base entries
 * and search hits must be scored on one scale, and the digest (what the court said about the facts) is a better
 * document than thirty pages of opinion. k1 = 1.2 and b = 0.75 are the usual BM25 defaults.
 */
const K1 = 1.2;
const B = 0.75;

// Words every opinion and incident share; they carry no signal about the facts.
const STOP = new Set(`a about above after again against all also an and any are as at be because been before being
between both but by can could did do does doing down during each few for from further had has have having he her
here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or
other our out over own same she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you your
officer officers police court plaintiff defendant defendants case claim claims alleged allegedly said according
time also one two three man woman person suspect subject`.split(/\s+/));

/** Lower-case word stems: a light suffix strip so "bit", "bites" and "biting" meet on enough common ground. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+/g)) {
    const w = m[0];
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

// Words whose suffix is not an inflection: "armed" (carrying a weapon) is not a form of "arm" (the limb).
const KEEP = new Set(['armed', 'unarmed', 'speed', 'news']);

export function stem(w: string): string {
  if (KEEP.has(w)) return w;
  return dropFinalE(stripSuffix(w));
}

function stripSuffix(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es') && !w.endsWith('ses')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** "bite", "bites" and "biting" all end as "bit": the silent e is what the suffix rules leave behind or not. */
const dropFinalE = (w: string): string => (w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w);

/** BM25 of `query` against each document, scaled to 0..1 by the best score (all zeros when nothing matches). */
export function bm25Scores(query: string, docs: readonly string[]): number[] {
  const q = [...new Set(tokens(query))];
  if (q.length === 0 || docs.length === 0) return docs.map(() => 0);
  const tf = docs.map((d) => {
    const m = new Map<string, number>();
    for (const t of tokens(d)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const lens = tf.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const avg = lens.reduce((a, b) => a + b, 0) / docs.length || 1;
  const df = new Map<string, number>();
  for (const m of tf) for (const t of q) if (m.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const scores = tf.map((m, i) => {
    let s = 0;
    for (const t of q) {
      const f = m.get(t);
      if (!f) continue;
      const idf = Math.log(1 + (n - df.get(t)! + 0.5) / (df.get(t)! + 0.5));
      s += idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * lens[i]!) / avg)));
    }
    return s;
  });
  const max = Math.max(...scores);
  return max > 0 ? scores.map((s) => s / max) : scores;
}

/** Distinctive words of the facts for the store's full-text query: no stop words, longest (rarest) first. */
export function queryWords(text: string, limit = 12): string[] {
  const seen = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+/g)) {
    const w = m[0];
    if (w.length < 3 || STOP.has(w) || /^\d+$/.test(w)) continue;
    seen.add(w);
  }
  return [...seen].sort((a, b) => b.length - a.length).slice(0, limit);
}
