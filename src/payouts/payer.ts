import { loadDataJson } from './data.js';
import { clean } from './text.js';
import { PAYER_TYPES, type PayerType } from './types.js';

/**
 * Payer names → canonical name and type, from data/payouts/payers.json: first the known payers by alias, then
 * ordered rules on the words of the name, then the type the caller declares for the dataset, else `unknown`.
 */
interface PayersFile {
  payers: { name: string; type: string; state?: string; aliases: string[]; why: string }[];
  rules: { pattern: string; type: string; why: string }[];
}

export interface PayerResolution {
  name: string;
  type: PayerType;
  /** Which step decided: a known alias, a name rule, the caller's declared type, or nothing. */
  by: 'alias' | 'rule' | 'declared' | 'unknown';
  why: string;
}

/** Lower case, no punctuation, `saint` → `st`, `&` → `and`: `St. Paul` and `Saint Paul` meet. */
export function payerKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.,'’()]/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\s+/g, ' ')
    .trim();
}

let loaded: { aliases: Map<string, PayersFile['payers'][number][]>; rules: { re: RegExp; type: PayerType; why: string }[] } | undefined;

function asType(t: string): PayerType {
  if (!(PAYER_TYPES as readonly string[]).includes(t)) throw new Error(`payers.json: unknown payer type ${t}`);
  return t as PayerType;
}

function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const file = loadDataJson<PayersFile>('payers.json');
  const aliases = new Map<string, PayersFile['payers'][number][]>();
  for (const p of file.payers) {
    asType(p.type);
    for (const a of [p.name, ...p.aliases]) {
      const k = payerKey(a);
      const list = aliases.get(k) ?? [];
      if (!list.includes(p)) list.push(p);
      aliases.set(k, list);
    }
  }
  const rules = file.rules.map((r) => ({ re: new RegExp(r.pattern, 'i'), type: asType(r.type), why: r.why }));
  return (loaded = { aliases, rules });
}

/**
 * Resolves a payer. `state` scopes aliases (Duluth, MN is not Duluth, GA); `declared` is the type the dataset
 * implies when the name alone does not say (a city's own records → `city`).
 */
export function normalizePayer(raw: string | undefined, opts: { state?: string; declared?: PayerType } = {}): PayerResolution {
  const name = clean(raw);
  if (!name) return { name: 'unknown', type: opts.declared ?? 'unknown', by: opts.declared ? 'declared' : 'unknown', why: 'no payer given' };
  const { aliases, rules } = load();
  const state = opts.state?.trim().toUpperCase();
  const candidates = [...(state ? [`${name}, ${state}`] : []), name];
  for (const c of candidates) {
    const hit = aliases.get(payerKey(c))?.find((p) => !p.state || !state || p.state === state);
    if (hit) return { name: hit.name, type: hit.type as PayerType, by: 'alias', why: hit.why };
  }
  for (const r of rules) if (r.re.test(name)) return { name, type: r.type, by: 'rule', why: r.why };
  if (opts.declared) return { name, type: opts.declared, by: 'declared', why: 'type declared for the dataset' };
  return { name, type: 'unknown', by: 'unknown', why: 'no alias or rule matched' };
}
