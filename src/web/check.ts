/** Check a brief: upload (or paste), every case citation verified against the store, the status shown inline. */
import { useState } from 'preact/hooks';
import { postBody, query } from './api.js';
import { ErrorNote, Notice } from './common.js';
import { html, type Html } from './html.js';

interface Checked {
  text: string; case_name: string | null; start: number; end: number;
  status: 'found' | 'ambiguous' | 'not_found' | 'unknown_reporter';
  matches: { case_id: string; case_name: string; decision_date: string | null }[];
  warnings: { code: string; message: string }[];
}
interface Report { name: string; kind: string; text: string; citations: Checked[]; counts: Record<string, number>; not_legal_advice: string }

export const STATUS_LABEL: Record<Checked['status'], string> = {
  found: 'found', ambiguous: 'ambiguous', not_found: 'not found', unknown_reporter: 'unknown reporter',
};

function Inline({ r }: { r: Report }) {
  const parts: (string | Html)[] = [];
  let at = 0;
  for (const [i, c] of r.citations.entries()) {
    if (c.start < at || c.end <= c.start) continue;
    parts.push(r.text.slice(at, c.start));
    const label = `${STATUS_LABEL[c.status]}${c.warnings.length ? `, ${c.warnings.length} warning${c.warnings.length > 1 ? 's' : ''}` : ''}`;
    const body = r.text.slice(c.start, c.end);
    parts.push(c.status === 'found' && c.matches[0]
      ? html`<a class=${`st st-${c.status}`} href=${`/case/${encodeURIComponent(c.matches[0].case_id)}`}>${body}</a><sup class=${`badge b-${c.status}`}><a href=${`#row-${i}`}>${label}</a></sup>`
      : html`<span class=${`st st-${c.status}`}>${body}</span><sup class=${`badge b-${c.status}`}><a href=${`#row-${i}`}>${label}</a></sup>`);
    at = c.end;
  }
  parts.push(r.text.slice(at));
  return html`<div class="brief-text">${parts}</div>`;
}

export function CheckPage() {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [circuit, setCircuit] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  document.title = 'Check a brief — clearly';

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const qs = query({ name: file?.name ?? 'pasted text', date, circuit });
      const r = file
        ? await postBody<Report>(`/v1/briefs/check${qs}`, file, file.type || 'application/octet-stream')
        : await postBody<Report>(`/v1/briefs/check${qs}`, text, 'text/plain; charset=utf-8');
      setReport(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return html`
    <h1>Check a brief</h1>
    <p>Upload a brief or complaint (PDF, DOCX, HTML or text), or paste its text. Every case citation is looked up in this store: <em>found</em>, <em>ambiguous</em> (several cases carry it), <em>not found</em> (possibly fabricated, or missing from the store) or <em>unknown reporter</em>.</p>
    <form class="check-form" onSubmit=${submit}>
      <label>File <input type="file" name="file" accept=".pdf,.docx,.txt,.html,.htm,text/plain,application/pdf"
        onChange=${(e: Event) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} /></label>
      <label>…or paste the text <textarea name="text" rows="6" value=${text} disabled=${file !== null}
        onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}></textarea></label>
      <div class="filters">
        <label>Incident date (optional) <input type="date" name="date" value=${date} onInput=${(e: Event) => setDate((e.target as HTMLInputElement).value)} /></label>
        <label>Circuit (optional)
          <select aria-label="Circuit" name="circuit" value=${circuit} onChange=${(e: Event) => setCircuit((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            ${['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'dc'].map((c) => html`<option value=${c}>${c === 'dc' ? 'D.C.' : c}</option>`)}
          </select>
        </label>
      </div>
      <button type="submit" disabled=${busy || (!file && !text.trim())}>${busy ? 'Checking…' : 'Check citations'}</button>
    </form>
    ${error ? html`<${ErrorNote} error=${error} />` : null}
    ${report ? html`
      <section class="report" aria-label="Result">
        <h2>${report.name} <small>(${report.kind})</small></h2>
        <p class="counts" aria-live="polite">
          ${(['found', 'ambiguous', 'not_found', 'unknown_reporter'] as const).map((k) => html`<span class=${`badge b-${k}`}>${report.counts[k] ?? 0} ${STATUS_LABEL[k]}</span> `)}
          <span>${report.counts.warnings ?? 0} warnings</span>
        </p>
        <${Notice} text=${report.not_legal_advice} />
        <${Inline} r=${report} />
        <table class="cites">
          <thead><tr><th>Citation</th><th>Status</th><th>Case in the store</th><th>Warnings</th></tr></thead>
          <tbody>
            ${report.citations.map((c, i) => html`<tr id=${`row-${i}`}>
              <td>${c.case_name ? `${c.case_name}, ` : ''}${c.text}</td>
              <td><span class=${`badge b-${c.status}`}>${STATUS_LABEL[c.status]}</span></td>
              <td>${c.matches.map((m) => html`<div><a href=${`/case/${encodeURIComponent(m.case_id)}`}>${m.case_name}</a> ${m.decision_date ?? ''}</div>`)}</td>
              <td>${c.warnings.map((w) => html`<div>${w.message}</div>`)}</td>
            </tr>`)}
          </tbody>
        </table>
      </section>` : null}`;
}
