import { dirname } from 'node:path';
import { simpleGit } from 'simple-git';
import { auditRepository, contentHash } from '../audit/index.ts';
import type { ArticleFile } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';
import { refusal } from './refusal.ts';

/**
 * The articles whose current text no recorded approval covers: the last complete reviewed merge of the file on this
 * branch (trailers `Reviewed-by`, `Approved-head`, `Article:`, held to the account's levels as `review check` holds
 * them) must have approved this very content, bookkeeping aside (`status`, `publish_at`, the `wechat` receipt), with
 * no unreviewed change to it or its images since, and no uncommitted change to its images now.
 */
export async function approvalRefusals(root: string, articles: readonly ArticleFile[]): Promise<Finding[]> {
  if (articles.length === 0) return [];
  const files = new Set(articles.map((a) => a.source.file));
  const report = await auditRepository({ root, only: (path) => files.has(path) });
  const audits = new Map(report.articles.map((a) => [a.path, a]));
  const uncommitted = await uncommittedImages(root, articles);
  const refusals: Finding[] = [];
  for (const article of articles) {
    const audit = audits.get(article.source.file);
    const refuse = (message: string) => refusals.push(refusal(article, 'publish/approval', message));
    if (!audit || audit.deleted) {
      refuse('这篇文章还没有提交到这个分支的 git 历史里，没有审核记录：先经过审核合并（mpdesk review merge 或 mpdesk review record）。');
      continue;
    }
    if (!audit.approved) {
      // An unreviewed change is what voided an approval, or what stands where none was made.
      const why = audit.anomalies.filter((a) => a.kind === 'unreviewed-change').at(-1)?.message ?? '历史里没有列出这篇文章的审核合并（Reviewed-by、Approved-head、Article: trailer），或那次合并的审核记录不成立（见 mpdesk review check）。';
      refuse(`没有覆盖当前内容的审核记录：${why}先经过审核合并，再发布。`);
    } else if (audit.approved.contentHash !== contentHash(article.source.text)) {
      refuse(`当前内容和审核通过的版本（合并 ${audit.approved.commit.slice(0, 7)}）不同：改动要重新审核（status、publish_at 和 wechat 回执除外）。`);
    } else if (uncommitted.get(article.source.file)?.length) {
      refuse(`文章目录里有未提交的图片改动（${uncommitted.get(article.source.file)!.join('、')}），不在审核记录里：提交并经审核合并，或撤销这些改动。`);
    }
  }
  return refusals;
}

/** Per article, files in its folder other than index.md that differ from HEAD (modified, added, untracked, deleted). */
async function uncommittedImages(root: string, articles: readonly ArticleFile[]): Promise<Map<string, string[]>> {
  const git = simpleGit({ baseDir: root, config: ['core.quotepath=off'] });
  const status = await git.status(['--untracked-files=all', '--', ...articles.map((a) => dirname(a.source.file))]);
  const out = new Map<string, string[]>();
  for (const article of articles) {
    const dir = `${dirname(article.source.file)}/`;
    out.set(article.source.file, status.files.map((f) => f.path).filter((path) => path.startsWith(dir) && path !== article.source.file).map((path) => path.slice(dir.length)));
  }
  return out;
}
