import type { AccountReport } from './account-report.ts';
import { ruleNames, nightHours, type Anomaly, type AnomalyRule, type Thresholds } from './anomalies.ts';
import type { Chart } from './charts.ts';
import type { ComparisonGroup } from './comparisons.ts';
import { change, count, figure, percent, times } from './format.ts';
import { hoursText, periodWords, reportFindings, slotObservation } from './findings.ts';
import type { KnownSend } from './hours.ts';
import { daysPerMonth } from './kpi.ts';
import { outcomeLabels, onTimeMinutes } from './plan-actual.ts';

/**
 * One account's report as Markdown: GitHub shows it with its charts (SVG files beside it), and the HTML writer
 * renders the same text. Everything that comes from the content (titles, topics) is escaped.
 */

/** Text as Markdown shows it literally, on one line (a `|` would end a table cell). */
export function md(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (char) => `\\${char}`);
}

/** A link from `reports/<account>/<period>.md` to a repository file. */
export const fileLink = (label: string, file: string) => `[${md(label)}](../../${file.split('/').map(encodeURIComponent).join('/')})`;

function table(headers: readonly string[], align: string, rows: ReadonlyArray<readonly string[]>): string {
  // GitHub renders no table whose delimiter row has another number of cells than its header.
  if (align.length !== headers.length) throw new Error(`table: ${headers.length} headers, ${align.length} alignments`);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align.split('').map((a) => (a === 'r' ? '---:' : a === 'c' ? ':-:' : '---'))), ...rows.map(line)].join('\n');
}

const image = (report: AccountReport, chart: Chart | undefined) => (chart ? `![${chart.title}](${report.period.id}/${chart.file})` : '');

function header(report: AccountReport): string {
  const kind = report.period.kind === 'monthly' ? '月报' : '周报';
  const command = `mpdesk report ${report.period.kind} --account ${report.account} --period ${report.period.id}`;
  const partial =
    report.coveredDays < report.period.days.length
      ? `\n\n> 本期还没有结束：快照只到 ${report.asOf}（${report.coveredDays}/${report.period.days.length} 天），次数目标按已有的天数折算。`
      : '';
  return `# ${md(report.name)} ${kind} · ${report.period.label}\n\n数据来自 \`reports/${report.account}/metrics/\` 的快照，截至 ${report.asOf}（北京时间）；由 \`${command}\` 生成。各项口径见文末「指标口径」。${partial}`;
}

function kpiSection(report: AccountReport, charts: Map<string, Chart>): string {
  const words = periodWords(report);
  const rows = report.kpis.map((kpi) => [
    kpi.label,
    kpi.value === null ? '—' : figure(kpi.value, kpi.unit),
    kpi.target === undefined ? '未设目标' : `${figure(kpi.target, kpi.unit)}${kpi.targetNote ? `（${kpi.targetNote}）` : ''}`,
    kpi.target === undefined || kpi.value === null ? '—' : `${kpi.met ? '✔' : '✘'}${kpi.target > 0 ? ` ${percent(kpi.value / kpi.target, 0)}` : ''}`,
    kpi.previous === undefined || kpi.previous === null ? '—' : figure(kpi.previous, kpi.unit),
    kpi.value === null || kpi.previous === undefined || kpi.previous === null ? '—' : change(kpi.value, kpi.previous, kpi.unit),
  ]);
  return `## 核心指标\n\n${table(['指标', words.now, '目标', '达成', words.before, '变化'], 'lrrcrr', rows)}\n\n${image(report, charts.get('kpi.svg'))}`.trimEnd();
}

function followersSection(report: AccountReport, charts: Map<string, Chart>): string {
  const t = report.totals;
  const end = t.followersAtEnd !== undefined ? `，期末关注 ${count(t.followersAtEnd)} 人` : '';
  const summary = t.followerDays ? `新增 ${count(t.newFollowers)} 人，取消 ${count(t.cancelled)} 人，净增 ${count(t.netFollowers)} 人${end}。` : '快照里没有这段时间的关注数据。';
  return `## 关注\n\n${image(report, charts.get('followers.svg'))}\n\n${summary}`;
}

function sourcesSection(report: AccountReport, charts: Map<string, Chart>): string {
  if (!report.sources.length) return '## 阅读来源\n\n快照里没有按来源的阅读数据。';
  const rows = report.sources.map((source) => [source.name, count(source.reads), percent(source.share)]);
  return `## 阅读来源\n\n${image(report, charts.get('sources.svg'))}\n\n${table(['来源', '阅读次数', '占比'], 'lrr', rows)}`;
}

function hoursSection(report: AccountReport, charts: Map<string, Chart>): string {
  const parts = ['## 阅读时段与发布时段'];
  if (report.hours.days) {
    parts.push(image(report, charts.get('hours.svg')), `读者最集中在 ${hoursText(report.hours.best)}：这些小时的阅读次数达到最忙那个小时的一半以上（${report.hours.days} 天的分时数据）。`);
  } else parts.push('快照里没有这段时间的分时阅读数据。');
  if (report.publishHours.length) {
    const rows = report.publishHours.map((hour) => [`${hour.hour}:00–${hour.hour}:59`, String(hour.sends), count(hour.medianReads), hour.openRate === null ? '—' : percent(hour.openRate, 2)]);
    parts.push(`截至 ${report.period.last}、发出时间已知的文章，按发出的小时：\n\n${table(['发出时段', '篇数', '阅读次数中位数', '打开率'], 'lrrr', rows)}`);
  } else parts.push('没有发出时间已知的文章（时间来自文章的发布回执或 publish_at），无法比较发布时段。');
  return parts.join('\n\n');
}

function articleRow(send: KnownSend): string[] {
  const title = send.repo ? fileLink(send.title, send.repo.file) : `${md(send.title)}（仓库里没有）`;
  return [
    title,
    send.day.slice(5),
    send.delivered === undefined ? '—' : count(send.delivered),
    count(send.reads),
    count(send.readers),
    send.delivered ? percent(send.readers / send.delivered, 2) : '—',
    send.reads ? percent(send.shares / send.reads) : '—',
    send.daysCounted >= 7 ? '7' : `${send.daysCounted}（未满 7 天）`,
  ];
}

function articlesSection(report: AccountReport): string {
  const headers = ['文章', '发出', '送达人数', '阅读次数', '阅读人数', '打开率', '分享率', '统计天数'];
  const { articles } = report;
  if (!articles.length) return `## 文章\n\n${periodWords(report).now}快照里没有文章的数据。`;
  const body =
    articles.length <= 6
      ? `${periodWords(report).now}发出的 ${articles.length} 篇，按阅读次数：\n\n${table(headers, 'lrrrrrrr', articles.map(articleRow))}`
      : `阅读最多的 3 篇：\n\n${table(headers, 'lrrrrrrr', articles.slice(0, 3).map(articleRow))}\n\n阅读最少的 3 篇：\n\n${table(headers, 'lrrrrrrr', articles.slice(-3).map(articleRow))}`;
  return `## 文章\n\n${body}\n\n数字是每篇发出后 7 天内的累计（群发文章的图文总数据）；链接指向仓库里的文章。`;
}

function planSection(report: AccountReport): string {
  const { planned, unplanned, withoutPlan } = report.plan;
  const parts = ['## 计划与实际'];
  if (withoutPlan.length) parts.push(`${withoutPlan.map((month) => `\`content/${report.account}/plans/${month}.md\``).join('、')} 不存在：${withoutPlan.join('、')} 没有内容计划（可以用 \`mpdesk plan new\` 生成）。`);
  if (planned.length) {
    const rows = planned.map((item) => [
      item.entry,
      item.planned,
      md(item.topic),
      md(item.format ?? '—'),
      `${outcomeLabels[item.outcome]}${item.offBy ? ` ${item.offBy}` : ''}`,
      item.actual ?? '—',
      item.articles.length ? item.articles.map((a) => `${fileLink(a.title, a.file)}（${a.status}）`).join('；') : '还没有文章',
    ]);
    parts.push(table(['条目', '计划时间', '选题', '形式', '结果', '实际发出', '文章'], 'lllllll', rows));
    parts.push(`准时：在计划时间前后 ${onTimeMinutes} 分钟内发出（只知道发出日期的，按日期比）；未发出：计划时间已过、快照截至 ${report.asOf} 还没有发出；未到期：计划时间在快照最后一天之后。`);
  }
  if (unplanned.length) parts.push(`计划外发出：\n\n${unplanned.map((item) => `- ${item.day.slice(5)} ${item.file ? fileLink(item.title, item.file) : `${md(item.title)}（仓库里没有：从公众号后台直接发出）`}`).join('\n')}`);
  else if (planned.length) parts.push('没有计划外发出的文章。');
  return parts.join('\n\n');
}

function cadenceSection(report: AccountReport): string {
  const { cadence, allowed, gaps } = report.cadence;
  if (!cadence) return `## 发布节奏\n\n\`content/${report.account}/account.yaml\` 没有 cadence（发布节奏），没有检查发文间隔。`;
  const rows = gaps.map((gap) => (gap.open ? `- ${gap.from.slice(5)} 之后到 ${gap.to.slice(5)} 已 ${gap.days} 天没有发文（还没结束）` : `- ${gap.from.slice(5)} 到 ${gap.to.slice(5)}：隔了 ${gap.days} 天`));
  return `## 发布节奏\n\n发布节奏是${cadence}，两次发文最多隔 ${allowed} 天。${gaps.length ? `超过的间隔：\n\n${rows.join('\n')}` : '本期没有超过的间隔。'}`;
}

const ruleTexts: Record<AnomalyRule, (t: Thresholds) => string> = {
  'reads-without-shares': (t) => `一天的阅读次数 ≥ 前 ${t.baseline_days} 天中位数 × ${times(t.spike_factor)}，而分享率 < 同期中位数 × ${times(t.share_drop)}`,
  'ratio-off-norm': (t) => `一篇文章的阅读人数/阅读次数或分享次数/阅读次数，高于账号近 90 天文章的中位数 × ${times(t.ratio_factor)} 或低于其 ÷ ${times(t.ratio_factor)}（至少 5 篇作比较）`,
  'night-reads': (t) => `一天 ${nightHours[0]}–${nightHours.at(-1)} 点的阅读占比 ≥ ${percent(t.night_share, 0)}，且 ≥ 前 ${t.baseline_days} 天中位数 × ${times(t.night_factor)}`,
  'follower-jump': (t) => `一天不是文章带来的新增关注（除去文章内账号名称、他人转载两个来源；快照没有来源时算全部，前一天发过文也不判断）≥ 前 ${t.baseline_days} 天中位数 × ${times(t.spike_factor)}（至少 ${t.min_new_followers} 人），当天没有发文`,
  'delivered-drop': (t) => `一次群发的送达人数比之前 5 次的中位数少 ${percent(t.delivered_drop, 0)} 以上`,
};

function anomalyLine(anomaly: Anomaly): string {
  const subject = anomaly.send ? `《${anomaly.send.repo ? fileLink(anomaly.send.title, anomaly.send.repo.file) : md(anomaly.send.title)}》` : '';
  return `- **${anomaly.day.slice(5)} ${ruleNames[anomaly.rule]}**${subject}：${anomaly.figure}；基线：${anomaly.baseline}；阈值：${anomaly.threshold}。${anomaly.reading}`;
}

function anomaliesSection(report: AccountReport): string {
  const rules = (Object.keys(ruleTexts) as AnomalyRule[]).map((rule) => `- ${ruleNames[rule]}：${ruleTexts[rule](report.thresholds)}`);
  const found = report.anomalies.length ? report.anomalies.map(anomalyLine).join('\n') : '本期没有发现异常。';
  return `## 异常\n\n${found}\n\n规则（阈值在 \`account.yaml\` 的 \`anomalies\` 下，可以改；阅读少于 ${count(report.thresholds.min_reads)} 次的日子和文章不判断；基线不足 7 天的不判断）：\n\n${rules.join('\n')}`;
}

function groupRows(groups: readonly ComparisonGroup[]): string[][] {
  const name = (article: ComparisonGroup['articles'][number] | undefined) => (article ? `${article.file ? fileLink(article.title, article.file) : md(article.title)}（${article.openRate === null ? '—' : percent(article.openRate, 2)}）` : '—');
  return groups.map((group) => [
    md(group.name),
    String(group.articles.length),
    group.medianOpenRate === null ? '—' : percent(group.medianOpenRate, 2),
    group.medianSharesPerReader === null ? '—' : group.medianSharesPerReader.toFixed(3),
    name(group.articles[0]),
    group.articles.length > 1 ? name(group.articles.at(-1)) : '—',
  ]);
}

function comparisonsSection(report: AccountReport): string {
  const { from, to, bySlot, byFormat } = report.comparisons;
  if (!bySlot.length) return `## 标题与时段对比\n\n${from} 至 ${to} 没有可比较的文章。`;
  const headers = ['分组', '篇数', '打开率中位数', '每位读者分享', '打开率最高', '打开率最低'];
  const observation = slotObservation(report);
  return [
    `## 标题与时段对比\n\n${from} 至 ${to} 发出的文章，同一时段、同一形式的放在一起比：打开率 = 阅读人数 ÷ 送达人数，每位读者分享 = 分享次数 ÷ 阅读人数。每组篇数都列出；篇数少时差别可能来自选题、天气或别的原因，只是观察，不是结论。`,
    `按发出时段（星期和小时；时间来自发布回执或 publish_at）：\n\n${table(headers, 'lrrrll', groupRows(bySlot))}`,
    `按形式（来自计划条目的 format）：\n\n${table(headers, 'lrrrll', groupRows(byFormat))}`,
    ...(observation ? [observation] : []),
  ].join('\n\n');
}

function definitions(report: AccountReport): string {
  const weekly = report.period.kind === 'weekly' ? `；周报的次数目标是月目标 × 7 ÷ ${daysPerMonth.toFixed(2)}` : '';
  return `## 指标口径

- **阅读次数**：文章被打开的次数（微信的 int_page_read_count），按天、各来源相加。
- **阅读人数**：每天阅读文章的人数（int_page_read_user）相加，同一个人在不同的日子读会算多次。
- **打开率** = 阅读人数 ÷ 送达人数（送达人数：群发时收到推送的关注者，target_user），本期群发的文章发出后 7 天内累计；没有送达人数的（非群发、导出的数据）不算在内。
- **分享率** = 分享次数 ÷ 阅读次数；**收藏率** = 收藏次数 ÷ 阅读次数。
- **净增关注** = 新增关注 − 取消关注，按天相加。
- **目标**：\`content/${report.account}/account.yaml\` 的 \`kpi\`（月度目标）${weekly}；本期没有结束时按已有数据的天数折算。✔ 达到或超过目标，✘ 没有达到；没有写目标的是「未设目标」。
- **阅读来源**：会话（公众号消息）、好友（好友转发）、朋友圈、历史消息页、看一看、搜一搜，其他是其余来源。
- 日期和小时都是北京时间（一天从 00:00 +08:00 开始）。`;
}

/** The report's Markdown; `charts` by file name. */
export function reportMarkdown(report: AccountReport, charts: readonly Chart[]): string {
  const byFile = new Map(charts.map((chart) => [chart.file, chart]));
  const findings = reportFindings(report).map((sentence) => `- ${md(sentence)}`);
  return `${[
    header(report),
    `## 要点\n\n${findings.join('\n')}`,
    kpiSection(report, byFile),
    `## 每日阅读\n\n${image(report, byFile.get('reads.svg'))}`,
    followersSection(report, byFile),
    sourcesSection(report, byFile),
    hoursSection(report, byFile),
    articlesSection(report),
    planSection(report),
    cadenceSection(report),
    anomaliesSection(report),
    comparisonsSection(report),
    definitions(report),
  ].join('\n\n')}\n`;
}
