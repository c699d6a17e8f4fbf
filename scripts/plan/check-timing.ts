import { daysBetween } from '../shared/calendar-date.ts';
import type { Finding } from '../shared/finding.ts';
import type { BestHours } from './best-hours.ts';
import { describeCadence, longestGapDays, type CadenceSlot } from './cadence.ts';
import { findingAt } from './findings.ts';
import type { Occupant } from './slots.ts';
import { clockText } from './time-text.ts';

/** Which occupants findings may be reported on (the caller leaves out history and other months). */
export type Reportable = (occupant: Occupant) => boolean;

/** `「标题」（2026-12-04 20:30，content/…/index.md）`: the file only when it is another one. */
const otherText = (occupant: Occupant, other: Occupant) => `${other.label}（${clockText(other.clock)}${other.source.file === occupant.source.file ? '' : `，${other.source.file}`}）`;

/** Two or more occupants in the same hour of the same day in China: one account publishes one thing per slot. */
export function slotFindings(occupants: readonly Occupant[], reportable: Reportable): Finding[] {
  const bySlot = new Map<string, Occupant[]>();
  for (const occupant of occupants) {
    const slot = `${occupant.clock.date} ${occupant.clock.hour}`;
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), occupant]);
  }
  return [...bySlot.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group
        .filter(reportable)
        .map((occupant) => {
          const others = group.filter((other) => other !== occupant).map((other) => otherText(occupant, other));
          const hour = `${occupant.clock.date} ${occupant.clock.hour} 点`;
          return findingAt(occupant.source, occupant.span, {
            ruleId: 'plan/slot-taken',
            severity: 'error',
            message: `${occupant.label}与${others.join('、')}在同一时段（北京时间 ${hour}）：同一账号一个时段只发一篇，请错开。`,
            field: occupant.field,
          });
        }),
    );
}

/** A publishing day further from the one before than the cadence ever leaves (in calendar days in China). */
export function gapFindings(occupants: readonly Occupant[], cadence: readonly CadenceSlot[], reportable: Reportable): Finding[] {
  const allowed = longestGapDays(cadence);
  const findings: Finding[] = [];
  occupants.forEach((occupant, index) => {
    const previous = occupants[index - 1];
    if (!previous || !reportable(occupant)) return;
    const days = daysBetween(previous.clock.date, occupant.clock.date);
    if (days <= allowed) return;
    findings.push(
      findingAt(occupant.source, occupant.span, {
        ruleId: 'plan/cadence-gap',
        severity: 'warning',
        message: `${occupant.label}距上一篇 ${previous.label}（${clockText(previous.clock)}）${days} 天，发布节奏（${describeCadence(cadence)}）最多隔 ${allowed} 天：在中间补一篇，或调整计划时间。`,
        field: occupant.field,
      }),
    );
  });
  return findings;
}

/** A planned hour outside the account's best hours. */
export function hourFindings(occupants: readonly Occupant[], best: BestHours, reportable: Reportable): Finding[] {
  return occupants
    .filter((occupant) => reportable(occupant) && !best.hours.includes(occupant.clock.hour))
    .map((occupant) =>
      findingAt(occupant.source, occupant.span, {
        ruleId: 'plan/off-best-hours',
        severity: 'warning',
        message: `${occupant.label}计划在北京时间 ${clockText(occupant.clock)} 发布，不在读者最活跃的 ${best.hours.join('、')} 点（按 ${best.source}）。`,
        field: occupant.field,
      }),
    );
}
