/**
 * HTML to plain text that keeps the line structure captions depend on (`<br>`, paragraphs, `<pre>` newlines).
 * Text only: scripts, styles and every tag are dropped, so stored opinion text never carries markup.
 */
import { decodeEntity } from '../cite/entities.js';

const SKIP = /<(script|style|head|title|template|noscript|svg|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BREAK = /<(?:br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/blockquote|\/pre|hr|p|div|h[1-6]|li|tr|blockquote|pre)\b[^>]*>/gi;

export function htmlToText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(SKIP, '')
    .replace(BREAK, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(stripped).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function decodeEntities(s: string): string {
  let out = '';
  let last = 0;
  for (let amp = s.indexOf('&'); amp !== -1; amp = s.indexOf('&', amp + 1)) {
    const e = decodeEntity(s, amp);
    if (!e) continue;
    out += s.slice(last, amp) + String.fromCodePoint(e.code);
    last = amp + e.length;
    amp = last - 1;
  }
  return out + s.slice(last);
}
