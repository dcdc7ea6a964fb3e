import { describe, expect, it } from 'vitest';
import { annotate, escapeHtml } from './annotate.js';
import { cites } from './test-helpers.js';

describe('annotate', () => {
  it('wraps each citation in the original HTML without breaking markup', () => {
    const html = '<p>See <i>Graham v. Connor</i>, 490 <b>U.S.</b> 386 (1989); 42 U.S.C. &sect; 1983.</p>';
    const found = cites(html, { html: true });
    const out = annotate(html, found, (c) => [`<cite data-type="${c.type}">`, '</cite>']);
    expect(out).toBe('<p>See <i>Graham v. Connor</i>, <cite data-type="case">490 </cite><b><cite data-type="case">U.S.</cite></b><cite data-type="case"> 386</cite> (1989); <cite data-type="statute">42 U.S.C. &sect; 1983</cite>.</p>');
  });

  it('escapes plain text when producing HTML from it', () => {
    const text = 'A < B & Doe v. Roe, 1 F.3d 2 (1st Cir. 1993).';
    const out = annotate(text, cites(text), () => ['<a>', '</a>'], { html: false, escape: escapeHtml });
    expect(out).toBe('A &lt; B &amp; Doe v. Roe, <a>1 F.3d 2</a> (1st Cir. 1993).');
  });
});
