/**
 * Analytics (QI grant rates by circuit, year, posture, right, force) and Who pays (the payouts ledger), drawn as
 * bar charts from plain elements whose widths are set through the style object (CSSOM), so the strict CSP needs
 * no inline-style exception. Numbers come with their definitions, intervals and caveats.
 */
import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.js';
import { ErrorNote, Notice } from './common.js';
import { html } from './html.js';

interface RateRow { key: string; decisions: number; granted: number; denied: number; rate: number | null; ci_low: number | null; ci_high: number | null }
interface GrantReport { by: string; definition: string; overall: RateRow; rows: RateRow[]; notes: string[]; notice: string; coders: { machine: number; human: number } }
interface Group { key: string; count: number; total_cents: number; share_of_total: number }
interface Ledger {
  count: number; total_cents: number; median_cents: number; linked_payouts: number;
  officer_share: { count: number; total_cents: number; share_of_total: number };
  by: Record<string, Group[]>; notes: string[]; caveats: { id: string; text: string; source: string }[];
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const dollars = (cents: number): string => `$${(cents / 100).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

function Bar({ value, label }: { value: number; label: string }) {
  return html`<div class="bar" role="img" aria-label=${label}><span style=${{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }}></span></div>`;
}

function useJson<T>(url: string): { data: T | null; error: unknown } {
  const [state, set] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    getJson<T>(url).then((data) => live && set({ data, error: null }), (error: unknown) => live && set({ data: null, error }));
    return () => { live = false; };
  }, [url]);
  return state;
}

export function AnalyticsPage() {
  const [by, setBy] = useState('circuit');
  const { data: r, error } = useJson<GrantReport>(`/v1/stats/grant-rate?by=${by}`);
  document.title = 'Analytics — clearly';
  return html`
    <h1>Qualified-immunity grant rates</h1>
    <label class="inline">Group by
      <select aria-label="Group by" value=${by} onChange=${(e: Event) => setBy((e.target as HTMLSelectElement).value)}>
        ${['circuit', 'year', 'posture', 'right', 'force'].map((d) => html`<option value=${d}>${d}</option>`)}
      </select>
    </label>
    ${error ? html`<${ErrorNote} error=${error} />` : null}
    ${r ? html`
      <p class="help">${r.definition} Overall: ${pct(r.overall.rate)} of ${r.overall.granted + r.overall.denied} granted-or-denied decisions (${r.coders.machine} machine-coded, ${r.coders.human} human-coded).</p>
      ${r.rows.length === 0 ? html`<p>No coded QI decisions in the store yet: import opinions and run <code>clearly code</code>.</p>` : html`
      <table class="chart">
        <thead><tr><th scope="col">${r.by}</th><th scope="col">Granted</th><th scope="col">Rate (95% interval)</th><th scope="col" class="w">Grant rate</th></tr></thead>
        <tbody>${r.rows.map((x) => html`<tr>
          <th scope="row">${x.key}</th><td>${x.granted} of ${x.granted + x.denied}</td>
          <td>${pct(x.rate)} ${x.ci_low !== null ? html`<span class="help">(${pct(x.ci_low)}–${pct(x.ci_high)})</span>` : null}</td>
          <td><${Bar} value=${x.rate ?? 0} label=${`${x.key}: ${pct(x.rate)}`} /></td></tr>`)}</tbody>
      </table>`}
      <ul class="help">${r.notes.map((n) => html`<li>${n}</li>`)}</ul>
      <${Notice} text=${r.notice} />` : null}`;
}

function Groups({ title, groups }: { title: string; groups: Group[] }) {
  if (!groups.length) return null;
  const top = groups.slice(0, 15);
  return html`<h2>${title}</h2>
    <table class="chart"><tbody>${top.map((g) => html`<tr><th scope="row">${g.key}</th><td>${dollars(g.total_cents)}</td><td>${g.count} payouts</td>
      <td class="w"><${Bar} value=${g.share_of_total} label=${`${g.key}: ${pct(g.share_of_total)} of the total`} /></td></tr>`)}</tbody></table>`;
}

export function PayoutsPage() {
  const { data: l, error } = useJson<Ledger>('/v1/payouts/summary');
  document.title = 'Who pays — clearly';
  return html`
    <h1>Who pays</h1>
    ${error ? html`<${ErrorNote} error=${error} />` : null}
    ${l ? html`
      ${l.count === 0 ? html`<p>No payout records in the store yet: import them with <code>clearly payouts import</code>.</p>` : html`
      <p><strong>${l.count.toLocaleString('en-US')}</strong> payouts totalling <strong>${dollars(l.total_cents)}</strong> (median ${dollars(l.median_cents)}).
        Officers paid personally: ${l.officer_share.count} payouts, ${dollars(l.officer_share.total_cents)} (${pct(l.officer_share.share_of_total)} of the total).
        ${l.linked_payouts} linked to cases in the store.</p>
      <${Groups} title="By payer type" groups=${l.by.payer_type ?? []} />
      <${Groups} title="By year" groups=${[...(l.by.year ?? [])].sort((a, b) => a.key.localeCompare(b.key))} />
      <${Groups} title="By allegation" groups=${l.by.allegation ?? []} />`}
      <ul class="help">${l.notes.map((n) => html`<li>${n}</li>`)}</ul>
      <h2>Caveats</h2>
      <ul>${l.caveats.map((c) => html`<li>${c.text} <span class="help">(${c.source})</span></li>`)}</ul>
      <${Notice} text="Not legal advice. Payout records as published by their sources; see the caveats." />` : null}`;
}
