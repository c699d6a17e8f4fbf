import * as fs from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lockRepository } from './repo-lock.ts';
import { WriteError } from './write-error.ts';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, mkdirSync: vi.fn(actual.mkdirSync) };
});

describe('a lock that cannot be made', () => {
  it('is a write error in Chinese naming the folder and the cause, not node’s English message', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-lock-'));
    const real = await vi.importActual<typeof import('node:fs')>('node:fs');
    // As in a read-only .cache/ (root ignores file modes, so the refusal is made here).
    vi.mocked(fs.mkdirSync).mockImplementation((path, options) => {
      if (String(path).endsWith('.guard')) throw Object.assign(new Error(`EACCES: permission denied, mkdir '${String(path)}'`), { code: 'EACCES' });
      return real.mkdirSync(path, options);
    });
    const taken = lockRepository(root, 'build');
    await expect(taken).rejects.toBeInstanceOf(WriteError);
    await expect(taken).rejects.toThrow(/^无法创建目录 .*build\.lock\.guard：没有权限（EACCES）。$/);
  });
});
