import { InvalidArgumentError, type Command } from 'commander';
import { afterHelp } from './cli-help.ts';
import { formatOption, requireAccount, rootOf, rootOption, type CommonOptions } from './cli-options.ts';
import { isCalendarMonth } from './shared/calendar-date.ts';
import { hasErrors } from './shared/finding.ts';
import { UsageError } from './shared/path-filter.ts';

// The plan commands: arguments in, the plan stage called, results out. The stage is imported lazily, as in cli.ts.

const monthProblem = (value: string) => `月份应写成 YYYY-MM，如 2027-01：${value}`;

function month(value: string): string {
  if (!isCalendarMonth(value)) throw new InvalidArgumentError(monthProblem(value));
  return value;
}

interface ScopeOptions extends CommonOptions {
  account?: string;
  month?: string;
}

const scopeHelp = '不给 --account 是所有账号，不给 --month 是所有月份的计划。';

async function loadScope(options: { root?: string; account?: string; month?: string }) {
  const root = rootOf(options);
  await requireAccount(root, options.account);
  const { loadContent } = await import('./content/index.ts');
  return { set: await loadContent(root), scope: { account: options.account, month: options.month } };
}

/** Plans that could not be read are named on standard error, and the run exits 1 for them. */
function reportUnreadable(files: readonly string[]): void {
  if (!files.length) return;
  process.stderr.write(`mpdesk: 计划无法读取，没有列入：${files.join('、')}。运行 mpdesk plan check 查看原因。\n`);
  process.exitCode = 1;
}

export function registerPlanCommands(program: Command): void {
  const plan = program
    .command('plan')
    .description('月度内容计划：按发布节奏生成、对照文章检查、查看进度、导出日历。Monthly content plans: scaffold, check, status, calendar.');

  plan
    .command('new')
    .description('按 account.yaml 的 cadence（发布节奏）生成一个月的计划文件，选题留作“待定”。Scaffold a month from the cadence.')
    .argument('<month>', '月份 YYYY-MM month')
    .requiredOption('--account <account>', '账号 id account id')
    .addOption(formatOption())
    .addOption(rootOption())
    .addHelpText('after', afterHelp('\n已有的计划不会被覆盖。An existing plan is never overwritten.\n\n例 Example:\n  mpdesk plan new 2027-01 --account qinghe-tea\n\n退出码 Exit: 0 已生成 · 2 用法错误、已有计划或没有 cadence'))
    .action(async (value: string, options: CommonOptions & { account: string }) => {
      if (!isCalendarMonth(value)) throw new UsageError(monthProblem(value));
      const { set } = await loadScope(options);
      const { newPlan } = await import('./plan/index.ts');
      const result = await newPlan(set, { account: options.account, month: value });
      if (!result.ok) throw new UsageError(result.message);
      if (options.format === 'json') process.stdout.write(`${JSON.stringify({ file: result.file, entries: result.entries }, null, 2)}\n`);
      else process.stdout.write(`已创建 ${result.file}：${result.entries.length} 个条目（${result.cadence}）。\n下一步：填上每条的选题，然后运行 mpdesk plan check --account ${options.account} --month ${value}\n`);
    });

  plan
    .command('check')
    .description('对照文章检查计划：没有文章的条目、计划外的文章、同一时段两篇、超过发布节奏的间隔、不在最佳时段的计划。Check plans against articles, cadence and best hours.')
    .option('--account <account>', '只检查该账号 only this account')
    .option('--month <YYYY-MM>', '只检查该月 only this month', month)
    .addOption(formatOption())
    .addOption(rootOption())
    .addHelpText('after', afterHelp(`\n${scopeHelp}\n\n例 Examples:\n  mpdesk plan check\n  mpdesk plan check --account qinghe-tea --month 2026-12 --format json\n\n退出码 Exit: 0 无错误 · 1 有错误（同一时段两篇、条目时间不在本月、计划本身有错） · 2 用法错误`))
    .action(async (options: ScopeOptions) => {
      const { set, scope } = await loadScope(options);
      const { checkPlans } = await import('./plan/index.ts');
      const result = await checkPlans(set, scope);
      if (!result.ok) throw new UsageError(result.message);
      const { formatFindings } = await import('./output/findings.ts');
      process.stdout.write(formatFindings(result.findings, options.format, { checked: result.checked }));
      if (hasErrors(result.findings)) process.exitCode = 1;
    });

  plan
    .command('status')
    .description('列出计划条目和对应文章的状态（待写、草稿、审核中、已过审、已排期、已发布）。Each entry with its article status.')
    .option('--account <account>', '只列出该账号 only this account')
    .option('--month <YYYY-MM>', '只列出该月 only this month', month)
    .addOption(formatOption())
    .addOption(rootOption())
    .addHelpText('after', afterHelp(`\n${scopeHelp}时间为北京时间。\n\n例 Examples:\n  mpdesk plan status --account qinghe-tea --month 2026-12\n  mpdesk plan status --format json\n\n退出码 Exit: 0 · 1 有计划无法读取 · 2 用法错误`))
    .action(async (options: ScopeOptions) => {
      const { set, scope } = await loadScope(options);
      const { planStatus, statusText } = await import('./plan/index.ts');
      const result = planStatus(set, scope);
      if (!result.ok) throw new UsageError(result.message);
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(result.rows, null, 2)}\n` : statusText(result.rows));
      reportUnreadable(result.unreadable);
    });

  plan
    .command('ics')
    .description('把计划导出为 iCalendar 日历文件（RFC 5545），可导入 Google 日历、Outlook 和苹果日历；再次导入会更新而不是重复。Export the plans as an .ics calendar.')
    .option('--account <account>', '只导出该账号 only this account')
    .option('--month <YYYY-MM>', '只导出该月 only this month', month)
    .option('-o, --output <file>', '写入文件（相对于当前目录）；默认输出到标准输出 write here instead of standard output')
    .addOption(rootOption())
    .addHelpText('after', afterHelp(`\n${scopeHelp}每个条目一个日程（北京时间），UID 为 <账号>-<月份>-<条目 id>@mpdesk。同样的仓库内容得到同样的文件：DTSTAMP 取计划或文章最后一次提交的时间。\n\n例 Examples:\n  mpdesk plan ics --account qinghe-tea -o qinghe-tea.ics\n  mpdesk plan ics > plans.ics\n\n退出码 Exit: 0 · 1 有计划无法读取（其余照常导出） · 2 用法错误或无法写入`))
    .action(async (options: { account?: string; month?: string; output?: string; root?: string }) => {
      const { set, scope } = await loadScope(options);
      const { planCalendar } = await import('./plan/index.ts');
      const result = await planCalendar(set, scope);
      if (!result.ok) throw new UsageError(result.message);
      if (options.output === undefined) process.stdout.write(result.text);
      else {
        const { resolve } = await import('node:path');
        const { writeFileAtomic } = await import('./shared/atomic-write.ts');
        await writeFileAtomic(resolve(process.cwd(), options.output), result.text);
        process.stderr.write(`已写入 ${options.output}：${result.events} 个日程。\n`);
      }
      reportUnreadable(result.unreadable);
    });
}
