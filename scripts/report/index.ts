/**
 * Reports: monthly and weekly reports of each account from its committed metrics snapshots, account.yaml, plans
 * and articles — KPIs against targets, charts, articles, sources, hours, plan against what went out, cadence gaps,
 * anomalies and comparisons — written as Markdown with SVG charts and a self-contained HTML page, and, for an
 * agency, one overview page of every account.
 */
import { typedFields, type ContentSet } from '../content/index.ts';
import { loadSnapshots } from '../metrics/index.ts';
import { accountReport, type AccountReport } from './account-report.ts';
import { accountCharts, chartEngine, type Chart } from './charts.ts';
import { reportMarkdown } from './markdown.ts';
import { overviewChart, overviewFolder, overviewMarkdown, type OverviewEntry } from './overview.ts';
import { latestEnded, type Period, type PeriodKind } from './period.ts';
import { readSeries, type AccountSeries } from './series.ts';
import { reportPaths, writeReport, type ReportFiles } from './write.ts';

export { parsePeriod, type Period, type PeriodKind } from './period.ts';
export { commitReports } from './commit.ts';
export { runText } from './report-text.ts';
export type { AccountReport } from './account-report.ts';
export { latestKpis, type LatestKpis } from './latest-kpis.ts';
export type { Kpi, KpiId } from './kpi.ts';
export { figure, percent } from './format.ts';

/** The Markdown-to-HTML pipeline loads when a report is written, not for the desk, which only reads KPIs. */
const htmlWriter = () => import('./html.ts');

export interface ReportRequest {
  set: ContentSet;
  kind: PeriodKind;
  /** Default: the last period that has ended by the newest day in the snapshots. */
  period?: Period;
  accounts: readonly string[];
  /** Also write the overview page of every account. */
  overview: boolean;
  /** How the run was asked for, as the reports name it. */
  command: string;
}

export interface WrittenAccount {
  account: string;
  report: AccountReport;
  files: ReportFiles;
}

export interface ReportRun {
  period: Period;
  written: WrittenAccount[];
  /** Accounts with nothing in their snapshots for the period, and what to do. */
  missing: Array<{ account: string; message: string }>;
  overview?: ReportFiles;
  /** Files whose bytes changed (or that were removed). */
  changed: string[];
  /** The pathspecs a commit of this run takes. */
  paths: string[];
}

function describeSpan(account: string, series: AccountSeries): string {
  const days = [...series.daily.keys(), ...series.followers.keys()].sort();
  return days.length ? `快照从 ${days[0]} 到 ${days.at(-1)}` : `还没有快照：先运行 mpdesk metrics pull --account ${account}，或用 mpdesk metrics import 导入后台导出的文件`;
}

/** Loads the accounts' snapshots, makes each report for the period, writes them and, when asked, the overview. */
export async function runReports(root: string, request: ReportRequest): Promise<ReportRun> {
  const snapshots = await loadSnapshots(root, request.accounts);
  const series = new Map([...snapshots].map(([account, frames]) => [account, readSeries(frames)]));
  const newest = [...series.values()].flatMap((one) => (one.newest ? [one.newest] : [])).sort().at(-1);
  const period = request.period ?? latestEnded(request.kind, newest ?? '1970-01-01');
  const run: ReportRun = { period, written: [], missing: [], changed: [], paths: [] };
  const entries: OverviewEntry[] = [];
  for (const account of request.accounts) {
    const file = request.set.accounts.find((one) => one.place.account === account);
    const settings = file?.doc ? typedFields('account', file.doc.data) : {};
    const data = series.get(account)!;
    const report = accountReport({ set: request.set, account, settings, series: data, period });
    const name = settings.name ?? account;
    if (!report) {
      const message = `reports/${account}/metrics/ 没有 ${period.id} 的数据（${describeSpan(account, data)}）。`;
      run.missing.push({ account, message });
      entries.push({ account, name, problem: message });
      continue;
    }
    const charts = accountCharts(report, await chartEngine());
    const files = reportPaths(`reports/${account}`, period.id, charts);
    const markdown = reportMarkdown(report, charts);
    const { reportHtml } = await htmlWriter();
    const html = reportHtml(markdown, `${name} ${period.label}`, chartsByAddress(period, charts), report.colors);
    run.changed.push(...(await writeReport(root, files, markdown, html, charts)));
    run.paths.push(`:(glob)reports/${account}/${period.id}.*`, `:(glob)reports/${account}/${period.id}/**`);
    run.written.push({ account, report, files });
    entries.push({ account, name, report });
  }
  if (request.overview) {
    const chart = overviewChart(entries, await chartEngine());
    const charts = chart ? [chart] : [];
    const files = reportPaths(overviewFolder, period.id, charts);
    const markdown = overviewMarkdown(period, entries, chart, request.command);
    const { reportHtml } = await htmlWriter();
    const html = reportHtml(markdown, `全部账号 ${period.label}`, chartsByAddress(period, charts), { primary: '#3a6b4c', accent: '#c0873f' });
    run.changed.push(...(await writeReport(root, files, markdown, html, charts)));
    run.paths.push(`:(glob)${overviewFolder}/${period.id}.*`, `:(glob)${overviewFolder}/${period.id}/**`);
    run.overview = files;
  }
  return run;
}

const chartsByAddress = (period: Period, charts: readonly Chart[]) => new Map(charts.map((chart) => [`${period.id}/${chart.file}`, chart]));
