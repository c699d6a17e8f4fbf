import { describe, expect, it, vi } from 'vitest';
import { articleFile, siteRepo } from './fixture.test-helper.ts';

let version = 'mpdesk A';
vi.mock('../shared/tool-hash.ts', async (original) => ({ ...(await original<typeof import('../shared/tool-hash.ts')>()), toolHash: () => version }));

describe('results of another version of mpdesk', () => {
  it('are not reused: the tool hash is part of the build and image cache keys', async () => {
    const { buildSite } = await import('./index.ts');
    const root = await siteRepo();
    await buildSite({ root });
    expect(await buildSite({ root })).toMatchObject({ rendered: [], unchanged: [articleFile] });
    version = 'mpdesk B';
    expect(await buildSite({ root })).toMatchObject({ rendered: [articleFile], unchanged: [] });
    const { readdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    // Two versions, two sets of processed images (a body image and a cover record each).
    expect((await readdir(join(root, '.cache/mpdesk/images'))).filter((name) => name.endsWith('.json'))).toHaveLength(4);
  });
});
