import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { loadContent, type ContentSet } from './index.ts';

const cache = '.cache/mpdesk/frontmatter.json';
const odd = 'content/shanye/articles/2026/odd/index.md';

/** What a stage reads of each file: its data and where each field stands. */
/** The cache file's JSON, behind the line with its sum. */
const storedJson = async (root: string) => {
  const text = await readFile(join(root, cache), 'utf8');
  return JSON.parse(text.slice(text.indexOf('\n') + 1));
};
const docs = (set: ContentSet) => [...set.accounts, ...set.plans, ...set.articles].map((f) => [f.source.file, f.doc?.data, f.doc && [...f.doc.fields]]);

async function repo() {
  // `.inf` and `-0` are numbers JSON cannot carry: such a block is parsed every time, never stored.
  return makeRepo({ ...baseFiles(), [odd]: article('title: 冬日手冲\nstatus: draft\nweight: .inf\nzero: -0\ntags:\n  - 手冲\n  - 冬天') });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the frontmatter cache', () => {
  it('gives every stage the same data and field positions as parsing does', async () => {
    const root = await repo();
    const parsed = docs(await loadContent(root));
    const stored = await storedJson(root);
    // Every plan and article block but the odd one, and account.yaml (a whole YAML file, kept the same way).
    expect(Object.keys(stored.blocks).length).toBe(parsed.filter(([file]) => file !== odd).length);
    const again = docs(await loadContent(root));
    expect(again).toEqual(parsed);
    const oddDoc = again.find(([file]) => file === odd)![1] as Record<string, unknown>;
    expect(oddDoc.weight).toBe(Infinity);
    expect(Object.is(oddDoc.zero, -0)).toBe(true);
  });

  it('that is corrupt or edited is dropped with one notice, and the content read as it is', async () => {
    const root = await repo();
    const parsed = docs(await loadContent(root));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const text = await readFile(join(root, cache), 'utf8');
    await writeFile(join(root, cache), text.replace('冬日手冲', '夏日冷萃').replace(/"title":"([^"]+)"/, '"title":"改过的标题"'));
    expect(docs(await loadContent(root))).toEqual(parsed);
    await writeFile(join(root, cache), text.slice(0, 100));
    expect(docs(await loadContent(root))).toEqual(parsed);
    const said = stderr.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('frontmatter 缓存'));
    expect(said).toEqual([expect.stringMatching(/已损坏，已丢弃并重新读取。\n$/), expect.stringMatching(/已损坏，已丢弃并重新读取。\n$/)]);
    // An older mpdesk's cache, plain JSON, is not used, and nothing is said about it.
    await writeFile(join(root, cache), JSON.stringify({ tool: 'older', blocks: {} }));
    expect(docs(await loadContent(root))).toEqual(parsed);
    await rm(join(root, cache));
    expect(docs(await loadContent(root))).toEqual(parsed);
    expect(stderr.mock.calls.filter(([line]) => String(line).includes('frontmatter 缓存'))).toHaveLength(2);
  });

  it('keeps only the blocks the content has now', async () => {
    const root = await repo();
    await loadContent(root);
    const before = Object.keys((await storedJson(root)).blocks).length;
    await rm(join(root, 'content/shanye/articles'), { recursive: true });
    await loadContent(root);
    expect(Object.keys((await storedJson(root)).blocks).length).toBeLessThan(before);
  });
});
