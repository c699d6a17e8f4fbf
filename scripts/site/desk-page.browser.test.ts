/// <reference lib="dom" />
// The callbacks given to page.evaluate run inside Chromium, so this file needs the DOM types.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { serveFolder, type StaticServer } from '../testing/static-server.ts';

const chromiumPath = '/usr/bin/chromium';
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Kept after the run (gitignored); CI uploads them as an artefact. */
const screenshots = join(repoRoot, 'test-results', 'desk');
const viewports = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 375, height: 740 }],
] as const;

/** Every plan entry of the sample, as the calendar names it: `2026-12/03` (each plan's month and its entries' ids). */
async function sampleEntries(): Promise<string[]> {
  const dir = join(repoRoot, 'content/qinghe-tea/plans');
  const keys: string[] = [];
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.md'))) {
    const text = await readFile(join(dir, name), 'utf8');
    const month = /^month: "(\d{4}-\d{2})"$/m.exec(text)?.[1];
    keys.push(...[...text.matchAll(/^ {2}- id: "(\d+)"$/gm)].map((match) => `${month}/${match[1]}`));
  }
  return keys.sort();
}

/** What the page shows at its width, with every month unfolded the way a reader does it: a click on its summary. */
async function look(page: Page) {
  for (const summary of await page.locator('details.month:not([open]) > summary').all()) await summary.click();
  return page.evaluate(async () => {
    const images = Array.from(document.querySelectorAll('img'));
    for (const image of images) image.loading = 'eager';
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    const width = window.innerWidth;
    // Anything wider than the window that is not inside a box that scrolls on its own.
    const escaping = Array.from(document.querySelectorAll<HTMLElement>('main *')).filter((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || (box.left >= 0 && box.right <= width)) return false;
      for (let up = element.parentElement; up; up = up.parentElement) if (getComputedStyle(up).overflowX === 'auto') return false;
      return true;
    });
    const marks = Array.from(document.querySelectorAll<HTMLElement>('.calendar .mark[title]'));
    return {
      overflow: document.documentElement.scrollWidth - width,
      escaping: escaping.map((element) => `${element.tagName}.${element.className}`),
      links: Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]')).map((a) => a.href),
      images: images.map((image) => ({ src: image.src, natural: image.naturalWidth, shown: image.getBoundingClientRect().width })),
      entries: marks.filter((mark) => mark.getBoundingClientRect().height > 0).map((mark) => mark.title.replace('计划条目 ', '')),
      columns: Array.from(document.querySelectorAll('.column')).map((column) => column.getBoundingClientRect().left),
    };
  });
}

// As preview.browser.test.ts: skipped only on a developer machine without Chromium; in CI a missing browser fails.
describe.skipIf(!existsSync(chromiumPath) && !inCi)('the desk in Chromium, opened from the file system', () => {
  let out: string | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'mpdesk-desk-'));
    const built = await runCli(['build', '--out', out], repoRoot);
    if (built.code !== 0) throw new Error(`mpdesk build exited with ${built.code}:\n${built.stderr}${built.stdout}`);
    await mkdir(screenshots, { recursive: true });
    server = await serveFolder(out);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 45_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  for (const [name, viewport] of viewports) {
    it(`fits a ${name} (${viewport.width} px) without script: no sideways scrolling, every link and cover there, every plan entry on the calendar`, async () => {
      // No script at all: the page must work without one (the months unfold natively).
      const context = await browser!.newContext({ viewport, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(pathToFileURL(join(out!, 'index.html')).href);
        const seen = await look(page);
        await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

        expect(seen.overflow).toBeLessThanOrEqual(0);
        expect(seen.escaping).toEqual([]);
        const files = seen.links.filter((href) => href.startsWith('file:')).map((href) => fileURLToPath(href.split('#')[0]!));
        expect(files.length).toBe(seen.links.length);
        // Previews of the seven articles, and the report.
        expect(files.filter((file) => file.endsWith('/preview.html')).length).toBeGreaterThanOrEqual(7);
        expect(files).toContain(join(out!, '_reports/qinghe-tea/2026-11.html'));
        for (const file of files) expect(existsSync(file), file).toBe(true);
        expect(seen.images.length).toBeGreaterThanOrEqual(7);
        for (const image of seen.images) {
          expect(existsSync(fileURLToPath(image.src)), image.src).toBe(true);
          expect(image.natural).toBe(500);
          expect(image.shown).toBeGreaterThanOrEqual(48);
        }
        expect([...new Set(seen.entries)].sort()).toEqual(await sampleEntries());
        // A desktop shows the board's columns side by side; a phone stacks them.
        const lefts = new Set(seen.columns.map(Math.round));
        if (name === 'desktop') expect(lefts.size).toBe(seen.columns.length);
        else expect(lefts.size).toBe(1);
      } finally {
        await context.close();
      }
    });
  }

  it('the report copy opens from the file system and its links go to previews that exist', async () => {
    const context = await browser!.newContext({ viewport: viewports[1][1] });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(out!, '_reports/qinghe-tea/2026-11.html')).href);
      const links = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]')).map((a) => a.href));
      const local = links.filter((href) => href.startsWith('file:'));
      expect(local.length).toBeGreaterThan(0);
      for (const href of local) {
        expect(href).toMatch(/\/qinghe-tea\/[a-z0-9-]+\/preview\.html$/);
        expect(existsSync(fileURLToPath(href)), href).toBe(true);
      }
      expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(5);
    } finally {
      await context.close();
    }
  });

  it('serves the same over HTTP: every link of the desk answers 200', async () => {
    const context = await browser!.newContext({ viewport: viewports[0][1] });
    try {
      const page = await context.newPage();
      await page.goto(`${server!.origin}/index.html`);
      const links = await page.evaluate(() => [...Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'), (a) => a.href), ...Array.from(document.images, (image) => image.src)]);
      expect(links.length).toBeGreaterThan(14);
      for (const link of links) expect((await page.request.get(link)).status(), link).toBe(200);
    } finally {
      await context.close();
    }
  });
});
