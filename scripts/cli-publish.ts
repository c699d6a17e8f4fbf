import type { Command } from 'commander';
import { afterHelp } from './cli-help.ts';
import { formatOption, requireAccount, rootOf, rootOption, type CommonOptions } from './cli-options.ts';
import { UsageError, pathFilter } from './shared/path-filter.ts';

// The publish command: arguments in, the publish stage called, its report out. Stages are imported lazily, as in cli.ts.

interface PublishFlags extends CommonOptions {
  account?: string;
  due?: boolean;
  submit?: boolean;
  dryRun?: boolean;
  commit?: boolean;
  group?: boolean;
  imagesOnly?: boolean;
}

const examples = `
例 Examples:
  mpdesk publish content/qinghe-tea/articles/2026/dongri-pao-cha --dry-run
  mpdesk publish content/qinghe-tea/articles/2026/dongri-pao-cha
  mpdesk publish content/qinghe-tea/articles/2026/dongri-pao-cha --submit --commit
  mpdesk publish --due --commit
  mpdesk publish a/index.md b/index.md --group --submit
  mpdesk publish --images-only content/qinghe-tea/articles/2026/dongri-pao-cha

--due --commit 是定时任务（.github/workflows/publish.yml）用的；--group 时第一篇是头条。

凭据：account.yaml 的 wechat.appid，AppSecret 在 wechat.secret_env 指定的环境变量里（默认 WECHAT_APPSECRET）；
MPDESK_WECHAT_API_BASE 指向固定 IP 的转发服务（托管 CI 的 IP 不固定，进不了白名单）。
每次成功调用后立即写回执（文章的 wechat:）和素材记录（content/<账号>/media-ledger.json），中断后重跑不会重复上传、建草稿或发表。

退出码 Exit: 0 完成（或仍在发表中）· 1 有文章被拒绝发布或微信发表未成功 · 2 用法错误，或调用微信接口失败`;

export function registerPublishCommand(program: Command): void {
  program
    .command('publish')
    .description('把已批准的文章推到公众号草稿箱，加 --submit 发表；每篇只传一次图、只建一个草稿、只发一次。Push approved articles to the draft box and publish them, once.')
    .argument('[paths...]', '文章（index.md 或它的目录），或文章所在的目录；--group 时按给出的顺序 articles or folders, in order')
    .option('--account <account>', '只发布该账号的文章 only this account')
    .option('--due', '发表所有 publish_at（北京时间）已到、还没发出的 approved/scheduled 文章（含 --submit）publish what is due')
    .option('--submit', '进草稿箱后发表（freepublish），并查询到最终结果 also publish')
    .option('--dry-run', '只列出会上传的文件（哈希、大小）和会调用的接口，什么都不调用、不写 list what would be uploaded and called')
    .option('--commit', '把回执和素材记录提交到 git（publish: <账号>/<slug> …）commit receipts and the ledger')
    .option('--group', '把给出的文章（最多 8 篇）合成一个多图文草稿 one multi-article draft, in the order given')
    .option('--images-only', '只上传图片并记入素材记录，让预览的“复制到公众号编辑器”带上图片 upload the images only')
    .addOption(formatOption())
    .addOption(rootOption())
    .addHelpText('after', afterHelp(examples))
    .action(async (paths: string[], options: PublishFlags) => {
      if (paths.length === 0 && !options.account && !options.due) throw new UsageError('请给出要发布的文章，或用 --account <账号>、--due 选择。');
      if (options.imagesOnly && (options.submit || options.due || options.group)) throw new UsageError('--images-only 只上传图片，不能和 --submit、--due、--group 一起用。');
      if (options.group && paths.length === 0) throw new UsageError('--group 需要按顺序给出组里的文章。');
      const root = rootOf(options);
      await requireAccount(root, options.account);
      const { classify } = await import('./content/index.ts');
      pathFilter(root, process.cwd(), paths, (file) => classify(file)?.kind === 'article');
      const { relative, resolve, sep } = await import('node:path');
      const repoPaths = paths.map((p) => relative(root, resolve(process.cwd(), p)).split(sep).join('/').replace(/\/$/, ''));
      const { publishArticles, publishSummary } = await import('./publish/index.ts');
      const json = options.format === 'json';
      const progress = (file: string, text: string) => (json ? process.stderr : process.stdout).write(`${file}  ${text}\n`);
      const report = await publishArticles({
        root,
        paths: repoPaths,
        account: options.account,
        due: options.due,
        submit: options.submit,
        dryRun: options.dryRun,
        commit: options.commit,
        group: options.group,
        imagesOnly: options.imagesOnly,
        clientFor: await clientFactory(root),
        onProgress: progress,
      });
      if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        const { formatFindings } = await import('./output/findings.ts');
        if (report.refusals.length) process.stdout.write(formatFindings(report.refusals, 'pretty', { checked: `${new Set(report.refusals.map((f) => f.file)).size} 篇被拒绝发布的文章` }));
        process.stdout.write(publishSummary(report));
      }
      const outcomes = new Set(report.results.map((r) => r.outcome));
      process.exitCode = outcomes.has('error') ? 2 : report.refusals.length || outcomes.has('not-published') ? 1 : 0;
    });
}

/** The real WeChat client of each account: its credentials, the token cache in `.cache/mpdesk/`, progress on stderr. */
async function clientFactory(root: string) {
  const { join } = await import('node:path');
  const { createWechatClient, wechatCredentials } = await import('./wechat/index.ts');
  return (account: string, settings: Parameters<typeof wechatCredentials>[1]) =>
    createWechatClient({ ...wechatCredentials(account, settings), cacheDir: join(root, '.cache', 'mpdesk'), log: (line) => process.stderr.write(`mpdesk: ${line}\n`) });
}
