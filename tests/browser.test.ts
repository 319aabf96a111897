// report.html in a real browser (Debian's chromium via playwright-core): the report of
// the fixtures made by the compiled CLI, and a page rendered from hand-built objects.
// Sorting, filtering and opening a file must work with no console error, no page error,
// no dialog and no request leaving file://; script payloads from documents stay text.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMG_PAYLOAD, renderSamplePage, SCRIPT_PAYLOAD } from './helpers/html-sample.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const FIXTURES = join(ROOT, 'fixtures');

if (!haveChromium) {
  if (process.env.CI) {
    it('needs Debian chromium at /usr/bin/chromium (CI installs it with apt-get)', () => {
      throw new Error(`${CHROMIUM} is absent: apt-get install -y chromium`);
    });
  } else {
    it.skip(`skipped: ${CHROMIUM} is absent — apt-get install -y chromium to run the browser tests`, () => {});
  }
}

/** What went wrong while a page was open: console errors, page errors, dialogs, requests off file://. */
interface Watch {
  page: Page;
  problems: string[];
}

let browser: Browser;
let workDir: string;

async function openPage(file: string): Promise<Watch> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    problems.push(`request left the page: ${url}`);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

/** The visible batch-table rows, each as its cells' sort values (data-v). */
async function visibleRows(page: Page): Promise<string[][]> {
  return page.$$eval('#batch tbody tr[data-target]', (rows) =>
    rows
      .filter((row) => !(row as HTMLElement).hidden)
      .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => (cell.getAttribute('data-v') ?? ''))),
  );
}

async function clickHeader(page: Page, label: string): Promise<void> {
  await page.locator('#batch thead th', { hasText: label }).locator('button').click();
}

describe.runIf(haveChromium)('report.html in chromium', () => {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'jxaudit-browser-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  describe('the report of the fixtures, written by the CLI', () => {
    let outDir: string;
    let watch: Watch;
    let inputCount: number;
    /** Rows of the batch table: one per form, a failed file one. */
    let rowCount: number;

    beforeAll(async () => {
      expect(existsSync(CLI), `${CLI} missing: npm test compiles it (npx tsc -p .)`).toBe(true);
      outDir = join(workDir, 'cli-out');
      // every file under fixtures/ is an input, except hidden and Office temporary files
      inputCount = filesUnder(FIXTURES).filter((f) => !/(^|\/)(\.|~\$)/.test(relative(FIXTURES, f))).length;
      const run = spawnSync(process.execPath, [CLI, 'check', FIXTURES, '--out', outDir, '--quiet'], {
        encoding: 'utf8',
        timeout: 240_000,
      });
      // 0 = clean, 1 = findings or failed files: both write the report; 2 = bad usage
      expect([0, 1], `jxaudit check exited ${run.status}: ${run.stderr}`).toContain(run.status);
      const inputs = (JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8')) as { inputs: Array<{ forms: unknown[] }> }).inputs;
      rowCount = inputs.reduce((n, input) => n + Math.max(1, input.forms.length), 0);
      watch = await openPage(join(outDir, 'report.html'));
    }, 300_000);

    afterAll(async () => {
      await watch?.page.close();
    });

    it('lists one row per form (a failed file one row)', async () => {
      expect(inputCount).toBeGreaterThan(0);
      const summary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8')) as { inputs: Array<{ forms: unknown[] }> };
      expect(summary.inputs).toHaveLength(inputCount);
      expect(rowCount).toBeGreaterThan(inputCount); // the multi-form fixtures
      expect(await watch.page.locator('#batch tbody tr[data-target]').count()).toBe(rowCount);
      expect(await watch.page.locator('#shown').textContent()).toBe(`显示 ${rowCount} / ${rowCount} 行`);
      // each row links to its own file section
      const linked = await watch.page.$$eval('#batch tbody tr[data-target]', (rows) =>
        rows.filter((row) => document.getElementById(row.getAttribute('data-target') ?? '')?.matches('details.file')).length,
      );
      expect(linked).toBe(rowCount);
      expect(await watch.page.locator('details.file').count()).toBe(inputCount);
    });

    it('sorts by the errors column, both ways', async () => {
      const { page } = watch;
      await clickHeader(page, '错误');
      const up = (await visibleRows(page)).map((cells) => Number(cells[5]));
      expect(up).toEqual([...up].sort((a, b) => a - b));
      await clickHeader(page, '错误');
      const down = (await visibleRows(page)).map((cells) => Number(cells[5]));
      expect(down).toEqual([...up].sort((a, b) => b - a));
      expect(await page.locator('#batch thead th', { hasText: '错误' }).getAttribute('aria-sort')).toBe('descending');
    });

    it('hides rows by status and brings them back', async () => {
      const { page } = watch;
      const statuses = (await visibleRows(page)).map((cells) => cells[4]);
      const discrepant = statuses.filter((s) => s === '1').length;
      expect(discrepant, 'the fixtures hold forms with discrepancies').toBeGreaterThan(0);
      await page.selectOption('#filter-status', 'discrepancies');
      const shown = await visibleRows(page);
      expect(shown).toHaveLength(discrepant);
      expect(shown.every((cells) => cells[4] === '1')).toBe(true);
      expect(await page.locator('#batch tbody tr[data-target]:not([hidden])').count()).toBe(discrepant);
      await page.selectOption('#filter-status', '');
      expect(await visibleRows(page)).toHaveLength(rowCount);
    });

    it('opens a form with findings from its row and shows them', async () => {
      const { page } = watch;
      const row = page.locator('#batch tbody tr[data-target]', { has: page.locator('td.errors:not(.zero)') }).first();
      const target = await row.getAttribute('data-target');
      const section = page.locator(`details#${target}`);
      const finding = section.locator('.finding').first();
      expect(await finding.isVisible()).toBe(false);
      await row.locator('td').nth(1).click(); // the row, not its link
      await finding.waitFor({ state: 'visible' });
      expect(await section.getAttribute('open')).not.toBeNull();
      expect(await section.locator('.finding.sev-error').count()).toBeGreaterThan(0);
      expect((await section.locator('.finding .msg').first().textContent())?.length).toBeGreaterThan(0);
    });

    it('shows script and img payloads of the xss fixture as text', async () => {
      const { page } = watch;
      const row = page.locator('#batch tbody tr[data-target]', { has: page.locator('td.file', { hasText: /docx\/[^/]*(xss|script)[^/]*$/i }) });
      expect(await row.count(), 'a fixture named *xss* or *script* in fixtures/docx').toBe(1);
      await row.locator('td.file a').click();
      const section = page.locator(`details#${await row.getAttribute('data-target')}`);
      await section.locator('.file-body').waitFor({ state: 'visible' });
      // the fixture's payloads sit in indicator names and goals: unfold them
      for (const more of await section.locator('details.more > summary').all()) await more.click();
      const text = `${await row.innerText()}\n${await section.innerText()}`;
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('<img src=x onerror=alert(1)>');
      expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
      expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    });

    it('raised no console error, page error or dialog and made no request off file://', () => {
      expect(watch.problems).toEqual([]);
    });
  });

  describe('a page rendered from hand-built reports', () => {
    let watch: Watch;

    beforeAll(async () => {
      const file = join(workDir, 'sample.html');
      writeFileSync(file, renderSamplePage());
      watch = await openPage(file);
    });

    afterAll(async () => {
      await watch?.page.close();
    });

    it('lists one row per input and sorts by year, ties in input order', async () => {
      const { page } = watch;
      expect(await page.locator('#batch tbody tr[data-target]').count()).toBe(6);
      await clickHeader(page, '年度');
      expect((await visibleRows(page)).map((cells) => cells[3])).toEqual(['-1', '-1', '2021', '2022', '2022', '2022']);
      await clickHeader(page, '年度');
      const files = await page.$$eval('#batch tbody tr[data-target] td.file a', (links) => links.map((a) => a.textContent));
      // descending by year; equal years keep the input order
      expect(files).toEqual([
        '岳麓区/2022-yuelu.docx',
        `芙蓉区/${SCRIPT_PAYLOAD}.docx`,
        '开福区/项目支出自评表.pdf',
        '天心区/2021-tianxin.docx',
        '雨花区/封面.doc',
        '望城区/missing.docx',
      ]);
    });

    it('filters by status and by severity, hiding rows, sections and findings', async () => {
      const { page } = watch;
      await page.selectOption('#filter-status', 'failed');
      expect((await visibleRows(page)).map((cells) => cells[0])).toEqual(['雨花区/封面.doc', '望城区/missing.docx']);
      expect(await page.locator('#shown').textContent()).toBe('显示 2 / 6 行');
      expect(await page.locator('details.file:not([hidden])').count()).toBe(2);
      await page.selectOption('#filter-status', 'ok');
      await page.selectOption('#filter-severity', 'error');
      expect(await visibleRows(page)).toEqual([]);
      expect(await page.locator('tr.empty-row').isVisible()).toBe(true);
      await page.selectOption('#filter-status', '');
      await page.selectOption('#filter-severity', 'warning');
      expect((await visibleRows(page)).map((cells) => cells[0])).toEqual(['岳麓区/2022-yuelu.docx']);
      await page.click('#expand-all');
      expect(await page.locator('details.file:not([hidden])').count()).toBe(1);
      const seed = page.locator(`details#${await page.locator('details.file:not([hidden])').getAttribute('id')}`);
      expect(await seed.locator('.finding:not([hidden])').count()).toBe(1);
      expect(await seed.locator('.finding:not([hidden]) .badge').textContent()).toBe('警告');
      await page.selectOption('#filter-severity', '');
      expect(await seed.locator('.finding:not([hidden])').count()).toBe(3);
      await page.click('#collapse-all');
    });

    it('opens a file from its link and shows its findings beside the highlighted cells', async () => {
      const { page } = watch;
      const section = page.locator('details.file').first();
      expect(await section.locator('.finding').first().isVisible()).toBe(false);
      await page.locator('#batch td.file a', { hasText: '岳麓区/2022-yuelu.docx' }).click();
      await section.locator('.finding').first().waitFor({ state: 'visible' });
      expect(await section.locator('.finding .locs li').allTextContents()).toContain('资金结构·基本支出·全年执行数：表1 第8行 第5列 原文“1155.05”');
      const cell = section.locator('td[data-field="funds.uses.basic.actual"]');
      expect(await cell.isVisible()).toBe(true);
      expect(await cell.getAttribute('class')).toContain('hl-error');
    });

    it('shows the script and img payloads as text and runs neither', async () => {
      const { page } = watch;
      const row = page.locator('#batch tbody tr[data-target]').nth(1);
      expect(await row.locator('td.file a').textContent()).toBe(`芙蓉区/${SCRIPT_PAYLOAD}.docx`);
      expect(await row.locator('td').nth(2).textContent()).toBe(IMG_PAYLOAD);
      await row.locator('td.file a').click();
      const section = page.locator(`details#${await row.getAttribute('data-target')}`);
      await section.locator('.finding').waitFor({ state: 'visible' });
      expect(await section.locator('.finding .locs li').textContent()).toBe(`表1 第4行 第4列 原文“${SCRIPT_PAYLOAD}”`);
      await section.locator('details.more > summary').click();
      const names = section.locator('table.indicators.full tbody tr td.label');
      await names.first().waitFor({ state: 'visible' });
      expect(await names.nth(2).innerText()).toBe(SCRIPT_PAYLOAD);
      expect(await section.locator('table.goals td').first().innerText()).toBe(IMG_PAYLOAD);
      expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
      expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    });

    it('raised no console error, page error or dialog and made no request off file://', () => {
      expect(watch.problems).toEqual([]);
    });
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}
