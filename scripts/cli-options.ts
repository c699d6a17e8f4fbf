import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { FindingsFormat } from './output/findings.ts';
import { UsageError } from './shared/path-filter.ts';
import { accountFolders, findRepoRoot } from './shared/repo-root.ts';

export const formatOption = () => new Option('--format <format>', '输出格式 output format').choices(['pretty', 'json']).default('pretty');
export const rootOption = () => new Option('--root <dir>', '仓库根目录（默认：向上找到的第一个含 content/<账号>/account.yaml 的目录）repository root');

export interface CommonOptions {
  format: FindingsFormat;
  root?: string;
}

const rootHint = '在仓库里运行，或用 --root <目录> 指向仓库根目录（新仓库先建 content/<账号>/account.yaml）。';

/**
 * The repository a content command works on: `--root` itself, or the nearest mpdesk repository at or above the
 * working folder. Anywhere else is misuse, so that `mpdesk lint` in the wrong folder never passes green.
 */
export function rootOf(options: { root?: string }): string {
  if (options.root !== undefined) {
    const root = resolve(options.root);
    if (!existsSync(root)) throw new UsageError(`--root 指向的目录不存在：${options.root}`);
    if (accountFolders(root).length === 0) throw new UsageError(`不在 mpdesk 仓库中：${options.root} 下没有 content/<账号>/account.yaml。${rootHint}`);
    return root;
  }
  const root = findRepoRoot(process.cwd());
  if (root === undefined) throw new UsageError(`不在 mpdesk 仓库中：${process.cwd()} 及其上级目录里都没有 content/<账号>/account.yaml。${rootHint}`);
  return root;
}

/** Refuses an `--account` that names no account (the content module says why), listing those that exist. */
export async function requireAccount(root: string, account: string | undefined): Promise<void> {
  if (account === undefined) return;
  const { accountProblem } = await import('./content/index.ts');
  const problem = accountProblem(root, account);
  if (problem) throw new UsageError(problem);
}
