import type { Command } from 'commander';
import { afterHelp } from './cli-help.ts';
import { formatOption, requireAccount, rootOf, rootOption, type CommonOptions } from './cli-options.ts';
import { UsageError } from './shared/path-filter.ts';

// The report commands: arguments in, the report stage called, results out. Stages are imported lazily, as in cli.ts.

const exitHelp = '退出码 Exit: 0 已写出 · 1 有账号在这段时间没有快照数据（其余账号照常写出），或快照文件读不了 · 2 用法错误（未知账号、--period 写错）或写不了文件';

interface ReportOptions extends CommonOptions {
  account?: string;
  period?: string;
  all?: boolean;
  commit?: boolean;
}

async function report(kind: 'monthly' | 'weekly', options: ReportOptions): Promise<void> {
  const stage = await import('./report/index.ts');
  const parsed = options.period === undefined ? undefined : stage.parsePeriod(kind, options.period);
  if (parsed && !parsed.ok) throw new UsageError(parsed.problem);
  if (options.all && options.account !== undefined) throw new UsageError('--all 是所有账号加一页总览，不能和 --account 一起用。');
  const root = rootOf(options);
  await requireAccount(root, options.account);
  const { loadContent } = await import('./content/index.ts');
  const set = await loadContent(root);
  const accounts = options.account !== undefined ? [options.account] : set.accounts.map((file) => file.place.account).sort();
  const command = ['mpdesk report', kind, ...(options.account ? ['--account', options.account] : []), ...(options.all ? ['--all'] : [])].join(' ');
  const metrics = await import('./metrics/index.ts');
  let run;
  try {
    run = await stage.runReports(root, { set, kind, ...(parsed?.ok ? { period: parsed.period } : {}), accounts, overview: options.all === true, command });
  } catch (error) {
    if (!(error instanceof metrics.SnapshotError)) throw error;
    process.stderr.write(`mpdesk: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const committed = options.commit ? await stage.commitReports(root, commitMessage(kind, run), run.paths) : undefined;
  for (const missing of run.missing) process.stderr.write(`mpdesk: ${missing.account}：${missing.message}\n`);
  if (options.format === 'json') {
    const reports = run.written.map(({ report, files }) => ({ ...report, files }));
    process.stdout.write(`${JSON.stringify({ period: run.period, reports, missing: run.missing, ...(run.overview ? { overview: run.overview } : {}), changed: run.changed, ...(committed ? { commit: committed } : {}) }, null, 2)}\n`);
  } else {
    process.stdout.write(stage.runText(run) + (options.commit ? (committed ? `已提交：${committed}\n` : '报告没有变化，没有提交。\n') : ''));
  }
  process.exitCode = run.missing.length ? 1 : 0;
}

function commitMessage(kind: string, run: { period: { id: string }; written: Array<{ account: string }>; overview?: unknown }): string {
  const accounts = run.written.map((one) => one.account);
  const who = accounts.length <= 3 ? accounts.join(', ') : `${accounts.length} accounts`;
  return `report: ${kind} ${run.period.id}, ${who || 'no account'}${run.overview ? ' and the overview' : ''}`;
}

export function registerReportCommands(program: Command): void {
  const command = program.command('report').description('从提交的数据快照生成月报、周报：KPI 对照目标、图表、文章、来源、时段、计划对照、发布节奏、异常和对比。Monthly and weekly reports.');
  const examples: Record<'monthly' | 'weekly', string> = {
    monthly: '  mpdesk report monthly --account qinghe-tea --period 2026-11\n  mpdesk report monthly --all --commit\n  mpdesk report monthly --account qinghe-tea --format json',
    weekly: '  mpdesk report weekly --account qinghe-tea --period 2026-W48\n  mpdesk report weekly --all',
  };
  for (const kind of ['monthly', 'weekly'] as const) {
    command
      .command(kind)
      .description(kind === 'monthly' ? '月报：reports/<账号>/<YYYY-MM>.md 和 .html，图表在 reports/<账号>/<YYYY-MM>/。Monthly report.' : '周报（ISO 周，周一到周日）：reports/<账号>/<YYYY-Www>.md 和 .html。Weekly report.')
      .option('--account <account>', '只生成该账号 only this account（默认：所有账号）')
      .option('--period <period>', kind === 'monthly' ? '月份 YYYY-MM（默认：快照里最近一个已经结束的月）' : 'ISO 周 YYYY-Www，如 2026-W48（默认：快照里最近一个已经结束的周）')
      .option('--all', '所有账号，再加一页总览 reports/_overview/<期间>.md every account and an overview page')
      .option('--commit', '只提交这次写出的报告文件（没有变化就不提交）commit the report files')
      .addOption(formatOption())
      .addOption(rootOption())
      .addHelpText('after', afterHelp(`\n只读已提交的快照 reports/<账号>/metrics/、account.yaml（kpi、cadence、anomalies）、计划和文章；同样的输入写出同样的字节。\n\n例 Examples:\n${examples[kind]}\n\n${exitHelp}`))
      .action((options: ReportOptions) => report(kind, options));
  }
}
