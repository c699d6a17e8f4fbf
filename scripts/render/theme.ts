import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { themeFiles } from '../content/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { notice, unsavedCacheNotice } from '../shared/notice.ts';
import { sealText, unsealText } from '../shared/seal.ts';
import { toolHash } from '../shared/tool-hash.ts';
import { writeError } from '../shared/write-error.ts';

export interface Brand {
  primary?: string;
  accent?: string;
}

export interface ThemeRequest {
  theme: string;
  account: string;
  brand?: Brand;
}

export type ThemeResult = { ok: true; css: string; files: string[] } | { ok: false; message: string };

const cache = new Map<string, Promise<ThemeResult>>();

/**
 * `styles/base.css` plus the theme's CSS (found by the content stage's `themeFiles`, so validate and the build agree),
 * with the account's brand colours and `styles/accounts/<account>.css` applied and every
 * `var(--…)` resolved, since the WeChat editor keeps no CSS variables.
 */
export function loadTheme(root: string, request: ThemeRequest): Promise<ThemeResult> {
  const key = JSON.stringify([root, request]);
  let result = cache.get(key);
  if (!result) {
    result = buildTheme(root, request);
    cache.set(key, result);
  }
  return result;
}

async function buildTheme(root: string, request: ThemeRequest): Promise<ThemeResult> {
  const { theme, account, brand } = request;
  const found = themeFiles(root, theme, account);
  if (!found.ok) return { ok: false, message: found.message };
  const files = [found.base, found.theme, ...(found.account ? [found.account] : [])];
  let css: string;
  try {
    css = `${await readFile(found.base, 'utf8')}\n${await readFile(found.theme, 'utf8')}`;
  } catch (error) {
    return { ok: false, message: `排版主题“${theme}”无法读取：${error instanceof Error ? error.message : String(error)}` };
  }
  const brandVars = [brand?.primary && `--mp-primary: ${brand.primary};`, brand?.accent && `--mp-accent: ${brand.accent};`].filter(Boolean);
  if (brandVars.length) css += `\n:root { ${brandVars.join(' ')} }\n`;
  if (found.account) css += `\n${await readFile(found.account, 'utf8')}`;
  return { ok: true, css: await keptResolved(root, request, css), files };
}

/** Resolves the theme's `var(--…)` and drops its `:root` rules. */
async function resolveVariables(css: string): Promise<string> {
  const { default: postcss } = await import('postcss');
  const { default: postcssCustomProperties } = await import('postcss-custom-properties');
  const resolved = await postcss([postcssCustomProperties({ preserve: false })]).process(css, { from: undefined });
  resolved.root.walkRules(':root', (rule) => void rule.remove());
  return resolved.root.toString();
}

/**
 * The resolved CSS, kept in `.cache/mpdesk/themes/` (one file per theme and account, holding the hash of the tool
 * and the CSS it was made from): postcss and its plugin are some 50 modules, which a run that renders one article
 * (a rebuild, `mpdesk render`, a preview) need not load. A kept file that does not check out is made again, with a
 * notice; the cache never changes a result.
 */
async function keptResolved(root: string, request: ThemeRequest, css: string): Promise<string> {
  const key = createHash('sha256').update(toolHash()).update('\0').update(css).digest('hex');
  const name = `${createHash('sha256').update(JSON.stringify([request.theme, request.account])).digest('hex').slice(0, 16)}.css`;
  const path = join(root, '.cache', 'mpdesk', 'themes', name);
  const kept = await readFile(path, 'utf8').catch(() => undefined);
  const body = kept === undefined ? undefined : unsealText(kept);
  if (kept !== undefined && body === undefined) notice(`主题缓存 .cache/mpdesk/themes/${name} 已损坏，已丢弃并重新生成。`);
  if (body?.startsWith(`${key}\n`)) return body.slice(key.length + 1);
  const resolved = await resolveVariables(css);
  try {
    await writeFileAtomic(path, sealText(`${key}\n${resolved}`));
  } catch (error) {
    unsavedCacheNotice('主题缓存', writeError(error, path).message, '排版照常进行。');
  }
  return resolved;
}
