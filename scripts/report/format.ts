/**
 * Numbers as the reports print them: fixed digits and our own separators, never the machine's locale, so the same
 * snapshots give the same bytes everywhere.
 */

/** 12345.6 → `12,346`. */
export function count(value: number): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

/** 0.04123 → `4.1%`. */
export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/** A factor from account.yaml as written: 3 → `3`, 0.5 → `0.5`. */
export function times(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** A change as a signed figure: `+12.0%`, `-3.4%`, or `+120` for counts. */
export function change(value: number, previous: number, unit: 'count' | 'rate'): string {
  if (unit === 'rate') {
    const points = (value - previous) * 100;
    return `${points >= 0 ? '+' : '-'}${Math.abs(points).toFixed(1)} 个百分点`;
  }
  if (previous === 0) return value === 0 ? '持平' : `${value > 0 ? '+' : '-'}${count(Math.abs(value))}`;
  const relative = (value - previous) / Math.abs(previous);
  return `${relative >= 0 ? '+' : '-'}${Math.abs(relative * 100).toFixed(1)}%`;
}

/** A KPI value in its unit. */
export function figure(value: number, unit: 'count' | 'rate'): string {
  return unit === 'rate' ? percent(value, 2) : count(value);
}
