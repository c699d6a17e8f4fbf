import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeError } from './write-error.ts';

/**
 * `mkdir -p` (a failure is a WriteError in Chinese), one level at a time from the nearest folder that exists. Node's own recursive mkdir spins forever
 * where a folder refuses children with ENOENT (anything under /proc), which would hang a command given such a path.
 */
export function makeDir(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !exists(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // EEXIST is fine when another process made the folder meanwhile, not when a file has the name.
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST') || !exists(folder)) throw writeError(error, folder, 'mkdir');
    }
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
