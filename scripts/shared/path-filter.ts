import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

export type PathFilter = (file: string) => boolean;

/**
 * A predicate over repository-relative files for the paths a user typed (files or folders, relative to `cwd`).
 * Throws a UsageError for a path that does not exist, lies outside the repository or is not content: a folder
 * must be the repository, `content/` or a folder in it, a file one that `isContentFile` knows.
 */
export function pathFilter(root: string, cwd: string, paths: readonly string[], isContentFile: (file: string) => boolean = () => true): PathFilter {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((input) => {
    const rel = contentPath(root, cwd, input);
    if (!statSync(resolve(cwd, input)).isDirectory() && !isContentFile(rel)) {
      throw new UsageError(`${input} 不是内容文件：应为 content/<账号>/ 下的 account.yaml、plans/<YYYY-MM>.md 或 articles/<年份>/<slug>/index.md（图片随文章一起检查）。`);
    }
    return rel;
  });
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}

/**
 * A path the user typed as a repository-relative one (`''` for the repository itself). It is read from `cwd`, the
 * folder they stand in, as every path argument is, with `--root` or without; a UsageError says why it cannot be
 * content (missing, outside the repository, outside `content/`), and where a missing one would be from the root.
 */
export function contentPath(root: string, cwd: string, input: string): string {
  const absolute = resolve(cwd, input);
  if (!existsSync(absolute)) {
    const fromRoot = resolve(root, input);
    const hint = fromRoot !== absolute && existsSync(fromRoot) ? `（路径从当前目录读起；这里应写 ${relative(cwd, fromRoot)}）` : '';
    throw new UsageError(`路径不存在：${input}${hint}`);
  }
  const rel = relative(root, absolute).split(sep).join('/');
  if (rel === '..' || rel.startsWith('../') || rel.startsWith('/')) throw new UsageError(`路径不在仓库 ${root} 内：${input}`);
  if (rel !== '' && rel !== 'content' && !rel.startsWith('content/')) {
    throw new UsageError(`${input} 不是内容：mpdesk 只检查 content/<账号>/ 下的 account.yaml、plans/<YYYY-MM>.md 和 articles/<年份>/<slug>/index.md。`);
  }
  return rel;
}

/** A mistake in how the command was called: exit code 2 and a one-line message, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
