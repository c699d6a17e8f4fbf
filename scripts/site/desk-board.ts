import type { Board, BoardCard, FailedCard } from '../desk/index.ts';
import { escapeHtml } from '../shared/escape-html.ts';

function lintSummary(lint: BoardCard['lint']): string {
  if (!lint) return '<span class="lint none">未检查</span>';
  if (!lint.errors && !lint.warnings) return '<span class="lint clean">检查通过</span>';
  const parts = [lint.errors ? `<span class="lint errors">${lint.errors} 个错误</span>` : '', lint.warnings ? `<span class="lint warnings">${lint.warnings} 个警告</span>` : ''];
  return parts.filter(Boolean).join('');
}

function card(entry: BoardCard): string {
  const href = entry.preview === undefined ? undefined : escapeHtml(entry.preview);
  const thumb = entry.thumbnail ? `<img src="${escapeHtml(entry.thumbnail)}" width="56" height="56" alt="" loading="lazy">` : '<span class="no-cover">无封面</span>';
  const time = entry.beijing
    ? `<time datetime="${escapeHtml(entry.publishAt!)}">${escapeHtml(entry.beijing)}</time>`
    : `<span class="muted">${entry.publishAt === undefined ? '未定发布时间' : escapeHtml(entry.publishAt)}</span>`;
  const title = href ? `<a class="title" href="${href}">${escapeHtml(entry.title)}</a>` : `<span class="title">${escapeHtml(entry.title)}</span>`;
  return `<li class="card">${href ? `<a class="thumb" href="${href}" tabindex="-1" aria-hidden="true">${thumb}</a>` : `<span class="thumb">${thumb}</span>`}<div class="body">${title}<div class="meta">${time}</div><div class="checks">${lintSummary(entry.lint)}</div></div></li>`;
}

function failedItem(entry: FailedCard): string {
  const status = entry.statusName ? `<span class="status">${escapeHtml(entry.statusName)}</span>` : '';
  const elsewhere = entry.where.startsWith(`${entry.file}:`) ? '' : `<code>${escapeHtml(entry.file)}</code>`;
  return `<li class="failed"><span class="title">${escapeHtml(entry.title)}</span><div class="meta"><span class="status s-failed">构建失败</span>${status}${elsewhere}</div><p class="error"><code>${escapeHtml(entry.where)}</code> ${escapeHtml(entry.message)} <span class="rule">${escapeHtml(entry.ruleId)}</span></p></li>`;
}

/** The articles that did not build, then a column per status; on a phone the columns stack. */
export function boardHtml(board: Board): string {
  const failed = board.failed.length ? `<ul class="failures">${board.failed.map(failedItem).join('')}</ul>` : '';
  const columns = board.columns.map(
    (column) =>
      `<section class="column s-${escapeHtml(column.status)}"><h4>${escapeHtml(column.name)} <span class="n">${column.cards.length}</span></h4>${column.cards.length ? `<ul>${column.cards.map(card).join('')}</ul>` : '<p class="empty">暂无</p>'}</section>`,
  );
  return `<section class="board"><h3>看板</h3>${failed}<div class="columns" style="--columns:${board.columns.length}">${columns.join('')}</div></section>`;
}
