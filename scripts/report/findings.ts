import type { AccountReport } from './account-report.ts';
import { ruleNames } from './anomalies.ts';
import type { ComparisonGroup } from './comparisons.ts';
import { change, count, figure, percent } from './format.ts';
import type { Kpi } from './kpi.ts';
import { outcomeLabels, type PlanOutcome } from './plan-actual.ts';

/** The period as a sentence names it: 本月/上月, 本周/上周. */
export function periodWords(report: AccountReport): { now: string; before: string } {
  const words = report.period.kind === 'monthly' ? { now: '本月', before: '上月' } : { now: '本周', before: '上周' };
  return report.previous.partial ? { ...words, before: `${words.before}同期` } : words;
}

/** `目标 60,000，完成 75%（未达成）` or `未设目标`. */
export function targetText(kpi: Kpi): string {
  if (kpi.target === undefined) return '未设目标';
  if (kpi.value === null) return `目标 ${figure(kpi.target, kpi.unit)}，没有数据`;
  const done = kpi.target > 0 ? `，完成 ${percent(kpi.value / kpi.target, 0)}` : '';
  return `目标 ${figure(kpi.target, kpi.unit)}${done}（${kpi.met ? '达成' : '未达成'}）`;
}

const kpi = (report: AccountReport, id: Kpi['id']) => report.kpis.find((one) => one.id === id)!;

function versus(report: AccountReport, one: Kpi): string {
  if (one.value === null || one.previous === undefined || one.previous === null) return '';
  return `，比${periodWords(report).before} ${change(one.value, one.previous, one.unit)}`;
}

/** A title that differs from its neighbour, for a sentence comparing two groups. */
function groupLine(group: ComparisonGroup): string {
  return `${group.name}的 ${group.articles.length} 篇打开率中位数 ${group.medianOpenRate === null ? '—' : percent(group.medianOpenRate, 2)}`;
}

/** The first comparison worth a sentence: the two largest slots of known hour, with two articles and an open rate each. */
export function slotObservation(report: AccountReport): string | undefined {
  const groups = report.comparisons.bySlot.filter((group) => group.medianOpenRate !== null && group.articles.length >= 2 && !group.name.includes('时间不详'));
  if (groups.length < 2) return undefined;
  const [a, b] = groups;
  return `${report.comparisons.from} 至 ${report.comparisons.to} 间，${groupLine(a!)}，${groupLine(b!)}：篇数少，只是观察，不能说明是时段的原因。`;
}

/** A short list of findings written as sentences, in a fixed order. */
export function reportFindings(report: AccountReport): string[] {
  const words = periodWords(report);
  const sentences: string[] = [];
  const reads = kpi(report, 'reads');
  const readers = kpi(report, 'readers');
  if (reads.value !== null) sentences.push(`${words.now}阅读 ${count(reads.value)} 次、${count(readers.value ?? 0)} 人次，${targetText(reads)}${versus(report, reads)}。`);
  const net = kpi(report, 'net_followers');
  if (net.value !== null) {
    const end = report.totals.followersAtEnd !== undefined ? `，期末关注人数 ${count(report.totals.followersAtEnd)}` : '';
    sentences.push(`净增关注 ${count(net.value)} 人（新增 ${count(report.totals.newFollowers)}，取消 ${count(report.totals.cancelled)}），${targetText(net)}${end}。`);
  }
  const rates = (['open_rate', 'share_rate', 'favorite_rate'] as const).map((id) => kpi(report, id)).filter((one) => one.value !== null);
  if (rates.length) sentences.push(`${rates.map((one) => `${one.label} ${figure(one.value!, 'rate')}${one.target !== undefined ? `（${one.met ? '✔' : '✘'} 目标 ${figure(one.target, 'rate')}）` : ''}`).join('，')}。`);
  const [top] = report.articles;
  const bottom = report.articles.at(-1);
  if (top) sentences.push(`${words.now}发出 ${report.articles.length} 篇，阅读最多的是《${top.title}》（${count(top.reads)} 次）${bottom && bottom !== top ? `，最少的是《${bottom.title}》（${count(bottom.reads)} 次）` : ''}。`);
  if (report.sources.length) sentences.push(`阅读来源：${report.sources.slice(0, 3).map((source) => `${source.name} ${percent(source.share, 0)}`).join('，')}。`);
  if (report.hours.best.length) sentences.push(`读者最集中在 ${hoursText(report.hours.best)}（北京时间）。`);
  sentences.push(...planSentence(report));
  for (const gap of report.cadence.gaps) sentences.push(gap.open ? `${gap.from} 之后到 ${gap.to} 已 ${gap.days} 天没有发文，发布节奏（${report.cadence.cadence}）最多隔 ${report.cadence.allowed} 天。` : `${gap.from} 到 ${gap.to} 隔了 ${gap.days} 天，发布节奏（${report.cadence.cadence}）最多隔 ${report.cadence.allowed} 天。`);
  sentences.push(report.anomalies.length ? `发现 ${report.anomalies.length} 处异常：${report.anomalies.map((one) => `${one.day.slice(5)} ${ruleNames[one.rule]}`).join('；')}，见「异常」一节。` : '没有发现异常（规则见「异常」一节）。');
  const observation = slotObservation(report);
  if (observation) sentences.push(observation);
  return sentences;
}

function planSentence(report: AccountReport): string[] {
  const { planned, unplanned, withoutPlan } = report.plan;
  if (!planned.length && withoutPlan.length) return [`${withoutPlan.join('、')} 没有内容计划，无法对照计划。`];
  if (!planned.length) return [];
  const counts = (['on-time', 'late', 'early', 'missing', 'not-due'] as PlanOutcome[]).flatMap((outcome) => {
    const n = planned.filter((item) => item.outcome === outcome).length;
    return n ? [`${outcomeLabels[outcome]} ${n} 篇`] : [];
  });
  const missing = planned.filter((item) => item.outcome === 'missing').map((item) => `${item.entry}「${item.topic}」`);
  const extra = unplanned.length ? `；计划外发出 ${unplanned.length} 篇` : '';
  return [`计划 ${planned.length} 篇：${counts.join('，')}${missing.length ? `（未发出：${missing.join('、')}）` : ''}${extra}。`];
}

/** [19, 20, 21, 23] → `19–21 点、23 点`. */
export function hoursText(hours: readonly number[]): string {
  const runs: Array<[number, number]> = [];
  for (const hour of hours) {
    const last = runs.at(-1);
    if (last && last[1] === hour - 1) last[1] = hour;
    else runs.push([hour, hour]);
  }
  return runs.map(([from, to]) => (from === to ? `${from} 点` : `${from}–${to} 点`)).join('、');
}
