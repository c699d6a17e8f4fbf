import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Tree {
  /** What is under the folder but folders (files, symlinks to files, broken symlinks, FIFOs): relative, POSIX separators. */
  files: string[];
  /** Folders (not symlinked ones), relative. */
  folders: string[];
  /** Symbolic links to folders, relative: never followed, so a link to `..` cannot make the walk endless. */
  linkedFolders: string[];
}

/**
 * Everything under `dir`, sorted, without following symbolic links to folders: the one way mpdesk walks content,
 * so every command reads the same files. A missing folder is an empty tree.
 */
export async function listTree(dir: string): Promise<Tree> {
  const tree: Tree = { files: [], folders: [], linkedFolders: [] };
  let entries;
  try {
    // With file types, a recursive listing does not descend into symlinked folders. Synchronous: Node 20's
    // asynchronous recursive listing takes about six times as long (a 1,000-article tree: 95 ms against 16 ms).
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return tree;
    throw error;
  }
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const name = relative(dir, path).split(sep).join('/');
    if (entry.isDirectory()) {
      tree.folders.push(name);
      continue;
    }
    // What is not a regular file is still listed: reading it says why it cannot be read (a FIFO, a broken link).
    const linked = entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory();
    (linked ? tree.linkedFolders : tree.files).push(name);
  }
  tree.files.sort();
  tree.folders.sort();
  tree.linkedFolders.sort();
  return tree;
}
