import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import postcss from 'postcss';
import postcssCustomProperties from 'postcss-custom-properties';

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
 * `styles/base.css` plus the theme's CSS, with the account's brand colours and `styles/accounts/<account>.css` applied and every
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
  const baseFile = join(root, 'styles', 'base.css');
  const themeFile = join(root, 'styles', 'themes', `${theme}.css`);
  let css: string;
  try {
    css = `${await readFile(baseFile, 'utf8')}\n${await readFile(themeFile, 'utf8')}`;
  } catch {
    return { ok: false, message: `排版主题“${theme}”不存在：缺少 styles/themes/${theme}.css（或 styles/base.css）。` };
  }
  const files = [baseFile, themeFile];
  const brandVars = [brand?.primary && `--mp-primary: ${brand.primary};`, brand?.accent && `--mp-accent: ${brand.accent};`].filter(Boolean);
  if (brandVars.length) css += `\n:root { ${brandVars.join(' ')} }\n`;
  const overrideFile = join(root, 'styles', 'accounts', `${account}.css`);
  const override = await readFile(overrideFile, 'utf8').catch(() => undefined);
  if (override !== undefined) {
    css += `\n${override}`;
    files.push(overrideFile);
  }
  const resolved = await postcss([postcssCustomProperties({ preserve: false })]).process(css, { from: undefined });
  resolved.root.walkRules(':root', (rule) => void rule.remove());
  return { ok: true, css: resolved.root.toString(), files };
}
