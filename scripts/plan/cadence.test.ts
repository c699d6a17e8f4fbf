import { describe, expect, it } from 'vitest';
import { cadenceSlots, describeCadence, longestGapDays, monthSlots } from './cadence.ts';

describe('cadence', () => {
  it('leaves 7 days for one day a week and the longest way round the week for several', () => {
    expect(longestGapDays(cadenceSlots([{ weekday: '五', time: '20:00' }]))).toBe(7);
    expect(longestGapDays(cadenceSlots([{ weekday: '五', time: '20:00' }, { weekday: '二', time: '20:00' }]))).toBe(4);
    // Two slots on Monday are one publishing day; Monday to Wednesday is 2, Wednesday to Monday 5.
    const slots = cadenceSlots([{ weekday: '一', time: '12:00' }, { weekday: '一', time: '20:00' }, { weekday: '三', time: '20:00' }]);
    expect(longestGapDays(slots)).toBe(5);
    expect(describeCadence(slots)).toBe('每周一 12:00、周一 20:00、周三 20:00');
  });

  it('lays the month out by weekdays in Beijing: a Monday 00:30 slot is Sunday evening in UTC', () => {
    const times = monthSlots('2027-02', cadenceSlots([{ weekday: '一', time: '00:30' }]));
    expect(times).toEqual(['2027-02-01T00:30:00+08:00', '2027-02-08T00:30:00+08:00', '2027-02-15T00:30:00+08:00', '2027-02-22T00:30:00+08:00']);
    expect(new Date(times[0]!).getUTCDay()).toBe(0);
  });

  it('puts several slots of one day in time order', () => {
    expect(monthSlots('2026-12', cadenceSlots([{ weekday: '四', time: '20:00' }, { weekday: '四', time: '07:30' }])).slice(0, 2)).toEqual([
      '2026-12-03T07:30:00+08:00',
      '2026-12-03T20:00:00+08:00',
    ]);
  });
});
