import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isMainThread } from 'node:worker_threads';
import { onExit } from 'signal-exit';
import { makeDir } from './make-dir.ts';
import { isRunning } from './process-alive.ts';
import { writeError } from './write-error.ts';

/**
 * Temporary files are named `.<name>.<pid>-<random>.tmp`: hidden, ignored by `*.tmp` in .gitignore, and carrying
 * the writer's process id, so a later run can tell one left by a killed process from one being written.
 */
const tempPattern = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;
/** What versions before the process id wrote: `.<name>.<random>.tmp`. */
const oldTempPattern = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** A write takes milliseconds: a temporary file this old was left behind, whatever process id it names (ids are reused). */
const staleAfterMs = 5 * 60_000;

/**
 * Whether a file name is one of these temporary files, of this version or an older one. Everything that lists
 * folders a write can leave them in (content discovery, input and tool hashes, clean-up) asks here.
 */
export function isTempName(name: string): boolean {
  return tempPattern.test(name) || oldTempPattern.test(name);
}

/**
 * Temporary files this thread is writing now: removed if the process is interrupted (SIGINT, SIGTERM, exit). Signals
 * reach only the main thread; what a worker thread leaves is removed by the next run (`removeStaleTempFiles`).
 */
const pending = new Set<string>();
let cleanupInstalled = !isMainThread;

/** Folders this thread has written to, whose stale temporary files are already removed. */
const swept = new Set<string>();

function tempFor(path: string): string {
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    onExit(() => {
      for (const temp of pending) rmSync(temp, { force: true });
    });
  }
  // The first write into a folder also takes out what a killed writer left there (`render -o`, `new article` too).
  const folder = dirname(path);
  if (!swept.has(folder)) {
    swept.add(folder);
    removeStale(folder, false);
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  pending.add(temp);
  return temp;
}

/**
 * Writes through a temporary file in the same folder and renames it, so a crash never leaves half a file. A failure
 * is a WriteError naming `path` in Chinese. `mode` (0o600 for a token) is the file's from its first byte on.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  makeDir(dirname(path));
  const temp = tempFor(path);
  try {
    await writeFile(temp, data, options.mode === undefined ? {} : { mode: options.mode });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeError(error, path);
  } finally {
    pending.delete(temp);
  }
}

/**
 * `writeFileAtomic` in this thread: for many small files written by threads that are busy anyway (a build), where
 * a round trip through libuv's thread pool costs more than the write.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  makeDir(dirname(path));
  const temp = tempFor(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw writeError(error, path);
  } finally {
    pending.delete(temp);
  }
}

/**
 * Removes the temporary files that a killed process left under `folders` (SIGKILL, a crash, power loss): ours whose
 * process is gone, and any more than a few minutes old. Returns their paths.
 */
export function removeStaleTempFiles(folders: readonly string[]): string[] {
  return folders.flatMap((folder) => removeStale(folder, true));
}

function removeStale(folder: string, recursive: boolean): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { recursive, withFileTypes: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !isTempName(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const pid = entry.name.match(tempPattern)?.[1];
    const stale = (pid !== undefined && !isRunning(Number(pid))) || ageMs(path) > staleAfterMs;
    if (!stale || pending.has(path)) continue;
    try {
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Not ours to remove (permissions): it harms nothing where it is, and every listing skips it.
    }
  }
  return removed;
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
