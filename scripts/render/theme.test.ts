import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadTheme } from './theme.ts';

const kept = (root: string) => join(root, '.cache', 'mpdesk', 'themes');
const request = { theme: 'default', account: 'qinghe-tea', brand: { primary: '#2f6b4f' } };

afterEach(() => vi.restoreAllMocks());

describe('the theme', () => {
  it('comes with every variable resolved, the brand colour in, and is kept for the next run', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-theme-'));
    const theme = await loadTheme(root, request);
    if (!theme.ok) throw new Error(theme.message);
    expect(theme.css).not.toMatch(/var\(--|:root\s*\{/);
    expect(theme.css).toContain('#2f6b4f');
    const files = await readdir(kept(root));
    expect(files).toHaveLength(1);
    // A fresh process (here: another root with the kept file) gets the same CSS from it.
    const other = await mkdtemp(join(tmpdir(), 'mpdesk-theme-'));
    await cp(join(root, '.cache'), join(other, '.cache'), { recursive: true });
    expect(await loadTheme(other, request)).toEqual(theme);
    // Another brand colour replaces the account's kept theme instead of adding one.
    const rebranded = await loadTheme(other, { ...request, brand: { primary: '#8a3b2e' } });
    expect(rebranded.ok && rebranded.css).toContain('#8a3b2e');
    expect(await readdir(kept(other))).toEqual(files);
  });

  it('makes a damaged kept theme again, and says so', async () => {
    const first = await mkdtemp(join(tmpdir(), 'mpdesk-theme-'));
    const good = await loadTheme(first, request);
    const [name] = await readdir(kept(first));
    const damaged = await mkdtemp(join(tmpdir(), 'mpdesk-theme-'));
    await cp(join(first, '.cache'), join(damaged, '.cache'), { recursive: true });
    await writeFile(join(kept(damaged), name!), 'deadbeef\n.mp-title { color: red; }');
    const said: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => said.push(String(chunk)) > 0);
    expect(await loadTheme(damaged, request)).toEqual(good);
    expect(said.join('')).toBe(`mpdesk: 注意：主题缓存 .cache/mpdesk/themes/${name} 已损坏，已丢弃并重新生成。\n`);
    expect(await readFile(join(kept(damaged), name!), 'utf8')).toBe(await readFile(join(kept(first), name!), 'utf8'));
  });
});
