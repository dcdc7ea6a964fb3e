import { describe, expect, it } from 'vitest';
import { cites } from './test-helpers.js';

const GRAHAM = 'Graham v. Connor, 490 U.S. 386 (1989). ';
const GARNER = 'Tennessee v. Garner, 471 U.S. 1 (1985). ';

describe('short forms, id. and supra', () => {
  it('resolves a short form with an antecedent', () => {
    const found = cites(`${GRAHAM}${GARNER}Force is judged objectively. Graham, 490 U.S. at 396.`);
    expect(found[2]).toMatchObject({ type: 'short_case', volume: '490', reporter: 'U.S.', pin_cite: '396', antecedent: 'Graham', resolves_to: 0 });
  });

  it('resolves the Supreme Court\'s "490 U.S., at 396" form', () => {
    const found = cites(`${GRAHAM}As we said, 490 U.S., at 396, the test is objective.`);
    expect(found[1]).toMatchObject({ type: 'short_case', pin_cite: '396', resolves_to: 0 });
  });

  it('resolves id. to the preceding authority, through other id. citations', () => {
    const found = cites(`${GRAHAM}Id. at 397. The Court went on. Id. See also id. at 399. Ibid.`);
    expect(found.slice(1).map((c) => [c.type, c.pin_cite, c.resolves_to])).toEqual([
      ['id', '397', 0], ['id', undefined, 0], ['id', '399', 0], ['id', undefined, 0],
    ]);
  });

  it('resolves id. to a statute when a statute was cited last', () => {
    const found = cites(`${GRAHAM}Suit was brought under 42 U.S.C. § 1983. Id.`);
    expect(found[2]).toMatchObject({ type: 'id', resolves_to: 1 });
  });

  it('leaves id. unresolved after a string cite, with the reason', () => {
    const found = cites('See Graham v. Connor, 490 U.S. 386 (1989); Tennessee v. Garner, 471 U.S. 1 (1985). Id. at 3.');
    expect(found[2]!.resolves_to).toBeUndefined();
    expect(found[2]!.unresolved_reason).toMatch(/several authorities/);
  });

  it('resolves supra by the case name', () => {
    const found = cites(`${GRAHAM}${GARNER}See Graham, supra, at 396.`);
    expect(found[2]).toMatchObject({ type: 'supra', antecedent: 'Graham', pin_cite: '396', resolves_to: 0 });
  });

  it('keeps unresolved short forms with a reason', () => {
    const found = cites('Smith, 123 F.3d at 460.');
    expect(found[0]).toMatchObject({ type: 'short_case', antecedent: 'Smith' });
    expect(found[0]!.resolves_to).toBeUndefined();
    expect(found[0]!.unresolved_reason).toMatch(/no earlier full citation/);
    expect(cites('Jones, supra, at 5.')[0]!.unresolved_reason).toMatch(/no earlier full citation named "Jones"/);
  });

  it('uses the antecedent to choose between two cases in one volume', () => {
    const text = 'Doe v. Roe, 100 F.3d 10 (1st Cir. 1996); Smith v. Jones, 100 F.3d 50 (1st Cir. 1996). Later: Doe, 100 F.3d at 60.';
    const found = cites(text);
    expect(found[2]).toMatchObject({ type: 'short_case', resolves_to: 0 });
    const ambiguous = cites('Doe v. Roe, 100 F.3d 10 (1st Cir. 1996); Smith v. Jones, 100 F.3d 50 (1st Cir. 1996). Later: 100 F.3d at 60.');
    expect(ambiguous[2]!.unresolved_reason).toMatch(/ambiguous/);
  });
});
