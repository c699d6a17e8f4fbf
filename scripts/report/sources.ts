import { readSources } from '../platform/index.ts';
import type { Period } from './period.ts';
import { allSources, type AccountSeries } from './series.ts';

export interface SourceShare {
  /** 会话, 好友, 朋友圈, 历史消息页, 看一看, 搜一搜, 其他 (and 未分来源 for an export's totals). */
  name: string;
  reads: number;
  share: number;
}

/** The sources a report lists on their own, in this order; every other code is 其他. */
const listed = [0, 1, 2, 4, 6, 7];
const other = '其他';
const unsplit = '未分来源（导出的合计）';

/** The period's reads by where readers came from, largest first (ties in the order above). */
export function readsBySource(series: AccountSeries, period: Period): SourceShare[] {
  const reads = new Map<string, number>();
  const add = (name: string, count: number) => reads.set(name, (reads.get(name) ?? 0) + count);
  for (const day of period.days) {
    for (const [code, count] of series.daily.get(day)?.bySource ?? []) {
      add(code === allSources ? unsplit : listed.includes(code) ? readSources[code]! : other, count);
    }
  }
  const total = [...reads.values()].reduce((sum, count) => sum + count, 0);
  const order = [...listed.map((code) => readSources[code]!), other, unsplit];
  return [...reads.entries()]
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([name, count]) => ({ name, reads: count, share: total > 0 ? count / total : 0 }));
}
