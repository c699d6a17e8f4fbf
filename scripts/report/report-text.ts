import { figure } from './format.ts';
import type { ReportRun } from './index.ts';

/** What a run prints for people: each report written, its headline numbers, and the overview. */
export function runText(run: ReportRun): string {
  const changed = new Set(run.changed);
  const verbFor = (files: readonly string[]) => (files.some((file) => changed.has(file)) ? '已写入' : '没有变化，未改写');
  const lines = run.written.map(({ account, report, files }) => {
    const charts = files.charts.length ? ` 和 ${files.charts.length} 张图（${files.markdown.replace(/\.md$/, '/')}）` : '';
    const verb = verbFor([files.markdown, files.html, ...files.charts]);
    const headline = report.kpis
      .filter((kpi) => kpi.id === 'reads' || kpi.id === 'net_followers')
      .map((kpi) => `${kpi.label} ${kpi.value === null ? '—' : figure(kpi.value, kpi.unit)}${kpi.target === undefined ? '' : `（目标 ${figure(kpi.target, kpi.unit)} ${kpi.met ? '✔' : '✘'}）`}`);
    return `${account}：${verb} ${files.markdown}、${files.html}${charts}。${[...headline, `异常 ${report.anomalies.length} 处`].join('，')}。`;
  });
  if (run.overview) lines.push(`总览：${verbFor([run.overview.markdown, run.overview.html, ...run.overview.charts])} ${run.overview.markdown}、${run.overview.html}（${run.written.length + run.missing.length} 个账号）。`);
  if (!lines.length) lines.push(`${run.period.id}：没有写出报告。`);
  return `${lines.join('\n')}\n`;
}
