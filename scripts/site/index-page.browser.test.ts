/// <reference lib="dom" />
// The callbacks given to page.evaluate run inside Chromium, so this file needs the DOM types.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { serveFolder, type StaticServer } from '../testing/static-server.ts';

const chromiumPath = '/usr/bin/chromium';
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// As preview.browser.test.ts: skipped only on a developer machine without Chromium.
describe.skipIf(!existsSync(chromiumPath) && !inCi)('the front page in Chromium', () => {
  let out: string | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'mpdesk-index-'));
    const built = await runCli(['build', '--out', out], repoRoot);
    if (built.code !== 0) throw new Error(`mpdesk build exited with ${built.code}:\n${built.stderr}${built.stdout}`);
    server = await serveFolder(out);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 45_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  for (const [name, viewport] of [['a laptop', { width: 1280, height: 800 }], ['a phone', { width: 375, height: 740 }]] as const) {
    it(`fits ${name}: no sideways scrolling, every cover thumbnail loads, every title links to a preview`, async () => {
      const context = await browser!.newContext({ viewport });
      try {
        const page = await context.newPage();
        await page.goto(`${server!.origin}/index.html`);
        await page.waitForLoadState('load');
        const seen = await page.evaluate(async () => {
          const images = Array.from(document.querySelectorAll('img'));
          for (const image of images) image.loading = 'eager';
          await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
          return {
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            thumbnails: images.map((image) => [image.naturalWidth, image.getBoundingClientRect().width]),
            titles: Array.from(document.querySelectorAll<HTMLAnchorElement>('a.title')).map((a) => a.getAttribute('href')),
            rows: Array.from(document.querySelectorAll('li.article')).map((li) => li.getBoundingClientRect().height),
          };
        });
        expect(seen.overflow).toBeLessThanOrEqual(0);
        expect(seen.thumbnails.length).toBe(seen.titles.length);
        for (const [natural, shown] of seen.thumbnails) {
          expect(natural).toBe(500);
          expect(shown).toBeGreaterThanOrEqual(48);
        }
        for (const href of seen.titles) expect((await page.request.get(`${server!.origin}/${href}`)).status()).toBe(200);
        // A row stays compact: cover, title, status, time and checks, not a column of loose pieces.
        for (const height of seen.rows) expect(height).toBeLessThan(name === 'a phone' ? 180 : 110);
      } finally {
        await context.close();
      }
    });
  }
});
