import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../kb/index.js';
import { readQiJson } from '../qi/rules/data.js';
import { allRights } from '../qi/rules/index.js';

interface RightsLexicon { rows: { right: string }[]; routes: { from: string; to: string }[] }

describe('one vocabulary of rights (data/qi/rights.json)', () => {
  const table = new Set(allRights().map((r) => r.id));
  it('holds every right the QI coder can name, so an incident can name it too', () => {
    const lex = readQiJson<RightsLexicon>('lexicon-rights.json');
    const coder = new Set([...lex.rows.map((r) => r.right), ...lex.routes.flatMap((r) => [r.from, r.to])]);
    expect([...coder].filter((id) => !table.has(id))).toEqual([]);
  });

  it('holds every right of the knowledge base', () => {
    const kb = knowledgeBase().map((d) => d.right).filter((r): r is string => r !== null);
    expect(kb.filter((id) => !table.has(id))).toEqual([]);
  });
});
