import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDir } from './make-dir.ts';

describe('makeDir', () => {
  it('makes every missing level', () => {
    const root = mkdtempSync(join(tmpdir(), 'mpdesk-dir-'));
    makeDir(join(root, '预览', 'images'));
    makeDir(join(root, '预览', 'images'));
    expect(existsSync(join(root, '预览', 'images'))).toBe(true);
  });

  it('fails at once where a folder refuses children, instead of spinning (Node’s recursive mkdir under /proc)', () => {
    const started = performance.now();
    expect(() => makeDir('/proc/mpdesk-out/images')).toThrow(/ENOENT|EACCES|EPERM/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
