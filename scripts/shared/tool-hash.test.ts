import { mkdir, mkdtemp, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolHash, treeHash } from './tool-hash.ts';

describe('the tool hash', () => {
  it('follows file contents, not sizes and times, and ignores tests', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-tool-'));
    await mkdir(join(root, 'scripts/render'), { recursive: true });
    await writeFile(join(root, 'scripts/render/images.ts'), 'const quality = 82;\n');
    await writeFile(join(root, 'package-lock.json'), '{}\n');
    const first = treeHash(root, ['scripts', 'styles'], ['package-lock.json']);

    // Same size, same time, other bytes: what a fresh clone or an edit-and-restore-time can give.
    const { mtime } = await stat(join(root, 'scripts/render/images.ts'));
    await writeFile(join(root, 'scripts/render/images.ts'), 'const quality = 70;\n');
    await utimes(join(root, 'scripts/render/images.ts'), mtime, mtime);
    const edited = treeHash(root, ['scripts', 'styles'], ['package-lock.json']);
    expect(edited).not.toBe(first);

    await writeFile(join(root, 'scripts/render/images.test.ts'), 'test');
    expect(treeHash(root, ['scripts', 'styles'], ['package-lock.json'])).toBe(edited);
    await writeFile(join(root, 'package-lock.json'), '{"a":1}\n');
    expect(treeHash(root, ['scripts', 'styles'], ['package-lock.json'])).not.toBe(edited);
  });

  it('is computed once per thread and cheaply', () => {
    const started = performance.now();
    const hash = toolHash();
    const ms = performance.now() - started;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(toolHash()).toBe(hash);
    expect(ms).toBeLessThan(500);
  });
});
