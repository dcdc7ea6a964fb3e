/**
 * A tiny document model between the Assessment and its formats: the memo is laid out once as blocks, and the
 * Markdown, HTML and DOCX renderers each only walk blocks — so the three formats cannot say different things.
 */
export interface Run {
  t: string;
  b?: boolean;
  i?: boolean;
}

export type Inline = string | Run | (string | Run)[];

export type Block =
  | { kind: 'h'; level: 1 | 2 | 3; text: string }
  | { kind: 'p'; runs: Inline }
  | { kind: 'note'; runs: Inline }
  | { kind: 'list'; items: Inline[] }
  | { kind: 'quote'; text: string }
  | { kind: 'table'; head: string[]; rows: Inline[][] }
  | { kind: 'rule' };

export const runs = (x: Inline): Run[] => (Array.isArray(x) ? x : [x]).map((r) => (typeof r === 'string' ? { t: r } : r));
export const plain = (x: Inline): string => runs(x).map((r) => r.t).join('');
export const b = (t: string): Run => ({ t, b: true });
export const i = (t: string): Run => ({ t, i: true });
