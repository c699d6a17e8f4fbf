import type { CalendarDay, CalendarMark, CalendarMonth, MarkKind } from '../desk/index.ts';
import { escapeHtml } from '../shared/escape-html.ts';

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];
const kindNames: Record<MarkKind, string> = { published: '已发布', planned: '计划中', missed: '未发出' };

function mark(entry: CalendarMark): string {
  const tags = [entry.kind === 'missed' ? '未发出' : '', entry.unplanned ? '计划外' : '', entry.statusName].filter(Boolean);
  const title = entry.preview === undefined ? `<span class="t">${escapeHtml(entry.title)}</span>` : `<a class="t" href="${escapeHtml(entry.preview)}">${escapeHtml(entry.title)}</a>`;
  const what = entry.entry === undefined ? '' : ` title="计划条目 ${escapeHtml(entry.entry)}"`;
  return `<li class="mark k-${entry.kind}${entry.unplanned ? ' unplanned' : ''}"${what}><time datetime="${escapeHtml(entry.at)}">${entry.time}</time> ${title} <span class="tags">${tags.map(escapeHtml).join(' · ')}</span></li>`;
}

function day(cell: CalendarDay, weekday: number): string {
  const classes = ['day', cell.inMonth ? '' : 'out', cell.today ? 'today' : '', cell.marks.length ? '' : 'blank'].filter(Boolean).join(' ');
  const label = `<span class="d"><span class="md">${cell.date.slice(5)}</span><span class="dd">${cell.day}</span> <span class="wd">周${weekdays[weekday]}</span>${cell.today ? ' <span class="now">今天</span>' : ''}</span>`;
  return `<li class="${classes}">${label}${cell.marks.length ? `<ul>${cell.marks.map(mark).join('')}</ul>` : ''}</li>`;
}

function summary(month: CalendarMonth): string {
  const { counts } = month;
  const parts = [`已发布 ${counts.published}`, `计划中 ${counts.planned}`, counts.missed ? `<span class="bad">未发出 ${counts.missed}</span>` : '未发出 0', counts.unplanned ? `计划外 ${counts.unplanned}` : ''].filter(Boolean);
  return `<summary><strong>${escapeHtml(month.label)}</strong>${month.current ? ' <span class="now">本月</span>' : ''}${month.hasPlan ? '' : ' <span class="muted">没有计划</span>'} <span class="counts">${parts.join(' · ')}</span></summary>`;
}

/** The month before `today`'s, YYYY-MM: it and every later month are open; older months start folded. */
function previousMonth(today: string): string {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Each month folded in a `<details>` (no script needed): a week grid on a desktop, a list of the days with marks on a phone. */
export function calendarHtml(months: readonly CalendarMonth[], today: string): string {
  const from = previousMonth(today);
  const blocks = months.map((month) => {
    const empty = month.weeks.every((week) => week.every((cell) => !cell.marks.length)) ? '<p class="empty">这个月没有计划或发布的文章。</p>' : '';
    const head = weekdays.map((name) => `<li class="head">${name}</li>`).join('');
    const cells = month.weeks.flatMap((week) => week.map((cell, index) => day(cell, index))).join('');
    return `<details class="month" data-month="${month.month}"${month.month >= from ? ' open' : ''}>${summary(month)}${empty}<ol class="grid">${head}${cells}</ol></details>`;
  });
  const legend = (Object.keys(kindNames) as MarkKind[]).map((kind) => `<span class="mark k-${kind}">${kindNames[kind]}</span>`).join('');
  return `<section class="calendar"><h3>日历 <small>北京时间</small></h3>${blocks.join('')}<p class="legend">${legend}<span class="muted">未发出：时间已过还没有发布。</span></p></section>`;
}
