// Records are read in China: times are shown in 北京时间 (Asia/Shanghai), whatever clock wrote them. Made on first
// use: loading the time-zone data costs every command about 10 ms, and most show no time.
let format: Intl.DateTimeFormat | undefined;
const formatter = () => (format ??= new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
}));

function parts(iso: string): Record<string, string> {
  return Object.fromEntries(formatter().formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** `2026-11-20T02:01:00Z` → `2026-11-20 10:01 (+08:00)`: with the offset, so the figure is unambiguous. */
export function beijingTime(iso: string): string {
  const p = parts(iso);
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName!.replace('GMT', '');
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} (${offset})`;
}

/** `2026-11-06T12:00:00Z` → `2026-11-06 20:00 北京时间`; what does not parse is shown as written. */
export function beijingClock(value: string): string {
  if (Number.isNaN(Date.parse(value))) return value;
  const p = parts(value);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} 北京时间`;
}

/** The calendar day in Beijing: `2026-11-19T20:00:00-08:00` → `2026-11-20`. */
export function beijingDate(iso: string): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as ISO 8601 in Beijing time, to the second: `2026-12-03T20:00:31+08:00`, as receipts record it. */
export function beijingIso(date: Date): string {
  const p = parts(date.toISOString());
  const second = String(date.getUTCSeconds()).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${second}+08:00`;
}

/** Beijing's wall clock at an instant: the calendar day, its month, the hour and minute. */
export interface BeijingClock {
  date: string;
  month: string;
  hour: number;
  minute: number;
}

export function beijingWallClock(iso: string): BeijingClock {
  const p = parts(iso);
  return { date: `${p.year}-${p.month}-${p.day}`, month: `${p.year}-${p.month}`, hour: Number(p.hour), minute: Number(p.minute) };
}
