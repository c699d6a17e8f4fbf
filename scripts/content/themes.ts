import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The themes mpdesk comes with, used where the repository has none of its own (no `styles/`, or not that file). */
const builtIn = fileURLToPath(new URL('../../styles', import.meta.url));

export type ThemeFiles =
  | { ok: true; base: string; theme: string; account?: string }
  | { ok: false; message: string; available: string[] };

/**
 * Where a theme's CSS is read from: `styles/base.css` and `styles/themes/<name>.css` of the repository, each
 * falling back to mpdesk's own; `styles/accounts/<account>.css` of the repository when there is one. The one lookup
 * validate and the renderer share, so a theme validate accepts is one the build finds.
 */
export function themeFiles(root: string, theme: string, account: string): ThemeFiles {
  const find = (file: string) => [join(root, 'styles', file), join(builtIn, file)].find((path) => existsSync(path));
  const base = find('base.css');
  const css = /^[\w-]+$/.test(theme) ? find(join('themes', `${theme}.css`)) : undefined;
  if (!base || !css) {
    const available = availableThemes(root);
    const missing = base ? `styles/themes/${theme}.css` : 'styles/base.css';
    return { ok: false, available, message: `排版主题“${theme}”不可用：缺少 ${missing}。现有主题：${available.join('、') || '（无）'}。` };
  }
  const override = join(root, 'styles', 'accounts', `${account}.css`);
  return { ok: true, base, theme: css, ...(existsSync(override) ? { account: override } : {}) };
}

/** Every theme name the lookup can find, sorted. */
export function availableThemes(root: string): string[] {
  const names = [join(root, 'styles'), builtIn].flatMap((dir) => {
    try {
      return readdirSync(join(dir, 'themes')).filter((name) => name.endsWith('.css')).map((name) => name.slice(0, -4));
    } catch {
      return [];
    }
  });
  return [...new Set(names)].sort();
}
