import { figure } from './format.ts';
import type { ReportRun } from './index.ts';

/** What a run prints for people: each report written, its headline numbers, and the overview. */
export function runText(run: ReportRun): string {
  const changed = new Set(run.changed);
  const lines = run.written.map(({ account, report, files }) => {
    const charts = files.charts.length ? ` 和 ${files.charts.length} 张图（${files.markdown.replace(/\.md$/, '/')}）` : '';
    const same = [files.markdown, files.html, ...files.charts].some((file) => changed.has(file)) ? '' : '（没有变化）';
    const headline = report.kpis
      .filter((kpi) => kpi.id === 'reads' || kpi.id === 'net_followers')
      .map((kpi) => `${kpi.label} ${kpi.value === null ? '—' : figure(kpi.value, kpi.unit)}${kpi.target === undefined ? '' : `（目标 ${figure(kpi.target, kpi.unit)} ${kpi.met ? '✔' : '✘'}）`}`);
    return `${account}：已写入 ${files.markdown}、${files.html}${charts}${same}。${[...headline, `异常 ${report.anomalies.length} 处`].join('，')}。`;
  });
  if (run.overview) lines.push(`总览：已写入 ${run.overview.markdown}、${run.overview.html}（${run.written.length + run.missing.length} 个账号）。`);
  if (!lines.length) lines.push(`${run.period.id}：没有写出报告。`);
  return `${lines.join('\n')}\n`;
}
