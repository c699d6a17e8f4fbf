import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

export type PathFilter = (file: string) => boolean;

/**
 * A predicate over repository-relative files for the paths a user typed (files or folders, relative to `cwd`).
 * Throws a UsageError for a path that does not exist or lies outside the repository.
 */
export function pathFilter(root: string, cwd: string, paths: readonly string[]): PathFilter {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((input) => {
    const absolute = resolve(cwd, input);
    if (!existsSync(absolute)) throw new UsageError(`路径不存在：${input}`);
    const rel = relative(root, absolute).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`路径不在仓库 ${root} 内：${input}`);
    return rel;
  });
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}

/** A mistake in how the command was called: exit code 2 and a one-line message, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
