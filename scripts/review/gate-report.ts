import { markdownCell, markdownTable } from '../output/markdown-table.ts';
import { formatTable } from '../output/table.ts';
import type { AccountGate, GateResult } from './gate.ts';

/** The rows of one account's table: each article (or its other files) against each level. */
function rows(account: AccountGate): string[][] {
  const subjects = account.articles.length ? account.articles : [`（${account.files.length} 个其他内容文件）`];
  return subjects.flatMap((subject) =>
    account.levels.map((level, i) => [
      subject,
      `${i + 1}. ${level.level}`,
      level.met ? '✅ 通过' : '❌ 未通过',
      level.by ? `@${level.by.login}（${shortTime(level.by.at)}）` : '',
      level.notes.join('；'),
    ]),
  );
}

const headers = ['文章', '级别', '结果', '审批人', '说明'];

function heading(result: GateResult): string {
  return result.passed ? '✅ 审核通过' : '❌ 审核未通过';
}

function accountIntro(account: AccountGate, baseRef: string): string {
  const source = account.policyFrom === 'base' ? `审核级别取自 ${baseRef} 上的 account.yaml` : '新账号：审核级别取自本拉取请求的 account.yaml';
  return `${account.account}（${source}）`;
}

/** Markdown for the job summary and the pull request comment. */
export function gateMarkdown(result: GateResult): string {
  const { pull } = result;
  const lines = [
    `## mpdesk 审核闸门：${heading(result)}`,
    '',
    `拉取请求 #${pull.number}「${markdownCell(pull.title)}」· 作者 @${pull.author} · head \`${pull.headSha.slice(0, 7)}\``,
    '',
  ];
  if (result.accounts.length === 0) lines.push('本拉取请求没有改动任何账号的内容（content/<账号>/），无需内容审核。', '');
  for (const account of result.accounts) {
    lines.push(`### ${accountIntro(account, pull.baseRef)}`, '');
    if (account.error) {
      lines.push(`❌ ${account.error}`, '');
      continue;
    }
    lines.push(...markdownTable(headers, rows(account)));
    const others = account.files.filter((f) => !account.articles.includes(f));
    if (account.articles.length && others.length) lines.push('', `同一审核也覆盖：${others.map((f) => `\`${f}\``).join('、')}`);
    lines.push('');
  }
  if (!result.passed) lines.push('每一级都需要名单上的人在当前 head 上批准（Approve），且晚于上一级；作者本人的批准不计。');
  return `${lines.join('\n').trimEnd()}\n`;
}

export function gateText(result: GateResult): string {
  const parts = [`${heading(result)}：拉取请求 #${result.pull.number}「${result.pull.title}」，head ${result.pull.headSha.slice(0, 7)}\n`];
  if (result.accounts.length === 0) parts.push('没有改动任何账号的内容，无需内容审核。\n');
  for (const account of result.accounts) {
    parts.push(`\n${accountIntro(account, result.pull.baseRef)}\n`);
    parts.push(account.error ? `  ${account.error}\n` : formatTable(headers, rows(account)));
  }
  return parts.join('');
}

/** `2026-11-20T02:00:00Z` in Beijing time, the team's clock. */
function shortTime(iso: string): string {
  const date = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} 北京时间`;
}
