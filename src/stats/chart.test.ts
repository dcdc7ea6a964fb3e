import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantRateChart } from './chart.js';
import type { CodedDecision } from './corpus.js';
import { grantRates } from './grant-rate.js';
import { renderPng } from './png.js';

const d = (circuit: string, year: number, result: CodedDecision['result']): CodedDecision => ({
  case_id: `c${circuit}${year}${result}`, case_name: 'Doe v. Roe', circuit, year, coder: 'human', outcome: null, result,
  posture: null, right: null, forces: [], factors: [], claims: [],
});
const corpus = [d('5', 2015, 'granted'), d('5', 2016, 'granted'), d('5', 2016, 'denied'), d('9', 2016, 'denied'), d('<&>', 2017, 'excluded')];

describe('grant-rate charts', () => {
  it('draws one row per category with its rate, interval and n, and the definition', () => {
    const { svg, width, height } = grantRateChart(grantRates(corpus, 'circuit'), { subtitle: 'Fictional test corpus' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(width).toBe(760);
    expect(height).toBeGreaterThan(150);
    expect(svg).toContain('Fictional test corpus');
    expect(svg).toContain('67% [21%–94%]  n=3'); // Wilson 2/3
    expect(svg).toContain('0% [0%–79%]  n=1');
    expect(svg).toContain('&lt;&amp;&gt;'); // labels are escaped
    expect(svg).toContain('no grant or denial');
    expect(svg).toMatch(/not legal advice/);
    expect(svg.match(/<circle /g)).toHaveLength(2);
  });

  it('draws years as a line with an interval band', () => {
    const { svg } = grantRateChart(grantRates(corpus, 'year'));
    expect(svg).toContain('<polygon');
    expect(svg).toContain('<polyline');
    expect(svg).toContain('>2015<');
    expect(svg).toContain('>n=3<');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('renders a PNG with Chromium', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearly-chart-'));
    try {
      const out = join(dir, 'c.png');
      await renderPng(grantRateChart(grantRates(corpus, 'circuit')), out);
      const png = readFileSync(out);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(760); // IHDR width
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to get Chromium when it is missing', async () => {
    await expect(renderPng(grantRateChart(grantRates(corpus, 'circuit')), '/tmp/x.png', { chromium: '/nonexistent/chromium' }))
      .rejects.toMatchObject({ code: 'missing_input', hint: expect.stringMatching(/apt-get install chromium/) });
  });
});
