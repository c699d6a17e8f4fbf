import * as fs from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadContent } from '../content/index.ts';
import { accountYaml, article, makeRepo } from '../testing/fixture-repo.ts';
import { lintContent } from './index.ts';

const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

const path = 'content/shanye/articles/2026/shouchong/index.md';

describe('lint --fix when the file cannot be written back', () => {
  it('says so in Chinese, naming the file, and leaves it unchanged', async () => {
    const root = await makeRepo({ 'content/shanye/account.yaml': accountYaml, [path]: article('title: 手冲\nstatus: draft', '太好喝了!!!\n') });
    const before = await readFile(join(root, path), 'utf8');
    // Only the article's own write fails: mpdesk's records in .cache/ are written as usual.
    vi.mocked(fs.rename).mockImplementation(async (from, to) => {
      if (String(to) === join(root, path)) throw Object.assign(new Error(`EPERM: operation not permitted, rename '${join(root, path)}'`), { code: 'EPERM' });
      return real.rename(from, to);
    });
    const { findings, fixed, failed } = await lintContent(await loadContent(root), { fix: true });
    expect(failed).toBe(true);
    expect(fixed).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'lint/internal-error').map((f) => f.message)).toEqual([
      `修正后写回 ${path} 失败：系统不允许这个操作：权限不足，或文件被设为不可修改（EPERM）。文件没有改动。`,
    ]);
    expect(findings.some((f) => /operation not permitted/.test(f.message))).toBe(false);
    expect(await readFile(join(root, path), 'utf8')).toBe(before);
  });
});
