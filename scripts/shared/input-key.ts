import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isTempName } from './atomic-write.ts';

/**
 * What the result for one article depends on: the given parts (the tool's hash, account settings…), its text, and
 * the files it can reference (everything in its folder, plus relative paths written in it), by size and time.
 * Synchronous on purpose: a run keys every article, a folder listing and a few stats each, and the promise round
 * trips cost more than the calls.
 */
export function articleKey(parts: readonly string[], articlePath: string, articleText: string): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  hash.update(articleText);
  const dir = dirname(articlePath);
  const referenced = new Set(folderFiles(dir));
  // Inline `](…)`, reference definitions `[x]: …`, raw `src="…"` and the cover.
  for (const match of articleText.matchAll(/(?:\]\(|\]:[ \t]*<?|src=["']|cover:\s*)(\.\.?\/[^)\s"'>]+)/g)) referenced.add(resolve(dir, match[1]!));
  for (const path of [...referenced].sort()) {
    const info = statOf(path);
    hash.update(`\0${path}:${info ? `${info.size}:${info.mtimeMs}` : 'missing'}`);
  }
  return hash.digest('hex');
}

/** Everything under the folder but folders; a write in progress (or one a killed process left) is no input. */
function folderFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory() && !isTempName(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
