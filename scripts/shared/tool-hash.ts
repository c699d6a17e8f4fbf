import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTempName } from './atomic-write.ts';

/** Where mpdesk itself is installed: the folder holding `scripts/`, `styles/`, `schemas/` and the lockfile. */
const toolRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Tests change no result, so editing one keeps the caches. */
const isTest = (name: string) => /\.test(?:-[a-z]+)?\.ts$/.test(name);

/**
 * A hash of the contents of every file under `folders` (relative to `root`; a missing folder counts as empty) and
 * of `files`, by path and bytes.
 * Contents, not size and time: a fresh clone gives every file a new time, and an edit can keep the size.
 */
export function treeHash(root: string, folders: readonly string[], files: readonly string[] = []): string {
  const hash = createHash('sha256');
  const paths: string[] = [...files];
  for (const folder of folders) {
    for (const entry of listTree(join(root, folder))) {
      if (entry.isFile() && !isTest(entry.name) && !isTempName(entry.name)) paths.push(relative(root, join(entry.parentPath, entry.name)));
    }
  }
  for (const path of paths.sort()) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, path));
    } catch {
      continue;
    }
    hash.update(`${path.split(sep).join('/')}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

function listTree(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
}

let memo: string | undefined;

/**
 * The tool itself: its code, themes, schemas and locked dependencies. Part of every cache key, so results made by
 * another version of mpdesk are never reused. Computed once per thread (about 1 MB read, a few milliseconds).
 */
export function toolHash(): string {
  memo ??= treeHash(toolRoot, ['scripts', 'styles', 'schemas'], ['package-lock.json']);
  return memo;
}
