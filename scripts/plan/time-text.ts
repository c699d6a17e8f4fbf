import { beijingWallClock, type BeijingClock } from '../shared/beijing-time.ts';
import { isoWeekday } from '../shared/calendar-date.ts';
import { weekdayLabel } from './cadence.ts';

/** `2026-12-03 20:00`, China time. */
export function clockText(clock: BeijingClock): string {
  return `${clock.date} ${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
}

/** `2026-12-03 周四 20:00`, China time. */
export function dayAndTime(iso: string): string {
  const clock = beijingWallClock(iso);
  return `${clock.date} ${weekdayLabel(isoWeekday(clock.date))} ${clockText(clock).slice(11)}`;
}
