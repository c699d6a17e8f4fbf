import type { ContentSet } from '../content/index.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import { validateContent } from '../validate/index.ts';
import { bestHoursFor } from './best-hours.ts';
import { cadenceSlots } from './cadence.ts';
import { coverageFindings } from './check-coverage.ts';
import { gapFindings, hourFindings, slotFindings, type Reportable } from './check-timing.ts';
import { notice } from './findings.ts';
import type { AccountSchedule } from './schedule.ts';
import { narrowed, scopedSchedules, type PlanScope } from './scope.ts';
import { occupantsOf } from './slots.ts';

export type PlanCheckResult = { ok: true; findings: Finding[]; checked: string } | { ok: false; message: string };

/**
 * Checks the plans in scope against the articles, the cadence and the best hours, together with the plans' and
 * accounts' own validation findings, so an entry or setting that cannot be read is never passed over.
 */
export async function checkPlans(set: ContentSet, scope: PlanScope): Promise<PlanCheckResult> {
  const scoped = scopedSchedules(set, scope);
  if (!scoped.ok) return scoped;
  const findings: Finding[] = [];
  const files = new Set<string>();
  const counts = { plans: 0, entries: 0, articles: 0 };
  for (const schedule of scoped.schedules) {
    const view = narrowed(schedule, scope.month);
    for (const file of [...view.plans.map((p) => p.source.file), ...view.unreadable.map((p) => p.source.file)]) files.add(file);
    if (schedule.accountFile) files.add(schedule.accountFile.source.file);
    // An article whose status cannot be read shows as such in the plan; why is validate's finding, given here too.
    const articles = [...view.entries.flatMap((scheduled) => scheduled.articles), ...view.unplanned.map(({ article }) => article)];
    for (const article of articles) if (article.status === 'unknown') files.add(article.file);
    counts.plans += view.plans.length + view.unreadable.length;
    counts.entries += view.entries.length;
    counts.articles += articles.length;
    findings.push(...coverageFindings(view), ...timingFindings(set.root, schedule, scope.month));
  }
  findings.push(...(await validateContent(set, { only: (file) => files.has(file) })));
  const checked = `${scoped.schedules.length} 个账号、${counts.plans} 个计划、${counts.entries} 个条目、${counts.articles} 篇文章`;
  return { ok: true, findings: findings.sort(compareFindings), checked };
}

function timingFindings(root: string, schedule: AccountSchedule, month: string | undefined): Finding[] {
  // Across months, so the gap from last month's final article counts; reported only in the month asked for, and
  // never on what is published or archived: that is history, not something to move.
  const occupants = occupantsOf(schedule);
  const reportable: Reportable = (occupant) => !occupant.done && (month === undefined || occupant.month === month);
  const findings = slotFindings(occupants, reportable);
  const accountFile = schedule.accountFile?.source.file;
  if (schedule.settings.cadence) findings.push(...gapFindings(occupants, cadenceSlots(schedule.settings.cadence), reportable));
  else if (accountFile && schedule.accountFile?.doc?.data.cadence === undefined) {
    findings.push(notice(accountFile, 1, 'info', 'plan/no-cadence', 'account.yaml 没有 cadence（发布节奏）：没有检查两篇之间的间隔。例：cadence: [{weekday: 五, time: "20:00"}]'));
  }
  const best = bestHoursFor(root, schedule);
  findings.push(...best.findings);
  if (best.best) findings.push(...hourFindings(occupants, best.best, reportable));
  return findings;
}
