import type { ImportResult } from './import.ts';
import type { LinkProblem } from './join.ts';
import type { PullResult } from './pull.ts';

/** What a pull or an import did, as a person reads it in a terminal or a CI log. */

const shownProblems = 10;

function linkLines(unmatched: readonly LinkProblem[], ambiguous: readonly LinkProblem[]): string[] {
  const lines: string[] = [];
  if (ambiguous.length) {
    lines.push(`  对应到不止一篇文章（${ambiguous.length}），没有填 article 列，请在文章的 wechat: 回执里补上 msg_data_id 或 url：`);
    for (const item of ambiguous.slice(0, shownProblems)) lines.push(`    ${item.what} → ${item.candidates.join('、')}`);
  }
  if (unmatched.length) {
    lines.push(`  没有对应到仓库里的文章（${unmatched.length}）：`);
    for (const item of unmatched.slice(0, shownProblems)) lines.push(`    ${item.what}`);
    if (unmatched.length > shownProblems) lines.push(`    ……另有 ${unmatched.length - shownProblems} 篇（--format json 列出全部）`);
  }
  return lines;
}

function writtenLines(written: readonly string[]): string[] {
  return written.length ? [`  写入 ${written.join('、')}`] : ['  快照没有变化。'];
}

export function pullText(result: PullResult): string {
  const lines = [`${result.account}：调用微信接口 ${result.calls}/${result.planned} 次，数据截至 ${result.until}；新增 ${result.added} 行，修订 ${result.revised} 行。`];
  for (const note of result.notes) lines.push(`  ${note}`);
  if (result.problems.length) {
    lines.push(`  这些回答不完整或格式不对，没有写入（下次运行会再拉）：`);
    for (const problem of result.problems) lines.push(`    ${problem}`);
  }
  if (result.stopped) lines.push(`  中途停止：${result.stopped.message}`, `  已完成的 ${result.calls - 1} 次调用的数据都已保存。`);
  lines.push(...writtenLines(result.written), ...linkLines(result.unmatched, result.ambiguous));
  return `${lines.join('\n')}\n`;
}

export function importText(result: ImportResult): string {
  if (result.refused) return `${result.refused}\n`;
  const lines = [`${result.account}：从 ${result.file} 读到 ${result.rows} 行（${result.dataset}）；新增 ${result.added ?? 0} 行，修订 ${result.revised ?? 0} 行。`];
  if (result.ignoredColumns.length) {
    lines.push(`  这些列不认识，没有导入：${result.ignoredColumns.join('、')}（要导入，请在 content/${result.account}/account.yaml 的 metrics.headers 里写上各列的意思，字段见 mpdesk metrics import --help）`);
  }
  if (result.problems.length) {
    lines.push(`  这些行有问题，没有导入：`);
    for (const problem of result.problems) lines.push(`    ${problem}`);
  }
  lines.push(...writtenLines(result.written ?? []), ...linkLines(result.unmatched ?? [], result.ambiguous ?? []));
  return `${lines.join('\n')}\n`;
}
