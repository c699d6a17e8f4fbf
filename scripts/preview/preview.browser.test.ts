/// <reference lib="dom" />
// The callbacks given to page.evaluate run inside Chromium, so this file needs the DOM types.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, hasChromium, inCi, launchChromium } from '../testing/chromium.ts';
import { saveAndSee } from '../testing/save-to-screen.ts';
import { sampleArticle, sampleRepo, watchedPreview, type WatchedPreview } from './fixture.test-helper.ts';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// Skipped only on a developer machine without Chromium; in CI a missing browser fails loudly in beforeAll.
describe.skipIf(!hasChromium && !inCi)('mpdesk preview in Chromium', () => {
  let root: string;
  let original: string;
  let watched: WatchedPreview | undefined;
  let browser: Browser | undefined;
  const path = () => join(root, sampleArticle);

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium is not installed at ${chromiumPath}, and CI must have it. .ci/run installs Debian's "chromium" package when it is missing: see its output for why that failed.`);
    root = await sampleRepo();
    original = await readFile(join(root, sampleArticle), 'utf8');
    watched = await watchedPreview(root, sampleArticle);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await watched?.preview.close();
  });

  /** The article's preview, once it listens for saves (its panel says so). */
  const open = async (width: number): Promise<Page> => {
    const page = await browser!.newPage({ viewport: { width, height: 900 } });
    await page.goto(watched!.preview.url);
    await page.getByText('● 保存后自动刷新').waitFor();
    return page;
  };

  it('shows each save in the open page by itself, a fraction of a second after the write', async () => {
    const page = await open(1280);
    const times: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const marker = `第 ${i} 次保存时补记：水温再低两度，茶汤更柔和。`;
      times.push(await saveAndSee(page, path(), `${original}\n${marker}\n`, marker));
      expect(await page.locator('#article').innerText()).toContain(marker);
    }
    // The figure itself comes from `npm run bench -- --only preview` on an idle machine; a test shares the cores.
    times.sort((a, b) => a - b);
    expect(times[2]).toBeGreaterThan(0);
    expect(times[2]).toBeLessThan(2000);
    await page.close();
  });

  it('shows a breaking save’s error in place of the article, and the article again after the fix', async () => {
    const page = await open(1280);
    await writeFile(path(), original.replace('---\n', '---\ntitle: [冬天\n'));
    await page.getByText('这篇文章现在无法预览').waitFor();
    const item = page.locator('#mpdesk-panel li.error').first();
    expect(await item.innerText()).toMatch(/^错误content\/qinghe-tea\/articles\/2026\/dongri-pao-cha\/index\.md:2:8 · schema\/yaml-syntax\n+YAML 语法错误/);
    expect(await page.locator('#article').count()).toBe(0);
    await writeFile(path(), original);
    await page.locator('#article').waitFor();
    expect(await page.locator('#mpdesk-panel h2').innerText()).toMatch(/^检查结果：0 个错误/);
    await page.close();
  });

  it('puts the findings beside the article on a desktop and below it on a phone, with nothing scrolling sideways', async () => {
    const boxes = async (page: Page) =>
      page.evaluate(() => {
        const box = (selector: string): Box => {
          const { left, right, top, bottom } = document.querySelector(selector)!.getBoundingClientRect();
          return { left, right, top, bottom };
        };
        return { phone: box('#phone'), panel: box('#mpdesk-panel'), scrollWidth: document.documentElement.scrollWidth, width: innerWidth };
      });
    const desktop = await open(1280);
    const wide = await boxes(desktop);
    expect(wide.panel.left).toBeGreaterThanOrEqual(wide.phone.right);
    expect(wide.panel.top).toBeLessThan(wide.phone.bottom);
    expect(wide.scrollWidth).toBe(wide.width);
    const phone = await open(375);
    const narrow = await boxes(phone);
    expect(narrow.panel.top).toBeGreaterThanOrEqual(narrow.phone.bottom);
    expect(narrow.scrollWidth).toBe(narrow.width);
    await desktop.close();
    await phone.close();
  });

  it('reloads the front page when a save changes what it shows (a title)', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${watched!.preview.origin}/`);
    const title = '冬天喝什么茶？六大茶类的温与凉';
    await writeFile(path(), original.replace(/^title: .*$/m, `title: ${title}`));
    await page.getByText(title).first().waitFor();
    await writeFile(path(), original);
    await page.getByText('冬天喝什么茶？六大茶类的温凉与选择').first().waitFor();
    await page.close();
  });
});
