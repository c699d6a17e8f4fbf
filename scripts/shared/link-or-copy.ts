import { copyFileSync, linkSync } from 'node:fs';

/**
 * Puts a file of the image cache at `to`, which must not exist, as a hard link: creating hundreds of image files
 * was a fifth of a cold build's work, and a link writes no data. Safe because the cache never writes a file in
 * place (a new version is renamed over it) and checks each file's hash before it is used again, so a linked copy
 * edited in place is found and made again. Copies wherever a link cannot be made: another file system, one without
 * links (FAT and exFAT, where Windows reports EISDIR), too many links; a file already at `to` is an error.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') throw error;
    copyFileSync(from, to);
  }
}
