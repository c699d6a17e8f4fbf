// Audit records are read in China: every time is shown in 北京时间 (Asia/Shanghai), whatever clock the committer
// had, with the offset so that the figure is unambiguous. JSON keeps git's own ISO 8601 times.
const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

function parts(iso: string): Record<string, string> {
  return Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** `2026-11-20T02:01:00Z` → `2026-11-20 10:01 (+08:00)`. */
export function beijingTime(iso: string): string {
  const p = parts(iso);
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName!.replace('GMT', '');
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} (${offset})`;
}

/** The calendar day in Beijing: `2026-11-19T20:00:00-08:00` → `2026-11-20`. */
export function beijingDate(iso: string): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day}`;
}
