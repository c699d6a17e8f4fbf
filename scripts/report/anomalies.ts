import type { AccountSettings } from '../content/index.ts';
import { followSources } from '../platform/index.ts';
import { count, percent, times } from './format.ts';
import type { KnownSend } from './hours.ts';
import { median } from './median.ts';
import { compareText } from './order.ts';
import { addDays, type Period } from './period.ts';
import type { AccountSeries } from './series.ts';

/**
 * Anomalies: days and articles whose numbers are far from the account's own norm in a way bought traffic, bought
 * followers or restricted delivery would leave. Each names the day or article, the figure, the baseline and the
 * threshold; the thresholds are account.yaml's `anomalies` (with the defaults below, which the schema states too).
 */

export type Thresholds = Required<NonNullable<AccountSettings['anomalies']>>;

export const defaultThresholds: Thresholds = {
  baseline_days: 28,
  spike_factor: 3,
  share_drop: 0.5,
  ratio_factor: 2,
  night_share: 0.2,
  night_factor: 3,
  delivered_drop: 0.2,
  min_reads: 100,
  min_new_followers: 30,
};

export function thresholdsOf(settings: Partial<AccountSettings>): Thresholds {
  return { ...defaultThresholds, ...settings.anomalies };
}

export type AnomalyRule = 'reads-without-shares' | 'ratio-off-norm' | 'night-reads' | 'follower-jump' | 'delivered-drop';

export const ruleNames: Record<AnomalyRule, string> = {
  'reads-without-shares': '阅读暴涨、分享没有跟上',
  'ratio-off-norm': '比值偏离常态',
  'night-reads': '阅读集中在夜间',
  'follower-jump': '关注暴涨、没有文章',
  'delivered-drop': '送达人数骤降',
};

export interface Anomaly {
  rule: AnomalyRule;
  day: string;
  /** The article, for the rules about one. */
  send?: KnownSend;
  figure: string;
  baseline: string;
  threshold: string;
  /** What it may mean, and what to look at. */
  reading: string;
}

/** Fewer baseline days than this and a rule does not judge: a week is the least that says what is usual. */
const minimumBaseline = 7;
/** Night: 00:00–05:59 Beijing time. */
export const nightHours = [0, 1, 2, 3, 4, 5];
/** Articles whose ratios make the norm: those sent in the 90 days before the period's end. */
const normDays = 90;
const minimumNorm = 5;
/** The sends before a send whose deliveries make its baseline. */
const deliveredBaseline = 5;

/** The values of the `baseline_days` days before `day` that have one. */
function before<T>(map: ReadonlyMap<string, T>, day: string, days: number, value: (item: T, day: string) => number | undefined): number[] {
  const values: number[] = [];
  for (let back = days; back >= 1; back--) {
    const earlier = addDays(day, -back);
    const item = map.get(earlier);
    const figure = item === undefined ? undefined : value(item, earlier);
    if (figure !== undefined) values.push(figure);
  }
  return values;
}

export interface AnomalyInput {
  series: AccountSeries;
  period: Period;
  /** Every send the snapshots know, with its article and hour where known. */
  sends: readonly KnownSend[];
  /** Days something went out, from the snapshots and the repository. */
  sendDays: ReadonlySet<string>;
  thresholds: Thresholds;
}

export function findAnomalies(input: AnomalyInput): Anomaly[] {
  const found = [...readSpikes(input), ...ratioOutliers(input), ...nightReading(input), ...followerJumps(input), ...deliveryDrops(input)];
  const order = Object.keys(ruleNames);
  return found.sort((a, b) => (a.day === b.day ? order.indexOf(a.rule) - order.indexOf(b.rule) || compareText(a.send?.key ?? '', b.send?.key ?? '') : a.day < b.day ? -1 : 1));
}

function baselineText(days: number, values: readonly number[]) {
  return `前 ${days} 天中位数（${values.length} 天有数据）`;
}

function readSpikes({ series, period, thresholds: t, sends }: AnomalyInput): Anomaly[] {
  const found: Anomaly[] = [];
  for (const day of period.days) {
    const today = series.daily.get(day);
    if (!today || today.reads < t.min_reads) continue;
    const reads = before(series.daily, day, t.baseline_days, (d) => d.reads);
    const rates = before(series.daily, day, t.baseline_days, (d) => (d.reads > 0 ? d.shares / d.reads : undefined));
    const baseReads = median(reads);
    const baseRate = median(rates);
    if (reads.length < minimumBaseline || baseReads === undefined || baseRate === undefined) continue;
    const rate = today.shares / today.reads;
    if (today.reads < baseReads * t.spike_factor || rate >= baseRate * t.share_drop) continue;
    // Which article took the day's reads, when the articles dataset says.
    const articles = [...(series.articleDays.get(day) ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = articles[0] && articles[0][1] > 0 ? sends.find((send) => send.key === articles[0]![0]) : undefined;
    const share = top ? `当天阅读的 ${percent(articles[0]![1] / today.reads, 0)} 来自这篇。` : '';
    found.push({
      rule: 'reads-without-shares',
      day,
      ...(top ? { send: top } : {}),
      figure: `阅读 ${count(today.reads)} 次，分享率 ${percent(rate)}`,
      baseline: `${baselineText(t.baseline_days, reads)}：阅读 ${count(baseReads)} 次，分享率 ${percent(baseRate)}`,
      threshold: `阅读 ≥ 基线 × ${times(t.spike_factor)}，且分享率 < 基线 × ${times(t.share_drop)}`,
      reading: `读的人多了，转发的人没有跟着多：可能是买来的流量或刷量，也可能是被某个大号或广告带来的一次性流量。${share}看看当天的阅读来源和时段。`,
    });
  }
  return found;
}

function ratioOutliers({ period, thresholds: t, sends }: AnomalyInput): Anomaly[] {
  const judged = sends.filter((send) => send.reads >= t.min_reads);
  const window = judged.filter((send) => send.day > addDays(period.last, -normDays) && send.day <= period.last);
  const found: Anomaly[] = [];
  // Each ratio with what it may mean when it is too high, and when too low.
  const ratios: Array<[string, string, string, (send: KnownSend) => number]> = [
    ['阅读人数/阅读次数', '几乎每次打开都是新的人：少见，核对数据是否导入有误', '同一批人反复打开：机器刷量常见，也可能是少数人多次阅读', (send) => send.readers / send.reads],
    ['分享次数/阅读次数', '分享被刷，或有人集中转发（活动、转发抽奖）', '读的人多、转发的少：流量可能不是真实读者带来的，或内容没有打动人', (send) => send.shares / send.reads],
  ];
  for (const send of judged.filter((one) => one.day >= period.first && one.day <= period.last)) {
    const others = window.filter((other) => other !== send);
    if (others.length < minimumNorm) continue;
    for (const [name, high, low, ratio] of ratios) {
      const norm = median(others.map(ratio));
      const value = ratio(send);
      if (norm === undefined || norm <= 0) continue;
      if (value < norm * t.ratio_factor && value > norm / t.ratio_factor) continue;
      found.push({
        rule: 'ratio-off-norm',
        day: send.day,
        send,
        figure: `${name} ${ratioText(value)}`,
        baseline: `账号常态：近 ${normDays} 天 ${others.length} 篇文章的中位数 ${ratioText(norm)}`,
        threshold: `高于常态 × ${times(t.ratio_factor)} 或低于常态 ÷ ${times(t.ratio_factor)}`,
        reading: value > norm ? `偏高：${high}。` : `偏低：${low}。`,
      });
    }
  }
  return found;
}

const ratioText = (value: number) => value.toFixed(2);

function nightReading({ series, period, thresholds: t }: AnomalyInput): Anomaly[] {
  const nightShare = (hours: readonly number[]) => {
    const total = hours.reduce((sum, reads) => sum + reads, 0);
    return total > 0 ? nightHours.reduce((sum, hour) => sum + (hours[hour] ?? 0), 0) / total : undefined;
  };
  const found: Anomaly[] = [];
  for (const day of period.days) {
    const hours = series.hourly.get(day);
    const total = hours?.reduce((sum, reads) => sum + reads, 0) ?? 0;
    const share = hours ? nightShare(hours) : undefined;
    if (!hours || share === undefined || total < t.min_reads || share < t.night_share) continue;
    const shares = before(series.hourly, day, t.baseline_days, nightShare);
    const base = median(shares);
    if (shares.length < minimumBaseline || base === undefined || share < base * t.night_factor) continue;
    const night = nightHours.reduce((sum, hour) => sum + hours[hour]!, 0);
    found.push({
      rule: 'night-reads',
      day,
      figure: `0–5 点阅读 ${count(night)} 次，占当天 ${percent(share)}`,
      baseline: `${baselineText(t.baseline_days, shares)}：${percent(base)}`,
      threshold: `占比 ≥ ${percent(t.night_share, 0)}，且 ≥ 基线 × ${times(t.night_factor)}`,
      reading: '真实读者很少在凌晨集中阅读：机器刷量常在夜里跑；也可能是海外读者或一次夜间推广。',
    });
  }
  return found;
}

/** Where articles bring followers from: the account name in an article, and reposts. */
const articleSources = new Set([57, 161]);

/**
 * New followers an article did not bring: without the sources of its follows (57 文章内账号名称, 161 他人转载),
 * when the snapshots have them by source; else all of them, and a day after a send is left alone too.
 */
function notFromArticles(series: AccountSeries, day: string): number | undefined {
  const total = series.followers.get(day)?.newUsers;
  const sources = series.followerSources.get(day);
  if (total === undefined || !sources) return total;
  return total - [...sources].reduce((sum, [code, gained]) => sum + (articleSources.has(code) ? gained : 0), 0);
}

function followerJumps({ series, period, thresholds: t, sendDays }: AnomalyInput): Anomaly[] {
  const found: Anomaly[] = [];
  for (const day of period.days) {
    const gained = notFromArticles(series, day);
    const bySource = series.followerSources.has(day);
    if (gained === undefined || gained < t.min_new_followers || sendDays.has(day) || (!bySource && sendDays.has(addDays(day, -1)))) continue;
    const gains = before(series.followers, day, t.baseline_days, (_, back) => notFromArticles(series, back));
    const base = median(gains);
    if (gains.length < minimumBaseline || base === undefined || gained < base * t.spike_factor) continue;
    const sources = [...(series.followerSources.get(day) ?? [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = sources[0] && sources[0][1] > 0 ? `，最多的来源是${followSources[sources[0][0]] ?? `来源 ${sources[0][0]}`}（${count(sources[0][1])} 人）` : '';
    const what = bySource ? '不是文章带来的新增关注' : '新增关注';
    found.push({
      rule: 'follower-jump',
      day,
      figure: `${what} ${count(gained)} 人${top}`,
      baseline: `${baselineText(t.baseline_days, gains)}：${count(base)} 人`,
      threshold: `≥ 基线 × ${times(t.spike_factor)}，当天没有发文${bySource ? '（不算文章内账号名称、他人转载带来的关注）' : '，前一天也没有'}`,
      reading: '没有文章带来这些关注：可能是线下活动或广告的二维码、别的账号推荐，也可能是买来的粉丝。核对当天的活动和投放。',
    });
  }
  return found;
}

function deliveryDrops({ series, period, thresholds: t, sends }: AnomalyInput): Anomaly[] {
  // One delivery per send day: the articles of one mass send share it.
  const byDay = new Map<string, number>();
  for (const send of sends) if (send.delivered !== undefined && send.delivered > 0 && !byDay.has(send.day)) byDay.set(send.day, send.delivered);
  const days = [...byDay.keys()].sort();
  const found: Anomaly[] = [];
  days.forEach((day, index) => {
    if (day < period.first || day > period.last || index < 1) return;
    const earlier = days.slice(Math.max(0, index - deliveredBaseline), index).map((d) => byDay.get(d)!);
    const base = median(earlier)!;
    const delivered = byDay.get(day)!;
    if (delivered > base * (1 - t.delivered_drop)) return;
    const total = series.followers.get(day)?.total;
    const followers = total !== undefined ? `；当天关注人数 ${count(total)}` : '';
    found.push({
      rule: 'delivered-drop',
      day,
      send: sends.find((send) => send.day === day && send.delivered === delivered)!,
      figure: `送达 ${count(delivered)} 人${followers}`,
      baseline: `之前 ${earlier.length} 次群发送达人数的中位数 ${count(base)} 人`,
      threshold: `比基线少 ${percent(t.delivered_drop, 0)} 以上`,
      reading: '关注人数没有同样下降时，多半是这次群发被限制了送达（违规、被投诉），或发给了部分分组；看看后台通知。',
    });
  });
  return found;
}
