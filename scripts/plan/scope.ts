import type { ContentSet } from '../content/index.ts';
import { buildSchedules, type AccountSchedule } from './schedule.ts';

export interface PlanScope {
  account?: string;
  /** YYYY-MM: only this month's plan (and the articles published in it). */
  month?: string;
}

export type Scoped = { ok: true; schedules: AccountSchedule[] } | { ok: false; message: string };

/**
 * The schedules of the accounts in scope that have a plan for the month (or any plan). None at all is a problem
 * for the caller to report, naming the plans that exist and how to make the one asked for.
 */
export function scopedSchedules(set: ContentSet, scope: PlanScope): Scoped {
  const schedules = buildSchedules(set).filter((schedule) => scope.account === undefined || schedule.account === scope.account);
  const months = (schedule: AccountSchedule) => [...schedule.plans, ...schedule.unreadable.map((file) => file.place)].map((p) => p.month);
  const chosen = schedules.filter((schedule) => (scope.month === undefined ? months(schedule).length > 0 : months(schedule).includes(scope.month)));
  if (chosen.length) return { ok: true, schedules: chosen };
  const account = scope.account ?? '<账号>';
  const existing = [...new Set(schedules.flatMap(months))].sort();
  const asked = scope.month ?? '<YYYY-MM>';
  const what = scope.month === undefined ? `${scope.account === undefined ? '' : `账号 ${scope.account} `}还没有月度计划` : `没有 ${scope.month} 的计划（content/${account}/plans/${scope.month}.md）`;
  const list = existing.length ? `现有计划：${existing.join('、')}。` : '';
  return { ok: false, message: `${what}。${list}可以用 mpdesk plan new ${asked} --account ${account} 按发布节奏生成。` };
}

/** The schedule narrowed to one month's plan, entries and unplanned articles; all of it without a month. */
export function narrowed(schedule: AccountSchedule, month: string | undefined): AccountSchedule {
  if (month === undefined) return schedule;
  return {
    ...schedule,
    plans: schedule.plans.filter((plan) => plan.month === month),
    unreadable: schedule.unreadable.filter((file) => file.place.month === month),
    entries: schedule.entries.filter((scheduled) => scheduled.plan.month === month),
    unplanned: schedule.unplanned.filter((article) => article.month === month),
  };
}
