/** Small pieces shared by the pages. */
import { ApiError } from './api.js';
import { html } from './html.js';

export function ErrorNote({ error }: { error: unknown }) {
  const p = error instanceof ApiError ? error.problem : null;
  return html`<div class="error" role="alert">
    <p><strong>${p?.title ?? 'Something went wrong'}</strong>: ${p?.detail ?? String(error)}</p>
    ${p?.hint ? html`<p class="hint">${p.hint}</p>` : null}
  </div>`;
}

export function Meta({ c, citation }: { c: { court_id: string | null; decision_date: string | null; precedential_status: string; docket_number?: string | null }; citation: string | null }) {
  return html`<p class="meta">
    ${[citation, c.court_id, c.decision_date, c.precedential_status !== 'published' ? c.precedential_status : null, c.docket_number ? `No. ${c.docket_number}` : null]
      .filter(Boolean).map((x, i) => html`${i ? ' · ' : ''}<span>${x}</span>`)}
  </p>`;
}

export const NOT_LEGAL_ADVICE = 'Not legal advice. Research assistance generated from the cases in this store and the project’s sourced rules; a lawyer must read the decisions before relying on any of them.';

export function Notice({ text }: { text?: string }) {
  return html`<p class="notice" role="note"><strong>Not legal advice.</strong> ${(text ?? NOT_LEGAL_ADVICE).replace(/^Not legal advice\.\s*/, '')}</p>`;
}

/** Only http(s) links from the data are made clickable (a `javascript:` URL in a record must stay text). */
export const safeUrl = (u: string | null): string | null => (u && /^https?:\/\//i.test(u) ? u : null);
