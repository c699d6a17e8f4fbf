import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { serveFolder } from '../testing/static-server.ts';

const executablePath = '/usr/bin/chromium';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// CI installs Chromium (.ci/run); on a developer machine without it the suite is skipped, never silently in CI.
const skip = !existsSync(executablePath) && !process.env.CI;

describe.skipIf(skip)('preview page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let fragment: string;

  beforeAll(async () => {
    const out = await mkdtemp(join(tmpdir(), 'mpdesk-preview-'));
    const built = await runCli(['build', '--out', out], repoRoot);
    expect(built.code).toBe(0);
    fragment = await readFile(join(out, 'qinghe-tea/dongri-pao-cha/article.html'), 'utf8');
    server = await serveFolder(out);
    browser = await chromium.launch({
      executablePath,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    // Record exactly what the page hands to the clipboard; Chrome's clipboard.read() sanitises HTML on the way out.
    await page.addInitScript(() => {
      const write = navigator.clipboard.write.bind(navigator.clipboard);
      navigator.clipboard.write = async (items: ClipboardItem[]) => {
        const html = await (await items[0]!.getType('text/html')).text();
        (window as unknown as { copied: string }).copied = html;
        return write(items);
      };
    });
    await page.goto(`${server.url}/qinghe-tea/dongri-pao-cha/preview.html`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the article in a phone-width frame, nothing wider than it but scrolling blocks, every image loaded', async () => {
    const frame = await page.locator('#phone').boundingBox();
    expect(frame?.width).toBe(390);
    const overflow = await page.evaluate(() => {
      const phone = document.getElementById('phone')!.getBoundingClientRect();
      const wide: string[] = [];
      for (const element of Array.from(document.querySelectorAll<HTMLElement>('#article *'))) {
        let scroller = element.parentElement;
        while (scroller && getComputedStyle(scroller).overflowX !== 'auto') scroller = scroller.parentElement;
        if (scroller && scroller.closest('#article')) continue;
        const box = element.getBoundingClientRect();
        if (box.right > phone.right + 0.5 || box.left < phone.left - 0.5) wide.push(`${element.tagName} ${Math.round(box.width)}px`);
      }
      return wide;
    });
    expect(overflow).toEqual([]);
    const images = await page.evaluate(() => Array.from(document.querySelectorAll('#article img')).map((img) => (img as HTMLImageElement).naturalWidth));
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((width) => width > 0)).toBe(true);
  });

  it('copies exactly article.html as rich HTML', async () => {
    await page.click('#copy');
    await expect.poll(() => page.textContent('#status')).toContain('已复制');
    expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(fragment);
    const clipboard = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item!.getType('text/html')).text();
    });
    expect(clipboard).toContain('冬天该喝什么茶');
    expect(clipboard).toContain('style="');
  });
});
