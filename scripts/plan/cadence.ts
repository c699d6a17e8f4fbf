import type { AccountSettings } from '../content/index.ts';
import { daysOfMonth, isoWeekday } from '../shared/calendar-date.ts';

/** `weekday` in account.yaml: 一 is Monday (ISO weekday 1) … 日 is Sunday (7). */
export const weekdayNames = ['一', '二', '三', '四', '五', '六', '日'] as const;

export interface CadenceSlot {
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
  /** HH:MM, China time. */
  time: string;
}

export type Cadence = NonNullable<AccountSettings['cadence']>;

/** The account's weekly slots, in week order. */
export function cadenceSlots(cadence: Cadence): CadenceSlot[] {
  return cadence
    .map((slot) => ({ weekday: weekdayNames.indexOf(slot.weekday) + 1, time: slot.time }))
    .sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

/** `周三` for ISO weekday 3. */
export function weekdayLabel(weekday: number): string {
  return `周${weekdayNames[weekday - 1]}`;
}

/** `每周二 20:00、周五 20:00`. */
export function describeCadence(slots: readonly CadenceSlot[]): string {
  return `每${slots.map((slot) => `${weekdayLabel(slot.weekday)} ${slot.time}`).join('、')}`;
}

/**
 * The most calendar days the cadence leaves between two publishing days, going round the week: 7 for one day a
 * week, 4 for Tuesday and Friday (Friday to Tuesday).
 */
export function longestGapDays(slots: readonly CadenceSlot[]): number {
  const days = [...new Set(slots.map((slot) => slot.weekday))].sort((a, b) => a - b);
  return Math.max(...days.map((day, i) => (i + 1 < days.length ? days[i + 1]! - day : days[0]! + 7 - day)));
}

/** Every slot of the cadence in a month, as times in China (`2026-12-04T20:00:00+08:00`), in order. */
export function monthSlots(month: string, slots: readonly CadenceSlot[]): string[] {
  return daysOfMonth(month).flatMap((date) => {
    const weekday = isoWeekday(date);
    return slots.filter((slot) => slot.weekday === weekday).map((slot) => `${date}T${slot.time}:00+08:00`);
  });
}
