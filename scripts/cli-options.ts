import { Option } from 'commander';
import type { FindingsFormat } from './output/findings.ts';
import { findRepoRoot } from './shared/repo-root.ts';

export const formatOption = () => new Option('--format <format>', '输出格式 output format').choices(['pretty', 'json']).default('pretty');
export const rootOption = () => new Option('--root <dir>', '仓库根目录 repository root (default: nearest folder with content/)');

export interface CommonOptions {
  format: FindingsFormat;
  root?: string;
}

export function rootOf(options: { root?: string }): string {
  return findRepoRoot(options.root ?? process.cwd());
}
