/// <reference lib="dom" />
// The callback given to page.evaluate runs inside Chromium, so this file needs the DOM types.
import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/**
 * Saves `text` to `path` while `page` shows the preview, and resolves with the milliseconds from the write to the
 * reloaded page having the new content: the moment its document was parsed (DOMContentLoaded), as the page's own
 * clock says, once `marker` (a phrase only the new text has) is in it.
 */
export async function saveAndSee(page: Page, path: string, text: string, marker: string): Promise<number> {
  const written = performance.timeOrigin + performance.now();
  await writeFile(path, text);
  await page.getByText(marker).first().waitFor({ state: 'attached', timeout: 10_000 });
  const parsed = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    return performance.timeOrigin + (navigation instanceof PerformanceNavigationTiming ? navigation.domContentLoadedEventStart : performance.now());
  });
  return parsed - written;
}
