import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isTempName } from './atomic-write.ts';
import { listTree } from './list-tree.ts';

/**
 * What the result for one article depends on: the given parts (the tool's hash, account settings…), its text, and
 * the files it can reference (everything in its folder, plus relative paths written in it), by size and time.
 */
export async function articleKey(parts: readonly string[], articlePath: string, articleText: string): Promise<string> {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  hash.update(articleText);
  const dir = dirname(articlePath);
  // A write in progress (or one a killed process left) beside the article is no input of it.
  const names = (await listTree(dir).catch(() => ({ files: [] as string[] }))).files.filter((name) => !isTempName(basename(name)));
  const referenced = new Set(names.map((name) => join(dir, name)));
  // Inline `](…)`, reference definitions `[x]: …`, raw `src="…"` and the cover.
  for (const match of articleText.matchAll(/(?:\]\(|\]:[ \t]*<?|src=["']|cover:\s*)(\.\.?\/[^)\s"'>]+)/g)) referenced.add(resolve(dir, match[1]!));
  for (const path of [...referenced].sort()) {
    const info = await stat(path).catch(() => undefined);
    hash.update(`\0${path}:${info ? `${info.size}:${info.mtimeMs}` : 'missing'}`);
  }
  return hash.digest('hex');
}
