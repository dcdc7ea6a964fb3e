/**
 * Assess an incident: the form (date, place, right, facts in plain words, factor checkboxes pre-filled from the
 * facts as they are typed), then the memo on screen — the two prongs, and each ranked precedent side by side
 * with the incident, factor by factor — and the memo as Markdown, DOCX or PDF.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson, postForBlob, postJson } from './api.js';
import { ErrorNote, Notice } from './common.js';
import { html } from './html.js';
import { Memo, type Assessment } from './memo.js';

interface Vocabulary { factors: { id: string; label: string }[]; rights: { id: string; label: string }[]; postures: string[]; actors: string[] }
interface Read { factors: { id: string; label: string; evidence: string }[] }

const CIRCUITS = ['', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'dc'];
const words = (s: string): string => s.replace(/_/g, ' ');

export function AssessPage() {
  const [vocab, setVocab] = useState<Vocabulary | null>(null);
  const [f, setF] = useState({ date: '', state: '', district: '', circuit: '', actor: '', right: 'fourth_amendment_excessive_force', posture: '', facts: '' });
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [read, setRead] = useState<Map<string, string>>(new Map());
  const [untouched, setUntouched] = useState(true);
  const [result, setResult] = useState<Assessment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  document.title = 'Assess an incident — clearly';

  useEffect(() => { getJson<Vocabulary>('/v1/assess/vocabulary').then(setVocab, setError); }, []);

  // Pre-fill: factors read from the facts are ticked while the user has not changed the boxes by hand.
  const onFacts = (facts: string) => {
    setF({ ...f, facts });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (!facts.trim()) return setRead(new Map());
      postJson<Read>('/v1/assess/read-facts', { facts }).then((r) => {
        const m = new Map(r.factors.map((x) => [x.id, x.evidence]));
        setRead(m);
        if (untouched) setChecked(new Set(m.keys()));
      }, () => undefined);
    }, 350);
  };

  const toggle = (id: string, on: boolean) => {
    setUntouched(false);
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  };

  const body = () => {
    // Ticks the facts already imply are re-read by the server (and shown as read from the words); only the
    // user's own additions are sent as given, and factors read but unticked are removed with `-id`, as in the CLI.
    const given = [...checked].filter((id) => !read.has(id));
    const removed = [...read.keys()].filter((id) => !checked.has(id)).map((id) => `-${id}`);
    const out: Record<string, unknown> = { date: f.date, factors: [...given, ...removed] };
    for (const k of ['state', 'district', 'circuit', 'actor', 'right', 'posture', 'facts'] as const) if (f[k].trim()) out[k] = f[k].trim();
    return out;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy('assess');
    setError(null);
    try {
      setResult(await postJson<Assessment>('/v1/assess', body()));
      window.setTimeout(() => document.getElementById('memo')?.focus(), 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const download = async (format: 'md' | 'docx' | 'pdf') => {
    setBusy(format);
    try {
      const blob = await postForBlob(`/v1/assess/memo?format=${format}`, body());
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `clearly-assessment-${f.date}.${format}`;
      a.click();
      window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const input = (k: keyof typeof f) => ({ value: f[k], onInput: (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value }) });
  const groups = new Map<string, { id: string; label: string }[]>();
  for (const x of vocab?.factors ?? []) {
    const g = x.id.split('.')[0] ?? 'other';
    groups.set(g, [...(groups.get(g) ?? []), x]);
  }

  return html`
    <h1>Assess an incident</h1>
    <${Notice} />
    <form class="assess" onSubmit=${submit}>
      <div class="filters">
        <label>Date of the conduct <input type="date" name="date" required ...${input('date')} /></label>
        <label>State <input name="state" placeholder="e.g. Ohio" ...${input('state')} /></label>
        <label>District <input name="district" placeholder="e.g. ohsd" ...${input('district')} /></label>
        <label>Circuit
          <select aria-label="Circuit" name="circuit" ...${input('circuit')}>${CIRCUITS.map((c) => html`<option value=${c}>${c === '' ? 'from the place' : c === 'dc' ? 'D.C.' : c}</option>`)}</select>
        </label>
      </div>
      <div class="filters">
        <label>Right
          <select aria-label="Right" name="right" ...${input('right')}>${(vocab?.rights ?? []).map((r) => html`<option value=${r.id}>${r.label}</option>`)}</select>
        </label>
        <label>Official
          <select aria-label="Official" name="actor" ...${input('actor')}><option value="">—</option>${(vocab?.actors ?? []).map((a) => html`<option value=${a}>${words(a)}</option>`)}</select>
        </label>
        <label>Posture
          <select aria-label="Posture" name="posture" ...${input('posture')}><option value="">—</option>${(vocab?.postures ?? []).map((p) => html`<option value=${p}>${words(p)}</option>`)}</select>
        </label>
      </div>
      <label class="block">What happened, in plain words
        <textarea name="facts" rows="5" value=${f.facts} placeholder="The officer released a police dog on a man who was sitting with his hands raised."
          onInput=${(e: Event) => onFacts((e.target as HTMLTextAreaElement).value)}></textarea>
      </label>
      <fieldset class="factor-box">
        <legend>Facts as factors <small>(ticked from your words; correct them)</small></legend>
        ${[...groups].map(([g, list]) => html`
          <div class="factor-group">
            <h3>${words(g)}</h3>
            ${list.map((x) => html`<label class="check" title=${read.get(x.id) ? `Read from: “${read.get(x.id)}”` : ''}>
              <input type="checkbox" name="factor" value=${x.id} checked=${checked.has(x.id)} onChange=${(e: Event) => toggle(x.id, (e.target as HTMLInputElement).checked)} />
              ${x.label}${read.has(x.id) ? html` <span class="tag">from the facts</span>` : null}</label>`)}
          </div>`)}
      </fieldset>
      <button type="submit" disabled=${busy !== null}>${busy === 'assess' ? 'Assessing…' : 'Assess'}</button>
    </form>
    ${error ? html`<${ErrorNote} error=${error} />` : null}
    ${result ? html`
      <div class="downloads" role="group" aria-label="Download the memo">
        Download the memo:
        ${(['md', 'docx', 'pdf'] as const).map((fmt) => html` <button type="button" class="secondary" onClick=${() => download(fmt)} disabled=${busy !== null}>${busy === fmt ? '…' : fmt === 'md' ? 'Markdown' : fmt.toUpperCase()}</button>`)}
      </div>
      <${Memo} a=${result} />` : null}`;
}
