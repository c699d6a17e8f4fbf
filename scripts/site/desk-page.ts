import type { Desk, DeskAccount } from '../desk/index.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import { boardHtml } from './desk-board.ts';
import { calendarHtml } from './desk-calendar.ts';
import { kpisHtml } from './desk-kpis.ts';
import { deskStyle } from './desk-style.ts';

const anchor = (account: string) => `account-${account}`;

function accountSection(account: DeskAccount, today: string): string {
  const cards = account.board.columns.reduce((sum, column) => sum + column.cards.length, 0);
  const failed = account.board.failed.length ? `，<span class="bad">${account.board.failed.length} 篇构建失败</span>` : '';
  return `<section class="account" id="${anchor(account.id)}">
<h2>${escapeHtml(account.name)} <small>${escapeHtml(account.id)} · ${cards} 篇${failed}</small></h2>
${kpisHtml(account.kpis, account.reports, account.id)}
${boardHtml(account.board)}
${calendarHtml(account.calendar, today)}
</section>`;
}

/**
 * `dist/index.html`, the team's desk: per account its KPI tiles and reports, a board by status and a calendar.
 * Everything inline, no script and nothing fetched: it works opened from the file system, and on a phone.
 */
export function deskPage(desk: Desk): string {
  const built = desk.accounts.reduce((sum, account) => sum + account.board.columns.reduce((n, column) => n + column.cards.length, 0), 0);
  const failed = desk.accounts.reduce((sum, account) => sum + account.board.failed.length, 0);
  const nav = [
    ...(desk.accounts.length > 1 ? desk.accounts.map((account) => `<a href="#${anchor(account.id)}">${escapeHtml(account.name)}</a>`) : []),
    ...desk.overview.slice(0, 3).map((report) => `<a href="${escapeHtml(report.href)}">全部账号 ${escapeHtml(report.label)}</a>`),
  ];
  const problems = desk.problems.length ? `<ul class="problems">${desk.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mpdesk 内容台</title>
<style>${deskStyle}</style>
</head>
<body>
<main>
<header><h1>mpdesk 内容台</h1><p>${built} 篇文章${failed ? `，<span class="bad">${failed} 篇构建失败</span>` : ''} · 今天 ${desk.today}（北京时间）。点标题看手机预览，预览页可一键复制到公众号编辑器。</p>${nav.length ? `<nav>${nav.join('')}</nav>` : ''}${problems}</header>
${desk.accounts.length ? desk.accounts.map((account) => accountSection(account, desk.today)).join('\n') : '<p class="muted">还没有账号。</p>'}
</main>
</body>
</html>
`;
}
