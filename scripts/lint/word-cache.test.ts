import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diskWordStore } from './word-cache.ts';
import { readWordFile } from './word-file.ts';

const file = 'content/words.yaml';
const words = ['entries:', '  - term: 竞品咖啡', '    category: 竞品', '    severity: warning', '  - 刷单返利', '  - 好', 'allow:', '  - 刷单返利是违法的', ''].join('\n');

let copies = 0;
/** The list under a new path each time: the in-process memo is by path, so only the store can know it. */
async function read(root: string, text = words) {
  const path = join(root, `words-${copies++}.yaml`);
  await writeFile(path, text);
  return readWordFile(path, file, '团队词表', diskWordStore(root));
}

const stored = async (root: string) => join(root, '.cache/mpdesk/word-lists', (await readdir(join(root, '.cache/mpdesk/word-lists')))[0]!);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('word lists kept on disk', () => {
  it('give back exactly what parsing gives, entries, allow phrases and findings with their positions', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-words-'));
    const first = await read(root);
    expect(first.findings.map((f) => [f.ruleId, f.line, f.field])).toEqual([['lint/word-too-short', 6, 'entries[2]']]);
    const again = await read(root);
    expect(again).toEqual(first);
    expect(again.list.entries.map((e) => [e.term, e.severity])).toEqual([['竞品咖啡', 'warning'], ['刷单返利', 'error'], ['好', 'error']]);
  });

  it('are parsed again when the list’s bytes change', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-words-'));
    await read(root);
    const changed = await read(root, words.replace('竞品咖啡', '隔壁咖啡'));
    expect(changed.list.entries[0]!.term).toBe('隔壁咖啡');
  });

  it('that are corrupt or edited on disk are not trusted: one notice, and the list is parsed again', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-words-'));
    const first = await read(root);
    const path = await stored(root);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // Valid JSON of the right shape, one severity changed: the record's sum no longer matches.
    await writeFile(path, (await readFile(path, 'utf8')).replace('"severity":"warning"', '"severity":"error"'));
    expect(await read(root)).toEqual(first);
    await writeFile(path, (await readFile(path, 'utf8')).slice(0, 100));
    expect(await read(root)).toEqual(first);
    // An older mpdesk's cache, plain JSON, is not used, and nothing is said about it.
    await writeFile(path, JSON.stringify({ key: 'older', value: {} }));
    expect(await read(root)).toEqual(first);
    const said = stderr.mock.calls.map(([text]) => String(text));
    expect(said.filter((text) => text.includes('词表缓存')).length).toBe(2);
    expect(said[0]).toMatch(/^mpdesk: 注意：词表缓存 .*已损坏，已丢弃并重新读取 content\/words\.yaml。/);
  });

  it('are one file per list, rewritten in place when the list changes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-words-'));
    await read(root);
    await read(root, `${words}  - 再加一条说明\n`);
    expect(await readdir(join(root, '.cache/mpdesk/word-lists'))).toHaveLength(1);
  });
});
