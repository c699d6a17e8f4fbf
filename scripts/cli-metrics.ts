import type { Command } from 'commander';
import { afterHelp } from './cli-help.ts';
import { formatOption, requireAccount, rootOf, rootOption, type CommonOptions } from './cli-options.ts';
import { isCalendarDate } from './shared/calendar-date.ts';
import { UsageError } from './shared/path-filter.ts';
import type { MetricsAccount } from './metrics/index.ts';

// The metrics commands: arguments in, the metrics stage called, results out. Stages are imported lazily, as in cli.ts.

const exitHelp = '退出码 Exit: 0 完成 · 1 有数据问题（回答不完整、导出文件的行有错、文件被拒绝）· 2 用法错误或没能完成（额度用完、IP 白名单、网络）';

function day(option: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isCalendarDate(value)) throw new UsageError(`${option} 应为真实的日期 YYYY-MM-DD，如 2026-12-01：${value}`);
  return value;
}

function progress(format: string): (done: number, total: number, call?: { endpoint: string; begin: string }) => void {
  const tty = process.stderr.isTTY && format === 'pretty';
  return (done, total, call) => {
    if (total < 2) return;
    if (tty) process.stderr.write(call ? `\r\x1b[K[${done}/${total}] ${call.endpoint} ${call.begin}` : '\r\x1b[K');
    else if (total >= 50 && ((done > 0 && done % 100 === 0) || !call)) process.stderr.write(`[${done}/${total}]\n`);
  };
}

interface PullOptions extends CommonOptions {
  account?: string;
  since?: string;
  until?: string;
  refresh?: boolean;
  commit?: boolean;
}

async function pull(options: PullOptions): Promise<void> {
  const since = day('--since', options.since);
  const until = day('--until', options.until);
  if (since && until && since > until) throw new UsageError(`--since ${since} 晚于 --until ${until}。`);
  const root = rootOf(options);
  await requireAccount(root, options.account);
  const { loadContent } = await import('./content/index.ts');
  const metrics = await import('./metrics/index.ts');
  const accounts = metrics.metricsAccounts(await loadContent(root)).filter((account) => options.account === undefined || account.id === options.account);
  const results: unknown[] = [];
  let exit = 0;
  for (const account of accounts) {
    const skip = metrics.noApiReason(account);
    if (skip) {
      const advice = `跳过 ${account.id}：${skip}，不能用数据接口。这个账号的数据请从公众号后台导出，再运行 mpdesk metrics import <文件> --account ${account.id}`;
      process.stderr.write(process.env.GITHUB_ACTIONS === 'true' ? `::notice title=mpdesk metrics::${advice}\n` : `mpdesk: ${advice}\n`);
      results.push({ account: account.id, skipped: skip });
      continue;
    }
    const { result, code } = await pullOne(root, account, { ...options, since, until });
    results.push(result);
    exit = Math.max(exit, code);
  }
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  process.exitCode = exit;
}

/** One account's pull (and commit), its result for --format json and its exit code. */
async function pullOne(root: string, account: MetricsAccount, options: PullOptions): Promise<{ result: unknown; code: number }> {
  const { join } = await import('node:path');
  const metrics = await import('./metrics/index.ts');
  const { createWechatClient, wechatCredentials, WechatError } = await import('./wechat/index.ts');
  try {
    const credentials = wechatCredentials(account.id, account.settings);
    const client = createWechatClient({ ...credentials, cacheDir: join(root, '.cache', 'mpdesk'), log: (line) => process.stderr.write(`mpdesk: ${line}\n`) });
    const { since, until, refresh } = options;
    const result = await metrics.pullAccount({ root, account: account.id, articles: account.articles, client, clock: Date.now, since, until, refresh, onProgress: progress(options.format) });
    // What came back before a stop is committed too: it is kept, and the next run goes on from it.
    const committed = options.commit ? await metrics.commitSnapshots(root, account.id, result.until, result) : undefined;
    if (options.format === 'pretty') process.stdout.write(metrics.pullText(result) + (committed ? `  已提交：${committed}\n` : ''));
    return { result: { ...result, ...(committed ? { commit: committed } : {}) }, code: result.stopped ? 2 : result.problems.length ? 1 : 0 };
  } catch (error) {
    const code = error instanceof WechatError ? 2 : error instanceof metrics.SnapshotError ? 1 : undefined;
    if (code === undefined) throw error;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`mpdesk: ${account.id}：${message}\n`);
    return { result: { account: account.id, error: message }, code };
  }
}

async function importFile(file: string, options: CommonOptions & { account: string; commit?: boolean }): Promise<void> {
  const root = rootOf(options);
  await requireAccount(root, options.account);
  const { resolve } = await import('node:path');
  const { loadContent } = await import('./content/index.ts');
  const metrics = await import('./metrics/index.ts');
  const accounts = metrics.metricsAccounts(await loadContent(root));
  const account = accounts.find((one) => one.id === options.account)!;
  let result;
  try {
    result = await metrics.importExport({ root, account, others: accounts.filter((one) => one !== account), path: resolve(process.cwd(), file), shownFile: file });
  } catch (error) {
    if (error instanceof metrics.ImportFileError) throw new UsageError(error.message);
    if (!(error instanceof metrics.SnapshotError)) throw error;
    process.stderr.write(`mpdesk: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const committed = options.commit && !result.refused && result.newest ? await metrics.commitSnapshots(root, account.id, result.newest, { added: result.added ?? 0, revised: result.revised ?? 0 }) : undefined;
  if (options.format === 'json') process.stdout.write(`${JSON.stringify({ ...result, ...(committed ? { commit: committed } : {}) }, null, 2)}\n`);
  else process.stdout.write(metrics.importText(result) + (committed ? `  已提交：${committed}\n` : ''));
  process.exitCode = result.refused || result.problems.length ? 1 : 0;
}

async function show(input: string, options: CommonOptions): Promise<void> {
  const root = rootOf(options);
  const { relative, resolve, sep, dirname } = await import('node:path');
  const { loadContent } = await import('./content/index.ts');
  const set = await loadContent(root);
  const file = relative(root, resolve(process.cwd(), input)).split(sep).join('/');
  const article = set.articles.find((one) => one.source.file === file || dirname(one.source.file) === file);
  if (!article) throw new UsageError(`不是一篇文章：${input}（应为 content/<账号>/articles/<年份>/<slug>/index.md 或它的目录）`);
  const metrics = await import('./metrics/index.ts');
  const data = await metrics.articleMetrics(root, article.place.account, `${article.place.year}/${article.place.slug}`);
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  const { formatTable } = await import('./output/table.ts');
  if (!data.days.length && !data.totals.length) {
    process.stdout.write(`快照里还没有 ${article.source.file} 的数据（mpdesk metrics pull 或 import 之后再看；未对应到文章的行会在拉取时列出）。\n`);
    return;
  }
  const daily = metrics.dailyTable(data);
  const sources = metrics.sourcesTable(data);
  process.stdout.write(`${article.source.file}\n\n每日数据：\n${data.days.length ? formatTable(daily.headers, daily.cells) : '（没有）\n'}`);
  process.stdout.write(`\n阅读来源（群发后累计，人数）：\n${data.totals.length ? formatTable(sources.headers, sources.cells) : '（没有：图文总数据只有群发的文章才有）\n'}`);
}

async function accounts(options: CommonOptions): Promise<void> {
  const root = rootOf(options);
  const { loadContent } = await import('./content/index.ts');
  const { defaultSecretEnv } = await import('./platform/index.ts');
  const metrics = await import('./metrics/index.ts');
  const list = metrics.ciAccounts(metrics.metricsAccounts(await loadContent(root)), defaultSecretEnv);
  if (options.format === 'json') {
    // One line: GitHub Actions reads it as a job output for the matrix.
    process.stdout.write(`${JSON.stringify(list)}\n`);
    return;
  }
  const { formatTable } = await import('./output/table.ts');
  process.stdout.write(formatTable(['账号', '数据接口', 'AppSecret 环境变量'], list.map((one) => [one.account, one.api ? '有（pull）' : '没有（import）', one.secret_env])));
}

export function registerMetricsCommands(program: Command): void {
  const metrics = program.command('metrics').description('阅读、分享、关注数据：从微信接口拉取或导入后台导出，存成 reports/<账号>/metrics/ 下的 CSV 快照。Metrics snapshots.');

  metrics
    .command('pull')
    .description('从微信数据接口（datacube）拉取还没有的日子，写进快照。Pull what the snapshots miss from the statistics API.')
    .option('--account <account>', '只拉该账号 only this account')
    .option('--since <YYYY-MM-DD>', '从这天起（默认：快照里最后一天的下一天；第一次为最近 30 天）from this day')
    .option('--until <YYYY-MM-DD>', '到这天为止（默认：昨天；北京时间 08:00 前为前天）up to this day')
    .option('--refresh', '快照里已有的日子也重新拉（微信会修订过去的数字）ask again for days already pulled')
    .option('--commit', '每个账号提交一次（没有变化就不提交）one commit per account that changed')
    .addOption(formatOption())
    .addOption(rootOption())
    .addHelpText(
      'after',
      afterHelp(
        `\nAppID 读 account.yaml 的 wechat.appid，AppSecret 读 wechat.secret_env 指定的环境变量（默认 WECHAT_APPSECRET）；metrics.api: false 的账号跳过。\n\n例 Examples:\n  mpdesk metrics pull --account qinghe-tea\n  mpdesk metrics pull --since 2026-11-01 --until 2026-11-30 --refresh\n  mpdesk metrics pull --commit --format json\n\n${exitHelp}`,
      ),
    )
    .action(pull);

  metrics
    .command('import')
    .description('导入公众号后台导出的数据文件（.xlsx、.xls、.csv），写进快照；同一个文件导入两次不会有变化。Import a backend export.')
    .argument('<file>', '导出的文件 the exported file')
    .requiredOption('--account <account>', '账号 id account id')
    .option('--commit', '提交快照（没有变化就不提交）commit the snapshots')
    .addOption(formatOption())
    .addOption(rootOption())
    .addHelpText(
      'after',
      afterHelp(
        `\n认得的列名：日期、发布时间、标题、链接、送达人数、阅读人数、阅读次数、阅读原文人数、阅读原文次数、分享人数、分享次数、收藏人数、收藏次数、新关注人数、取消关注人数、净增关注人数、累积关注人数。其他列名写在 account.yaml 的 metrics.headers 里（列名: 字段），字段有 date publish_date title url target_user int_page_read_user int_page_read_count ori_page_read_user ori_page_read_count share_user share_count add_to_fav_user add_to_fav_count new_user cancel_user net_user cumulate_user。\n\n例 Examples:\n  mpdesk metrics import ~/Downloads/用户增长.xlsx --account qinghe-tea\n  mpdesk metrics import 图文数据.csv --account qinghe-tea --commit\n\n${exitHelp}`,
      ),
    )
    .action(importFile);

  metrics
    .command('accounts')
    .description('列出各账号是否用数据接口拉取，以及 AppSecret 所在的环境变量（定时任务据此生成矩阵）。Which accounts are pulled.')
    .addOption(formatOption())
    .addOption(rootOption())
    .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk metrics accounts\n  mpdesk metrics accounts --format json'))
    .action(accounts);

  metrics
    .command('show')
    .description('一篇文章的每日阅读、分享、收藏和阅读来源。One article’s daily numbers and reading sources.')
    .argument('<article>', '文章的 index.md 或目录')
    .addOption(formatOption())
    .addOption(rootOption())
    .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk metrics show content/qinghe-tea/articles/2026/dongri-pao-cha\n  mpdesk metrics show content/qinghe-tea/articles/2026/dongri-pao-cha --format json'))
    .action(show);
}
