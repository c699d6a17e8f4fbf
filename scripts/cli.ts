import { CommanderError, Option } from 'commander';
import type { ContentSet } from './content/index.ts';
import { compareFindings, hasErrors } from './shared/finding.ts';
import type { StagedContent } from './cli-staged.ts';
import { contentPath, pathFilter, UsageError } from './shared/path-filter.ts';
import { isCalendarDate } from './shared/calendar-date.ts';
import { WriteError } from './shared/write-error.ts';
import { afterHelp, createProgram, setUsage } from './cli-help.ts';
import { formatOption, requireAccount, rootOf, rootOption, type CommonOptions } from './cli-options.ts';
import { registerPreviewCommand } from './cli-preview.ts';
import { registerPublishCommand } from './cli-publish.ts';
import { registerPlanCommands } from './cli-plan.ts';
import { registerMetricsCommands } from './cli-metrics.ts';
import { registerReportCommands } from './cli-report.ts';
import { registerReviewCommands } from './cli-review.ts';

// A reader that stops early (`mpdesk list | head -1`) closes the pipe: end quietly, not with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

// Stages are imported inside their commands: `--help` and the pre-commit hook should not pay for ajv, remark or pinyin they do not use.

const statuses = ['draft', 'review', 'approved', 'scheduled', 'published', 'archived'];

/** What was checked: the whole set, or (`only`: the paths given) just the files in them. */
function describeSet(set: ContentSet, only: (file: string) => boolean = () => true): string {
  const count = (files: ReadonlyArray<{ source: { file: string } }>) => files.filter((f) => only(f.source.file)).length;
  return `${count(set.accounts)} 个账号、${count(set.plans)} 个计划、${count(set.articles)} 篇文章`;
}

const program = createProgram('mpdesk', '0.1.0');
program.description('mpdesk：把公众号的内容、审核和发布放进 git 仓库。An editorial desk for WeChat Official Accounts, kept in git.');
/** The content stage, loaded by the commands that read content (`--help` does without it). */
const content = () => import('./content/index.ts');

program
  .command('validate')
  .description('校验 frontmatter 与引用（账号、计划条目、图片、slug、时区）。Check schemas and references.')
  .argument('[paths...]', '只报告这些文件或目录 only report on these files or folders')
  .option('--staged', '只检查已暂存的内容文件（pre-commit 钩子用）check the staged version of staged content files')
  .addOption(formatOption())
  .addOption(rootOption())
  .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk validate\n  mpdesk validate content/qinghe-tea --format json\n  mpdesk validate --staged\n\n退出码 Exit: 0 无错误 ok · 1 内容有错误 content errors · 2 用法或运行错误 usage/failure'))
  .action(async (paths: string[], options: CommonOptions & { staged?: boolean }) => {
    const root = rootOf(options);
    const { classify, loadContent } = await content();
    let only = pathFilter(root, process.cwd(), paths, (file) => classify(file) !== undefined);
    let staged: StagedContent | undefined;
    if (options.staged) {
      const { nothingStaged, stagedContent } = await import('./cli-staged.ts');
      staged = await stagedContent(root, only);
      if (staged.files === 0) {
        process.stdout.write(options.format === 'json' ? '[]\n' : nothingStaged);
        return;
      }
      only = staged.only;
    }
    const set = await loadContent(root, { overlay: staged?.overlay });
    const { validateContent } = await import('./validate/index.ts');
    const { wordListProblems } = await import('./lint/index.ts');
    // The word lists are content too: a broken one is said here, not first by the pre-commit hook.
    const findings = [...(await validateContent(set, { only })), ...(await wordListProblems(set, only, staged?.lists))].sort(compareFindings);
    const checked = staged ? `${staged.files} 个已暂存文件` : describeSet(set, only);
    const { formatFindings } = await import('./output/findings.ts');
    process.stdout.write(formatFindings(findings, options.format, { checked }));
    if (hasErrors(findings)) process.exitCode = 1;
  });

const create = program.command('new').description('新建内容。Create content.');
create
  .command('article')
  .description('新建一篇文章（草稿），生成目录和 frontmatter。Scaffold a draft article.')
  .requiredOption('--account <account>', '账号 id（content/ 下的目录名）account id')
  .requiredOption('--title <title>', '标题 title')
  .option('--author <author>', '作者（默认取账号的 default_author）author')
  .option('--slug <slug>', '指定 slug（默认由标题拼音生成）slug; derived from the title by default')
  .option('--plan <entry>', '计划条目，如 2026-12/03 plan entry')
  .option('--date <YYYY-MM-DD>', '创建日期，决定年份目录（默认今天，北京时间）date; decides the year folder')
  .addOption(formatOption())
  .addOption(rootOption())
  .addHelpText('after', afterHelp('\n例 Example:\n  mpdesk new article --account qinghe-tea --title 冬至围炉煮茶指南'))
  .action(async (options: CommonOptions & { account: string; title: string; author?: string; slug?: string; plan?: string; date?: string }) => {
    if (options.date !== undefined && !isCalendarDate(options.date)) throw new UsageError(`--date 应为真实的日期 YYYY-MM-DD，如 2026-12-01：${options.date}`);
    const root = rootOf(options);
    await requireAccount(root, options.account);
    const { loadContent } = await content();
    const set = await loadContent(root);
    const { beijingDate } = await import('./shared/beijing-time.ts');
    const date = options.date ?? beijingDate(new Date().toISOString());
    const { newArticle } = await import('./scaffold/index.ts');
    const result = await newArticle(set, { ...options, date });
    if (!result.ok) throw new UsageError(result.message);
    if (options.format === 'json') process.stdout.write(`${JSON.stringify({ file: result.file, slug: result.slug, warnings: result.warnings })}\n`);
    else process.stdout.write(`已创建 ${result.file}\n下一步：写正文，然后运行 mpdesk validate ${result.file}\n`);
    for (const warning of result.warnings) process.stderr.write(`mpdesk: 警告：${warning}\n`);
  });

program
  .command('list')
  .description('列出文章：标题、状态、发布时间、计划条目。List articles.')
  .option('--account <account>', '只列出该账号 only this account')
  .addOption(new Option('--status <status>', '只列出该状态 only this status').choices(statuses))
  .addOption(formatOption())
  .addOption(rootOption())
  .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk list\n  mpdesk list --account qinghe-tea --status scheduled --format json'))
  .action(async (options: CommonOptions & { account?: string; status?: string }) => {
    const root = rootOf(options);
    await requireAccount(root, options.account);
    const { loadContent } = await content();
    const set = await loadContent(root);
    const { listArticles, listProblems } = await import('./list/index.ts');
    const rows = listArticles(set, options);
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      const { formatTable } = await import('./output/table.ts');
      const multiple = new Set(rows.map((r) => r.account)).size > 1;
      const headers = [...(multiple ? ['账号'] : []), '标题', '状态', '发布时间', '计划', 'slug'];
      const cells = rows.map((r) => [...(multiple ? [r.account] : []), r.title, r.status, r.publish_at || '—', r.plan || '—', r.slug]);
      process.stdout.write(rows.length ? formatTable(headers, cells) : '没有符合条件的文章。\n');
    }
    // What the table cannot show goes to standard error, so `--format json` output stays the rows alone.
    const problems = await listProblems(set, options);
    if (problems.length) {
      const { formatFindings } = await import('./output/findings.ts');
      process.stderr.write(`\n以下问题让列表不完整或不准确（mpdesk validate 报告的也是它们）：\n${formatFindings(problems, 'pretty', { checked: describeSet(set) })}`);
      process.exitCode = 1;
    }
  });

program
  .command('lint')
  .description('合规与文字检查：广告法、平台规则、敏感词、广告标识、数据来源、个人信息、封面、链接、图片、排版、原创。Compliance and style checks.')
  .argument('[paths...]', '只检查这些文件或目录 only these files or folders')
  .option('--staged', '只检查已暂存的内容（pre-commit 钩子用）the staged version of staged files')
  .option('--fix', '自动修正排版问题（空格、标点），只改正文，不改代码、网址和 frontmatter apply the mechanical style fixes')
  .option('--rule <module>', '另加自定义规则模块（默认导出 defineRule 定义的规则），可多次使用 add a custom rule module', (value: string, list: string[]) => [...list, value], [])
  .option('--explain <rule>', '说明一条规则或一个家族：用途、依据、例子（不检查文件）explain a rule or family')
  .addOption(new Option('--format <format>', '输出格式 output format').choices(['pretty', 'json', 'github', 'sarif']).default('pretty'))
  .addOption(rootOption())
  .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk lint\n  mpdesk lint content/qinghe-tea --format github\n  mpdesk lint --fix content/qinghe-tea/articles/2026/dongri-pao-cha/index.md\n  mpdesk lint --explain ad-law/absolute-terms\n\n跳过一处 Suppress: <!-- mpdesk-disable-next-line ad-law/absolute-terms -- 理由 -->\n退出码 Exit: 0 无错误 · 1 有错误级别的问题 · 2 用法或运行错误，或有规则运行出错（lint/rule-crashed）'))
  .action(async (paths: string[], options: { staged?: boolean; fix?: boolean; rule: string[]; explain?: string; format: 'pretty' | 'json' | 'github' | 'sarif'; root?: string }) => {
    if (options.explain !== undefined) {
      const { explain } = await import('./lint/explain.ts');
      const result = explain(options.explain, options.format === 'json' ? 'json' : 'pretty');
      if ('error' in result) throw new UsageError(result.error);
      process.stdout.write(result.text);
      return;
    }
    if (options.staged && options.fix) throw new UsageError('--fix 不能和 --staged 一起用：修正会写工作区文件，可能覆盖未暂存的改动。');
    const root = rootOf(options);
    const { classify, loadContent } = await content();
    let only = pathFilter(root, process.cwd(), paths, (file) => classify(file) !== undefined);
    let staged: StagedContent | undefined;
    if (options.staged) {
      const { nothingStaged, stagedContent } = await import('./cli-staged.ts');
      staged = await stagedContent(root, only);
      if (staged.files === 0 && options.format === 'pretty') {
        process.stdout.write(nothingStaged);
        return;
      }
      only = staged.only;
    }
    const { removeStaleTempFiles } = await import('./shared/atomic-write.ts');
    removeStaleTempFiles([`${root}/content`]);
    const { lintContent, ruleModuleUrl, startLintWorkers } = await import('./lint/index.ts');
    // A whole repository linted cold: worker threads load while the content is read.
    const whole = !paths.length && !options.staged && !options.fix;
    const set = await loadContent(root, { overlay: staged?.overlay, ...(whole ? { beforeReading: (files: number) => startLintWorkers(root, files) } : {}) });
    const ruleModules = options.rule.map((path) => ruleModuleUrl(path, process.cwd()));
    const nothing = staged !== undefined && staged.files === 0;
    const { findings, fixed, failed } = nothing ? { findings: [], fixed: [], failed: false } : await lintContent(set, { only, fix: options.fix, ruleModules, stagedLists: staged?.lists });
    if (options.format === 'github') {
      const { formatGithub } = await import('./output/ci-formats.ts');
      process.stdout.write(formatGithub(findings));
    } else if (options.format === 'sarif') {
      const { formatSarif } = await import('./output/ci-formats.ts');
      const { allRules } = await import('./lint/rules/index.ts');
      const { engineRules } = await import('./lint/index.ts');
      process.stdout.write(formatSarif(findings, [...allRules, ...engineRules]));
    } else {
      const { formatFindings } = await import('./output/findings.ts');
      const checked = staged ? `${staged.files} 个已暂存文件` : describeSet(set, only);
      process.stdout.write(formatFindings(findings, options.format, { checked }));
      if (fixed.length && options.format === 'pretty') process.stdout.write(`已修正 ${fixed.length} 个文件：${fixed.join('、')}\n`);
    }
    if (failed) process.stderr.write('mpdesk: 检查出错，结果不完整（见 lint/rule-crashed、lint/internal-error）。\n');
    // A crashed rule is the tool failing, not the content: 2, whatever the format.
    process.exitCode = failed ? 2 : hasErrors(findings) ? 1 : 0;
  });

program
  .command('render')
  .description('渲染一篇文章为可粘贴到公众号编辑器的 HTML 片段。Render one article to the paste-ready fragment.')
  .argument('<article>', '文章的 index.md')
  .option('-o, --output <file>', '写入文件（图片写到同目录的 images/）；默认输出到标准输出 write here, images beside it')
  .addOption(rootOption())
  .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk render content/qinghe-tea/articles/2026/dongri-pao-cha -o /tmp/dongri.html'))
  .action(async (input: string, options: { output?: string; root?: string }) => {
    const { resolve, dirname, join } = await import('node:path');
    const root = rootOf(options);
    // Read from the folder the user stands in, as validate and lint read their paths.
    const file = contentPath(root, process.cwd(), input);
    if (options.output !== undefined) {
      const { checkOutputTarget } = await import('./render/index.ts');
      const target = checkOutputTarget(resolve(process.cwd(), options.output), options.output);
      if (!target.ok) throw new UsageError(target.message);
    }
    const { loadContent } = await content();
    const set = await loadContent(root);
    const article = set.articles.find((a) => a.source.file === file || dirname(a.source.file) === file);
    // An article that could not be read (encoding, a FIFO, a link out of the account) is not missing: say why.
    const unreadable = set.findings.filter((f) => f.file === file || f.file === `${file}/index.md`);
    if (!article && unreadable.length) {
      const { formatFindings } = await import('./output/findings.ts');
      process.stderr.write(formatFindings(unreadable, 'pretty', { checked: unreadable[0]!.file }));
      process.stderr.write('文章有错误，没有渲染。\n');
      process.exitCode = 1;
      return;
    }
    if (!article) throw new UsageError(`不是一篇文章：${input}（应为 content/<账号>/articles/<年份>/<slug>/index.md）`);
    const { validateContent } = await import('./validate/index.ts');
    const { formatFindings } = await import('./output/findings.ts');
    const problems = (await validateContent(set, { only: (f) => f === article.source.file })).filter((f) => f.severity === 'error');
    const { renderArticle, writeRendered } = await import('./render/index.ts');
    const account = set.accounts.find((a) => a.place.account === article.place.account);
    const rendered = problems.length ? undefined : await renderArticle({ root, article, account, cacheDir: (await import('./shared/cache-dir.ts')).imageCacheDir(root) });
    const findings = rendered ? rendered.findings : problems;
    if (!rendered || findings.length) {
      process.stderr.write(formatFindings(findings, 'pretty', { checked: article.source.file }));
      process.stderr.write('文章有错误，没有渲染。\n');
      process.exitCode = 1;
      return;
    }
    if (!options.output) {
      process.stdout.write(rendered.html);
      return;
    }
    await writeRendered(rendered, resolve(process.cwd(), options.output));
    // The images a reader sees; the cover's two crops are files too, but not pictures in the article.
    const { visible_chars: chars, images, cover } = rendered.meta;
    process.stderr.write(`已写入 ${options.output}（${chars} 字，${images.length} 张图片${cover ? '，另有封面' : ''}）\n`);
  });

program
  .command('build')
  .description('渲染所有文章到 dist/<账号>/<slug>/（片段、预览页、图片、meta.json）和 dist/index.html。Render every article.')
  .option('--account <account>', '只构建该账号 only this account')
  .addOption(new Option('--status <status>', '只构建该状态 only this status').choices(statuses))
  .option('--out <dir>', '输出目录，相对于当前目录（默认：仓库根目录下的 dist/）output folder, relative to the working folder')
  .addOption(formatOption())
  .addOption(rootOption())
  .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk build\n  mpdesk build --account qinghe-tea --status approved\n\n没有变化的文章不会重新渲染。Unchanged articles are not rendered again.'))
  .action(async (options: CommonOptions & { account?: string; status?: string; out?: string }) => {
    const { join, relative, resolve } = await import('node:path');
    const root = rootOf(options);
    await requireAccount(root, options.account);
    // An explicit --out is a path the user typed, so it is read from where they stand; the default is the repository's.
    const outDir = options.out === undefined ? join(root, 'dist') : resolve(process.cwd(), options.out);
    const { buildSite } = await import('./site/index.ts');
    const started = performance.now();
    const showProgress = options.format === 'pretty' && process.stderr.isTTY;
    const { lintPass } = await import('./lint/index.ts');
    const report = await buildSite({
      root,
      outDir,
      account: options.account,
      status: options.status,
      lint: (set, only) => lintPass(set, { only }),
      onProgress: (done, total, file) => {
        if (showProgress && total > 1) process.stderr.write(`\r\x1b[K[${done}/${total}] ${file}`);
        else if (!process.stderr.isTTY && total >= 50 && (done % 50 === 0 || done === total)) process.stderr.write(`[${done}/${total}]\n`);
      },
    });
    if (showProgress) process.stderr.write('\r\x1b[K');
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const { formatFindings } = await import('./output/findings.ts');
      // The findings are those of the articles checked now; an unchanged article was not checked again.
      const checked = `${report.rendered.length + report.failed.length} 篇文章${report.unchanged.length ? `（另有 ${report.unchanged.length} 篇未变化，没有重新检查）` : ''}`;
      if (report.findings.length) process.stdout.write(formatFindings(report.findings, 'pretty', { checked }));
      const waited = report.waitedMs ? `，其中等待另一个构建 ${seconds(report.waitedMs)} 秒` : '';
      process.stdout.write(
        `构建完成（${seconds(performance.now() - started)} 秒${waited}）：渲染 ${report.rendered.length} 篇，未变化 ${report.unchanged.length} 篇，失败 ${report.failed.length} 篇。预览：${relative(process.cwd(), join(outDir, 'index.html'))}\n`,
      );
    }
    if (report.failed.length) process.exitCode = 1;
  });

registerPreviewCommand(program);
registerPublishCommand(program);
registerPlanCommands(program);
registerReviewCommands(program);
registerMetricsCommands(program);
registerReportCommands(program);
setUsage(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are not failures; every other parsing problem is misuse.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError || error instanceof WriteError) {
    process.stderr.write(`mpdesk: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`mpdesk: 运行出错：${message}\n`);
  if (process.env.MPDESK_DEBUG && error instanceof Error) {
    process.stderr.write(`${error.stack}\n`);
    if (error.cause instanceof Error) process.stderr.write(`原因 caused by: ${error.cause.stack}\n`);
  }
  return 2;
}
