// The plan stage: monthly plans joined to their articles, the account's cadence and best hours, and the hourly
// snapshots → checks with positions, a status table and an iCalendar file. It reads the loaded content only.
import type { ContentSet } from '../content/index.ts';
import type { PlanCalendarResult } from './calendar.ts';
import type { PlanScope } from './scope.ts';
export { newPlan, type NewPlanRequest, type NewPlanResult } from './new-plan.ts';
export { checkPlans, type PlanCheckResult } from './check.ts';
export { planStatus, type EntryStatus, type PlanStatusResult, type StatusRow } from './status.ts';
export { statusText } from './status-text.ts';
export type { PlanScope } from './scope.ts';
export type { PlanCalendarResult } from './calendar.ts';
export { cadenceSlots, describeCadence, longestGapDays, type CadenceSlot } from './cadence.ts';
export { bestHourShare } from './best-hours.ts';
export { statusLabels } from './status.ts';

/** The iCalendar file; its generator and time-zone tables load only for `plan ics`, not for every build's desk. */
export async function planCalendar(set: ContentSet, scope: PlanScope): Promise<PlanCalendarResult> {
  return (await import('./calendar.ts')).planCalendar(set, scope);
}
