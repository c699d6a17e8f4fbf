import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writing } from '../shared/write-error.ts';
import type { BuildRecord } from './build-record.ts';

const remove = (dir: string) => writing(dir, () => rm(dir, { recursive: true, force: true }), 'remove');

export interface Leftovers {
  /** Every article file that still exists, built or not. */
  present: ReadonlySet<string>;
  /** `<account>/<slug>` of articles that failed in this build. */
  failedDirs: readonly string[];
}

/**
 * Takes out of the output folder, and out of the record, what no current article stands behind: folders of
 * articles that were deleted or renamed, of articles that failed (no stale preview that looks current), and any
 * other output folder the record does not claim (left from a record that was discarded).
 */
export async function removeOutputs(outDir: string, record: BuildRecord, { present, failedDirs }: Leftovers): Promise<void> {
  for (const [file, entry] of Object.entries(record.articles)) {
    if (present.has(file)) continue;
    await remove(join(outDir, entry.dir));
    delete record.articles[file];
  }
  for (const file of Object.keys(record.failed)) if (!present.has(file)) delete record.failed[file];
  const claimed = new Set(Object.values(record.articles).map((entry) => entry.dir));
  const unclaimed = new Set(failedDirs.filter((dir) => !claimed.has(dir)));
  for (const dir of outputFolders(outDir)) if (!claimed.has(dir)) unclaimed.add(dir);
  for (const dir of unclaimed) await remove(join(outDir, dir));
}

/** `<account>/<slug>` folders under `outDir` that hold a build's output (an article.html and a meta.json). */
function outputFolders(outDir: string): string[] {
  const folders: string[] = [];
  for (const account of subfolders(outDir)) {
    for (const slug of subfolders(join(outDir, account))) {
      const dir = join(outDir, account, slug);
      if (existsSync(join(dir, 'article.html')) && existsSync(join(dir, 'meta.json'))) folders.push(`${account}/${slug}`);
    }
  }
  return folders;
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && /^[a-z0-9][a-z0-9-]*$/.test(entry.name))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}
