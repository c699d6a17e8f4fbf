import { articleOf } from '../content/index.ts';

export type ChangeKind = 'added' | 'edited' | 'renamed' | 'deleted';

export interface ChangedFile {
  path: string;
  previousPath?: string;
  kind: ChangeKind;
}

/**
 * A commit's files as a reader wants them, by kind in the order they came: each named from its article's folder
 * (`cover.jpg`), a rename as `old → new` from where the two paths part, and a folder that moved with its files as
 * one `old-slug/ → new-slug/（index.md、cover.jpg）`.
 */
export function labelsByKind(files: readonly ChangedFile[]): Array<[ChangeKind, string[]]> {
  const byKind = new Map<ChangeKind, string[]>();
  const moves = new Map<string, string[]>();
  for (const file of files) {
    const labels = byKind.get(file.kind) ?? [];
    byKind.set(file.kind, labels);
    const move = file.previousPath === undefined ? undefined : folderMove(file.previousPath, file.path);
    if (!move) {
      labels.push(fileLabel(file.path, file.previousPath));
      continue;
    }
    // The first file of a moved folder holds the label's place; the others add their names to it.
    if (!moves.has(move)) labels.push(move);
    moves.set(move, [...(moves.get(move) ?? []), inFolder(file.path)]);
  }
  return [...byKind].map(([kind, labels]) => [kind, labels.map((label) => (moves.has(label) ? `${label}（${moves.get(label)!.join('、')}）` : label))]);
}

/** A file from its article's folder (`cover.jpg`), or the path itself outside any article. */
export function inFolder(path: string): string {
  const article = articleOf(path);
  return article ? path.slice(article.length - 'index.md'.length) : path;
}

function fileLabel(path: string, previousPath: string | undefined): string {
  if (previousPath === undefined) return inFolder(path);
  if (folderOf(previousPath) === folderOf(path)) return `${inFolder(previousPath)} → ${inFolder(path)}`;
  const [from, to] = apart(previousPath, path);
  return `${from} → ${to}`;
}

/** `old-slug/ → new-slug/` when a file kept its name and its article folder moved, else undefined. */
function folderMove(previousPath: string, path: string): string | undefined {
  const [from, to] = [folderOf(previousPath), folderOf(path)];
  if (from === undefined || to === undefined || from === to || inFolder(previousPath) !== inFolder(path)) return undefined;
  const [a, b] = apart(from, to);
  return `${a}/ → ${b}/`;
}

const folderOf = (path: string) => articleOf(path)?.slice(0, -'/index.md'.length);

/** Two paths from the first folder where they differ: `2025/a/index.md`, `2026/b/index.md`. */
function apart(a: string, b: string): [string, string] {
  const [x, y] = [a.split('/'), b.split('/')];
  let i = 0;
  while (i < x.length - 1 && i < y.length - 1 && x[i] === y[i]) i++;
  return [x.slice(i).join('/'), y.slice(i).join('/')];
}
