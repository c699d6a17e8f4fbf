import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('the sample report', { timeout: 60_000 }, () => {
  it('is what mpdesk report gives for the committed sample snapshots, byte for byte', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-sample-report-'));
    await cp(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
    await cp(join(repoRoot, 'reports/qinghe-tea/metrics'), join(root, 'reports/qinghe-tea/metrics'), { recursive: true });
    const result = await runCli(['report', 'monthly', '--account', 'qinghe-tea', '--period', '2026-11', '--root', root], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const charts = (await readdir(join(repoRoot, 'reports/qinghe-tea/2026-11'))).sort();
    expect((await readdir(join(root, 'reports/qinghe-tea/2026-11'))).sort()).toEqual(charts);
    for (const file of ['2026-11.md', '2026-11.html', ...charts.map((name) => `2026-11/${name}`)]) {
      expect(await readFile(join(root, 'reports/qinghe-tea', file), 'utf8'), file).toBe(await readFile(join(repoRoot, 'reports/qinghe-tea', file), 'utf8'));
    }
  });
});
