/**
 * The web interface in a real browser: search → case page → follow a citation; a hostile opinion renders inert;
 * a brief upload shows each citation's status; an incident assessed end to end. Screenshots of each page go to
 * test-artifacts/ (gitignored). Skipped, loudly, where Debian's Chromium is absent (.ci/run installs it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, openSession, type Session } from './browser-helpers.js';
import { DOE_TEXT } from './http-fixtures.js';

let s: Session;
const errors: string[] = [];

async function newPage(): Promise<Page> {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe.skipIf(!hasChromium)('web interface (Chromium)', () => {
  beforeAll(async () => { s = await openSession(); }, 60_000);
  afterAll(async () => { await s?.close(); });

  it('search → case page → follow a citation', async () => {
    const page = await newPage();
    await page.goto(`${s.server.url}/search`);
    await page.getByLabel('Search words').fill('police dog');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Doe v. Roe' }).waitFor();
    expect(await page.locator('.results mark').count()).toBeGreaterThan(0);
    await shot(page, 'search');
    await page.getByRole('link', { name: 'Doe v. Roe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Doe v. Roe' }).waitFor();
    expect(await page.locator('.opinion-text').innerText()).toBe(DOE_TEXT);
    expect(await page.locator('mark.evidence').count()).toBe(2);
    await page.locator('a.cite', { hasText: '700 F.3d 50' }).hover();
    await page.getByRole('tooltip').waitFor();
    expect(await page.getByRole('tooltip').innerText()).toContain('Poe v. Moe');
    await shot(page, 'case');
    await page.locator('a.cite', { hasText: '700 F.3d 50' }).click();
    await page.getByRole('heading', { level: 1, name: 'Poe v. Moe' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/case/${s.fx.ids.poe}`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Doe v. Roe' }).waitFor();
    await page.close();
  });

  it('filters a search by QI outcome and fact factors, keyboard only', async () => {
    const page = await newPage();
    await page.goto(`${s.server.url}/search`);
    const outcome = page.getByLabel('QI outcome');
    await outcome.locator('option[value="AFFIRM_DENIAL"]').waitFor({ state: 'attached' }); // vocabulary loaded from data/qi
    await outcome.focus();
    await outcome.selectOption('AFFIRM_DENIAL');
    const summary = page.locator('.factor-filter summary');
    await summary.focus();
    await page.keyboard.press('Enter'); // opens the factor list
    const k9 = page.locator('input[name="factor"][value="force.k9_bite"]');
    await k9.focus();
    await page.keyboard.press('Space');
    expect(await k9.isChecked()).toBe(true);
    await page.getByLabel('Search words').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Doe v. Roe' }).waitFor();
    await shot(page, 'search-qi-filters');
    const url = new URL(page.url());
    expect(url.searchParams.get('qi_outcome')).toBe('AFFIRM_DENIAL');
    expect(url.searchParams.getAll('factor')).toEqual(['force.k9_bite']);
    expect(await page.locator('.results h2').allInnerTexts()).toEqual(['Doe v. Roe']);
    // The filters live in the URL: opening it again restores them; a factor no case has finds nothing.
    await page.goto(`${s.server.url}/search?factor=force.k9_bite&factor=subject.handcuffed`);
    await page.locator('.results-head').waitFor();
    expect(await page.locator('.factor-filter').getAttribute('open')).not.toBeNull();
    expect(await page.locator('input[name="factor"][value="subject.handcuffed"]').isChecked()).toBe(true);
    expect(await page.locator('.results li').count()).toBe(0);
    await page.close();
  });

  it('renders an opinion with <script> and onerror= payloads as inert text', async () => {
    const page = await newPage();
    await page.goto(`${s.server.url}/case/${s.fx.ids.hostile}`);
    await page.getByRole('heading', { level: 1, name: 'Hostile v. Payload' }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.opinion-text script, .opinion-text img, .opinion-text a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('.opinion-text').innerText()).toContain('<script>window.__pwned = 1;');
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0); // the record's javascript: source URL is not linked
    expect(errors.filter((e) => e.startsWith('dialog'))).toEqual([]);
    await shot(page, 'hostile-opinion');
    await page.close();
  });

  it('checks an uploaded brief and shows each status inline', async () => {
    const page = await newPage();
    await page.goto(`${s.server.url}/check`);
    const brief = join(ARTIFACTS, 'brief.txt');
    writeFileSync(brief, 'Plaintiff relies on Doe v. Roe, 800 F.3d 100 (6th Cir. 2015), and on Fake v. Case, 123 F.4th 456 (9th Cir. 2022).\n');
    await page.getByLabel('File').setInputFiles(brief);
    await page.getByRole('button', { name: 'Check citations' }).click();
    await page.locator('.brief-text').waitFor();
    expect(await page.locator('.brief-text .st-found').innerText()).toBe('800 F.3d 100');
    expect(await page.locator('.brief-text .st-not_found').innerText()).toBe('123 F.4th 456');
    expect(await page.locator('.counts').innerText()).toMatch(/1 found.*1 not found/s);
    await shot(page, 'check-brief');
    await page.close();
  });

  it('assesses an incident end to end, keyboard only', async () => {
    const page = await newPage();
    await page.goto(`${s.server.url}/assess`);
    await page.getByLabel('Date of the conduct').fill('2019-03-02');
    await page.getByLabel('State', { exact: true }).fill('Ohio');
    await page.getByLabel('What happened, in plain words').fill('The officer released a police dog on a man who was sitting on the ground with his hands raised.');
    // The factor boxes are pre-filled from the words.
    await page.locator('input[name="factor"][value="force.k9_bite"]:checked').waitFor();
    await page.getByRole('button', { name: 'Assess', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#memo').waitFor();
    expect(await page.locator('#memo').innerText()).toMatch(/Not legal advice/);
    expect(await page.locator('#memo').innerText()).toMatch(/Prong 2/);
    await shot(page, 'assess');
    await page.locator('.precedent').first().screenshot({ path: join(ARTIFACTS, 'assess-precedent.png') });
    await page.locator('#memo').screenshot({ path: join(ARTIFACTS, 'assess-memo.png') });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Markdown' }).click();
    expect((await download).suggestedFilename()).toBe('clearly-assessment-2019-03-02.md');
    await page.close();
  });

  it('shows the analytics and who-pays pages', async () => {
    const page = await newPage();
    await page.goto(`${s.server.url}/analytics`);
    await page.locator('table.chart').waitFor();
    expect(await page.locator('table.chart tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'analytics');
    await page.getByRole('link', { name: 'Who pays' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who pays' }).waitFor();
    await page.getByText('No payout records').waitFor();
    await page.close();
  });

  it('raised no script errors', () => {
    expect(errors).toEqual([]);
  });
});

if (!hasChromium) process.stderr.write('browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium)\n');
