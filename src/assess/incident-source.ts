/**
 * Reading an incident file (YAML or JSON — JSON is read by the YAML parser too, so both report line numbers)
 * into a plain object plus a way to find the line of each field, so a validation error can say where to look.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { ClearlyError } from '../errors/index.js';

export interface RawIncident {
  values: Record<string, unknown>;
  /** 1-based line of a field (or of item `index` of a list field), when the input was a file. */
  lineOf(field: string, index?: number): number | undefined;
  origin: string;
}

export function readIncidentText(text: string, origin: string): RawIncident {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    throw new ClearlyError('bad_data', `${origin}: not valid YAML or JSON: ${err.message.split('\n')[0]}`, {
      location: { file: origin, line: lc.linePos(err.pos[0]).line },
      hint: 'An incident is a YAML or JSON object with fields date, state, district, circuit, actor, right, facts, factors, posture.',
    });
  }
  const root = doc.contents;
  if (!isMap(root)) {
    throw new ClearlyError('bad_data', `${origin}: the incident must be an object of fields (date, state, facts, ...)`, {
      location: { file: origin, line: 1 },
    });
  }
  const nodes = new Map<string, Node | null>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    nodes.set(key, (pair.value as Node | null) ?? null);
    if (isScalar(pair.key) && pair.key.range) nodes.set(`\0key:${key}`, pair.key);
  }
  const lineAt = (n: Node | null | undefined): number | undefined => (n?.range ? lc.linePos(n.range[0]).line : undefined);
  return {
    values: doc.toJS() as Record<string, unknown>,
    origin,
    lineOf(field, index) {
      const value = nodes.get(field);
      if (index !== undefined && isSeq(value)) return lineAt(value.items[index] as Node | undefined) ?? lineAt(value);
      return lineAt(nodes.get(`\0key:${field}`)) ?? lineAt(value);
    },
  };
}

/** Flags on the command line: same fields, no lines to point at. */
export function rawFromFlags(values: Record<string, unknown>): RawIncident {
  return { values, origin: 'command-line flags', lineOf: () => undefined };
}
