import { copyFileSync, linkSync } from 'node:fs';

/** Why a hard link could not be made where a copy can: another file system, one without links, too many links. */
const copyInstead = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);

/**
 * Puts a file of the image cache at `to`, which must not exist, as a hard link: creating hundreds of image files
 * was a fifth of a cold build's work, and a link writes no data. Safe because the cache never writes a file in
 * place (a new version is renamed over it) and checks each file's hash before a later run uses it, so a linked
 * copy edited in place is found there and made again. Copies where links cannot be made.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (typeof code !== 'string' || !copyInstead.has(code)) throw error;
    copyFileSync(from, to);
  }
}
