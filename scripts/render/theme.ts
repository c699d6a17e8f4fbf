import { readFile } from 'node:fs/promises';
import postcss from 'postcss';
import postcssCustomProperties from 'postcss-custom-properties';
import { themeFiles } from '../content/index.ts';

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

async function buildTheme(root: string, { theme, account, brand }: ThemeRequest): Promise<ThemeResult> {
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
  const resolved = await postcss([postcssCustomProperties({ preserve: false })]).process(css, { from: undefined });
  resolved.root.walkRules(':root', (rule) => void rule.remove());
  return { ok: true, css: resolved.root.toString(), files };
}
