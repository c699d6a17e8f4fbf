import type { AccountReport } from './account-report.ts';
import type { Chart, DrawChart } from './charts.ts';
import { count, figure } from './format.ts';
import { md } from './markdown.ts';
import type { Period } from './period.ts';

/** One account's line on the agency's page: its report, or why it has none. */
export interface OverviewEntry {
  account: string;
  name: string;
  report?: AccountReport;
  problem?: string;
}

/** The overview lives beside the accounts' folders; `_` cannot start an account id, so it never clashes with one. */
export const overviewFolder = 'reports/_overview';

function kpisMet(report: AccountReport): string {
  const targeted = report.kpis.filter((kpi) => kpi.target !== undefined && kpi.value !== null);
  return targeted.length ? `${targeted.filter((kpi) => kpi.met).length}/${targeted.length}` : '未设目标';
}

function row(entry: OverviewEntry, period: Period): string[] {
  const link = `[${entry.account}](../${entry.account}/${period.id}.md)`;
  const report = entry.report;
  if (!report) return [entry.account, md(entry.name), '—', '—', '—', '—', '—', '—', md(entry.problem ?? '没有数据')];
  const reads = report.kpis.find((kpi) => kpi.id === 'reads')!;
  const net = report.kpis.find((kpi) => kpi.id === 'net_followers')!;
  const readsText = reads.value === null ? '—' : `${count(reads.value)}${reads.target !== undefined ? ` ${reads.met ? '✔' : '✘'}` : ''}`;
  const netText = net.value === null ? '—' : `${count(net.value)}${net.target !== undefined ? ` ${net.met ? '✔' : '✘'}` : ''}`;
  const open = report.kpis.find((kpi) => kpi.id === 'open_rate')!;
  return [
    link,
    md(entry.name),
    kpisMet(report),
    readsText,
    netText,
    open.value === null ? '—' : figure(open.value, 'rate'),
    String(report.articles.length),
    String(report.anomalies.length),
    report.coveredDays < report.period.days.length ? `数据到 ${report.asOf}` : '',
  ];
}

/** Reads against target for every account with a target and a report: one bar each. */
export function overviewChart(entries: readonly OverviewEntry[], renderChart: DrawChart): Chart | undefined {
  const rows = entries.flatMap((entry) => {
    const reads = entry.report?.kpis.find((kpi) => kpi.id === 'reads');
    return reads && reads.value !== null && reads.target ? [{ account: entry.account, done: Math.round((reads.value / reads.target) * 100), met: reads.met === true }] : [];
  });
  if (!rows.length) return undefined;
  const shown = [...rows].reverse();
  const svg = renderChart('overview', 80 + shown.length * 26, {
    title: { text: '阅读次数目标完成度', left: 8, top: 6, textStyle: { fontSize: 14 } },
    grid: { left: 140, right: 60, top: 44, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((r) => r.account) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: shown.map((r) => ({ value: r.done, itemStyle: { color: r.met ? '#3a6b4c' : '#c0873f' } })),
        label: { show: true, position: 'right', formatter: '{c}%' },
        markLine: { symbol: 'none', silent: true, data: [{ xAxis: 100 }], lineStyle: { color: '#888888', type: 'dashed' }, label: { formatter: '目标' } },
      },
    ],
  });
  return { file: 'accounts.svg', title: '各账号阅读次数相对目标的百分比（绿色达成，橙色未达成）', svg };
}

export function overviewMarkdown(period: Period, entries: readonly OverviewEntry[], chart: Chart | undefined, command: string): string {
  const kind = period.kind === 'monthly' ? '月报' : '周报';
  const reported = entries.filter((entry) => entry.report);
  const met = reported.filter((entry) => entry.report!.kpis.some((kpi) => kpi.target !== undefined) && entry.report!.kpis.every((kpi) => kpi.target === undefined || kpi.met)).length;
  const anomalies = reported.reduce((sum, entry) => sum + entry.report!.anomalies.length, 0);
  const reads = reported.reduce((sum, entry) => sum + entry.report!.totals.reads, 0);
  const headers = ['账号', '名称', 'KPI 达成', '阅读次数', '净增关注', '打开率', '发文', '异常', '备注'];
  const lines = [
    `# 全部账号 ${kind} · ${period.label}`,
    `由 \`${command}\` 从各账号 \`reports/<账号>/metrics/\` 的快照生成。${entries.length} 个账号，${reported.length} 个有数据；全部目标都达成的 ${met} 个；合计阅读 ${count(reads)} 次；异常 ${anomalies} 处。点账号看它的报告；口径见各账号报告的「指标口径」。`,
    `| ${headers.join(' | ')} |\n| ${headers.map((_, i) => (i < 2 ? '---' : i === 8 ? '---' : '---:')).join(' | ')} |\n${entries.map((entry) => `| ${row(entry, period).join(' | ')} |`).join('\n')}`,
    'KPI 达成：有目标的指标中达成的个数；✔ 达成、✘ 未达成该项目标。',
    ...(chart ? [`![${chart.title}](${period.id}/${chart.file})`] : []),
  ];
  return `${lines.join('\n\n')}\n`;
}
