import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { baseFiles, makeRepo, type FixtureFiles } from '../testing/fixture-repo.ts';

const styles = fileURLToPath(new URL('../../styles', import.meta.url));
export const articleDir = 'content/shanye/articles/2026/dongtian-shouchong';
export const articleFile = `${articleDir}/index.md`;

/** The fixture repository with real images (a cover, a body image) and the themes, plus `extra` files. */
export async function siteRepo(extra: FixtureFiles = {}): Promise<string> {
  const jpeg = await sharp({ create: { width: 1800, height: 900, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const png = await sharp({ create: { width: 800, height: 600, channels: 4, background: '#fff0' } }).png().toBuffer();
  const root = await makeRepo({ ...baseFiles(), [`${articleDir}/cover.jpg`]: jpeg, [`${articleDir}/cup.png`]: png, ...extra });
  await cp(styles, join(root, 'styles'), { recursive: true });
  return root;
}

/** Every output file's bytes (base64), but the build record: it holds the output files' times, to check them cheaply. */
export async function tree(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name !== '.mpdesk-build.json');
  const out: Record<string, string> = {};
  for (const file of files) {
    const path = join(file.parentPath, file.name);
    out[path.slice(dir.length + 1)] = (await readFile(path)).toString('base64');
  }
  return out;
}
