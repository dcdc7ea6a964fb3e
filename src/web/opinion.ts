/**
 * An opinion's text with its citations as links and the QI coding's evidence highlighted, built from offsets as
 * text nodes and elements — the text is never parsed as markup, so nothing in an opinion can run script.
 * Hovering or focusing a linked citation shows a card with the cited case.
 */
import { useState } from 'preact/hooks';
import type { CaseSummary } from './api.js';
import { html, type Html } from './html.js';

export interface CiteView {
  index: number; type: string; text: string; start: number; end: number; pin_cite: string | null; year: number | null;
  court: string | null; case_name: string | null; resolves_to: number | null;
  result: 'found' | 'ambiguous' | 'not_found' | 'unknown_reporter' | 'too_many' | null; target: CaseSummary | null; candidates: number;
}
export interface Highlight { start: number; end: number; supports: string }

const TITLES: Record<string, string> = {
  ambiguous: 'Several cases in the store carry this citation', not_found: 'Not in this store',
  unknown_reporter: 'Reporter not known', too_many: 'Not looked up (too many citations)',
};

/** Text between `from` and `to` with the highlights that overlap it as <mark>s. */
function marked(text: string, from: number, to: number, hl: Highlight[], idBase: string): (string | Html)[] {
  const out: (string | Html)[] = [];
  let at = from;
  for (const [i, h] of hl.entries()) {
    if (h.end <= at || h.start >= to) continue;
    const s = Math.max(h.start, at);
    const e = Math.min(h.end, to);
    if (s > at) out.push(text.slice(at, s));
    out.push(html`<mark class="evidence" id=${h.start >= from ? `${idBase}-hl-${i}` : undefined} title=${`Supports ${h.supports}`}>${text.slice(s, e)}</mark>`);
    at = e;
  }
  if (at < to) out.push(text.slice(at, to));
  return out;
}

export function OpinionText({ id, text, citations, highlights }: { id: string; text: string; citations: CiteView[]; highlights: Highlight[] }) {
  const [card, setCard] = useState<{ c: CaseSummary; top: number; left: number } | null>(null);
  const cites = citations.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start);
  const parts: (string | Html)[] = [];
  let at = 0;
  for (const c of cites) {
    if (c.start < at) continue;
    parts.push(...marked(text, at, c.start, highlights, id));
    const inner = marked(text, c.start, c.end, highlights, id);
    const target = c.target ?? (c.resolves_to !== null ? citations[c.resolves_to]?.target ?? null : null);
    if (target) {
      parts.push(html`<a class="cite" href=${`/case/${encodeURIComponent(target.id)}`} data-i=${c.index}>${inner}</a>`);
    } else if (c.result) {
      parts.push(html`<span class=${`cite cite-${c.result}`} title=${TITLES[c.result] ?? ''}>${inner}</span>`);
    } else {
      parts.push(html`<span class="cite cite-other">${inner}</span>`);
    }
    at = c.end;
  }
  parts.push(...marked(text, at, text.length, highlights, id));

  const show = (e: Event) => {
    const a = (e.target as Element).closest?.('a.cite') as HTMLAnchorElement | null;
    if (!a) return setCard(null);
    const c = citations[Number(a.dataset.i)];
    const t = c?.target ?? (c?.resolves_to != null ? citations[c.resolves_to]?.target : null);
    if (!t) return setCard(null);
    const r = a.getBoundingClientRect();
    const box = (a.closest('.opinion') as HTMLElement).getBoundingClientRect();
    setCard({ c: t, top: r.bottom - box.top + 6, left: Math.max(0, Math.min(r.left - box.left, box.width - 320)) });
  };
  return html`
    <div class="opinion" onMouseOver=${show} onFocusIn=${show} onMouseLeave=${() => setCard(null)} onFocusOut=${() => setCard(null)}>
      <div class="opinion-text">${parts}</div>
      ${card ? html`<div class="card" role="tooltip" style=${{ top: `${card.top}px`, left: `${card.left}px` }}>
        <strong>${card.c.case_name}</strong>
        <span>${[card.c.citation, card.c.court_id, card.c.decision_date].filter(Boolean).join(' · ')}</span>
        ${card.c.precedential_status !== 'published' ? html`<span class="warn">${card.c.precedential_status}</span>` : null}
      </div>` : null}
    </div>`;
}
