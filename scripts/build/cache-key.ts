import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** A hash of the renderer's own code and the themes, so a change to either renders everything again. */
export async function rendererFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  const renderDir = new URL('../render/', import.meta.url);
  const files = (await readdir(renderDir, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  for (const file of files) hash.update(file).update(await readFile(new URL(file, renderDir)));
  const stylesDir = join(root, 'styles');
  const styles = (await readdir(stylesDir, { recursive: true }).catch(() => [] as string[])).filter((f) => f.endsWith('.css')).sort();
  for (const file of styles) hash.update(file).update(await readFile(join(stylesDir, file)));
  return hash.digest('hex');
}

/**
 * What an article's output depends on: its text, its account, the renderer, and the files it can reference
 * (everything in its folder, plus relative paths written in the text), by size and modification time.
 */
export async function articleKey(renderer: string, articlePath: string, articleText: string, accountText: string): Promise<string> {
  const hash = createHash('sha256').update(renderer).update('\0').update(articleText).update('\0').update(accountText);
  const dir = dirname(articlePath);
  const referenced = new Set((await readdir(dir, { recursive: true })).map((name) => join(dir, name)));
  for (const match of articleText.matchAll(/(?:\]\(|src=["']|cover:\s*)(\.\.?\/[^)\s"']+)/g)) referenced.add(resolve(dir, match[1]!));
  for (const path of [...referenced].sort()) {
    const info = await stat(path).catch(() => undefined);
    hash.update(`\0${path}:${info ? `${info.size}:${info.mtimeMs}` : 'missing'}`);
  }
  return hash.digest('hex');
}
