/**
 * Grant-rate charts as standalone SVG, written by hand (no DOM needed, byte-for-byte deterministic so the docs and
 * the web UI show the same picture). Categories are rows of dot + 95% interval whiskers over a light bar; years
 * are a line with the interval as a band. Every chart carries the grant definition and the not-legal-advice notice.
 */
import { circuitLabel, type GrantRateReport, type RateRow } from './grant-rate.js';

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

export interface ChartOptions {
  title?: string;
  /** Says what corpus the numbers come from; shown under the title. */
  subtitle?: string;
}

const W = 760;
const FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"';
const INK = '#1f2933';
const BLUE = '#1f4e8c';
const PALE = '#c9d7ea';
const GRID = '#e3e8ef';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const f = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Greedy word wrap at roughly `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const text = (x: number, y: number, s: string, attrs = ''): string => `<text x="${f(x)}" y="${f(y)}" ${attrs}>${esc(s)}</text>`;
const rateLabel = (r: RateRow): string =>
  r.rate === null ? 'no grant or denial' : `${pct(r.rate)} [${pct(r.ci_low!)}–${pct(r.ci_high!)}]  n=${r.granted + r.denied}`;

function header(report: GrantRateReport, opts: ChartOptions): { parts: string[]; top: number } {
  const by = report.period ? `${report.period}-year period` : report.by;
  const parts = [text(16, 26, opts.title ?? `Qualified immunity grant rate by ${by}`, `font-size="17" font-weight="bold" fill="${INK}"`)];
  let top = 44;
  for (const line of wrap(opts.subtitle ?? '', 110)) {
    parts.push(text(16, top, line, `font-size="12" fill="#52606d"`));
    top += 15;
  }
  return { parts, top: top + 10 };
}

function footer(report: GrantRateReport, y: number): { parts: string[]; bottom: number } {
  const parts: string[] = [];
  const lines = [...wrap(`${report.definition} Whiskers and band: 95% Wilson intervals; n = granted + denied.`, 128), report.notice];
  for (const line of lines) {
    y += 13;
    parts.push(text(16, y, line, `font-size="10" fill="#52606d"`));
  }
  return { parts, bottom: y + 12 };
}

function rowsChart(report: GrantRateReport, opts: ChartOptions): Chart {
  const { parts, top } = header(report, opts);
  const left = Math.min(230, 24 + Math.max(60, ...report.rows.map((r) => (report.by === 'circuit' ? circuitLabel(r.key) : r.key).length * 7)));
  const right = 190;
  const plotW = W - left - right;
  const x = (v: number): number => left + v * plotW;
  const rowH = 26;
  const y0 = top + 18;
  const plotH = report.rows.length * rowH;
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${f(x(v))}" y1="${y0 - 6}" x2="${f(x(v))}" y2="${y0 + plotH}" stroke="${GRID}"/>`);
    parts.push(text(x(v), y0 - 10, pct(v), `font-size="10" fill="#52606d" text-anchor="middle"`));
  }
  report.rows.forEach((r, i) => {
    const cy = y0 + i * rowH + rowH / 2;
    parts.push(text(left - 10, cy + 4, report.by === 'circuit' ? circuitLabel(r.key) : r.key, `font-size="12" fill="${INK}" text-anchor="end"`));
    if (r.rate !== null) {
      parts.push(`<rect x="${f(x(0))}" y="${f(cy - 6)}" width="${f(r.rate * plotW)}" height="12" fill="${PALE}"/>`);
      const [lo, hi] = [x(r.ci_low!), x(r.ci_high!)];
      parts.push(`<path d="M${f(lo)} ${f(cy)}H${f(hi)}M${f(lo)} ${f(cy - 5)}V${f(cy + 5)}M${f(hi)} ${f(cy - 5)}V${f(cy + 5)}" stroke="${BLUE}" stroke-width="2" fill="none"/>`);
      parts.push(`<circle cx="${f(x(r.rate))}" cy="${f(cy)}" r="4.5" fill="${BLUE}"/>`);
    }
    parts.push(text(W - right + 12, cy + 4, rateLabel(r), `font-size="11" fill="${INK}"`));
  });
  const foot = footer(report, y0 + plotH + 10);
  return finish([...parts, ...foot.parts], foot.bottom);
}

function yearChart(report: GrantRateReport, opts: ChartOptions): Chart {
  const { parts, top } = header(report, opts);
  const rows = report.rows.filter((r) => !r.key.startsWith('('));
  const left = 64;
  const plotW = W - left - 64; // room for a centred period label ("2019–2021") at either end
  const plotH = 240;
  const y0 = top + 10;
  const step = rows.length > 1 ? plotW / (rows.length - 1) : 0;
  const x = (i: number): number => (rows.length > 1 ? left + i * step : left + plotW / 2);
  const y = (v: number): number => y0 + (1 - v) * plotH;
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" y1="${f(y(v))}" x2="${left + plotW}" y2="${f(y(v))}" stroke="${GRID}"/>`);
    parts.push(text(left - 8, y(v) + 4, pct(v), `font-size="10" fill="#52606d" text-anchor="end"`));
  }
  const pts = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.rate !== null);
  if (pts.length > 1) {
    const upper = pts.map(({ r, i }) => `${f(x(i))},${f(y(r.ci_high!))}`);
    const lower = pts.map(({ r, i }) => `${f(x(i))},${f(y(r.ci_low!))}`).reverse();
    parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${PALE}" fill-opacity="0.7"/>`);
    parts.push(`<polyline points="${pts.map(({ r, i }) => `${f(x(i))},${f(y(r.rate!))}`).join(' ')}" fill="none" stroke="${BLUE}" stroke-width="2"/>`);
  }
  for (const { r, i } of pts) {
    parts.push(`<path d="M${f(x(i))} ${f(y(r.ci_low!))}V${f(y(r.ci_high!))}" stroke="${BLUE}" stroke-width="1" opacity="0.5"/>`);
    parts.push(`<circle cx="${f(x(i))}" cy="${f(y(r.rate!))}" r="4" fill="${BLUE}"/>`);
  }
  const every = Math.max(1, Math.ceil(rows.length / 12));
  rows.forEach((r, i) => {
    if (i % every !== 0 && i !== rows.length - 1) return;
    parts.push(text(x(i), y0 + plotH + 16, r.key, `font-size="11" fill="${INK}" text-anchor="middle"`));
    parts.push(text(x(i), y0 + plotH + 30, `n=${r.granted + r.denied}`, `font-size="10" fill="#52606d" text-anchor="middle"`));
  });
  const foot = footer(report, y0 + plotH + 38);
  return finish([...parts, ...foot.parts], foot.bottom);
}

function finish(parts: string[], height: number): Chart {
  const h = Math.ceil(height);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" ${FONT}>\n` +
    `<rect width="${W}" height="${h}" fill="#ffffff"/>\n${parts.join('\n')}\n</svg>\n`;
  return { svg, width: W, height: h };
}

export function grantRateChart(report: GrantRateReport, opts: ChartOptions = {}): Chart {
  return report.by === 'year' ? yearChart(report, opts) : rowsChart(report, opts);
}
