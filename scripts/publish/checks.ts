import { articleFields, type ArticleFile, type ContentSet } from '../content/index.ts';
import { lintContent } from '../lint/index.ts';
import { beijingClock } from '../shared/beijing-time.ts';
import type { Finding } from '../shared/finding.ts';
import { approvalRefusals } from './approval.ts';
import { refusal } from './refusal.ts';

export interface CheckOptions {
  root: string;
  submit: boolean;
  due: boolean;
  /** Only images go out: neither the approval nor the schedule is checked, lint still is. */
  imagesOnly: boolean;
  now: Date;
}

/**
 * Everything refused before any call, but the limits (which need the rendered fragment): lint errors (the same
 * checks as `mpdesk lint`, reported as it reports them), no approval covering the current text, and a scheduled
 * article submitted before its time.
 */
export async function checkArticles(set: ContentSet, articles: readonly ArticleFile[], options: CheckOptions): Promise<Finding[]> {
  const files = new Set(articles.map((a) => a.source.file));
  const { findings, failed } = await lintContent(set, { only: (file) => files.has(file) });
  const refusals: Finding[] = [];
  for (const article of articles) {
    // Lint's own errors, where lint puts them: each says what to change.
    const errors = findings.filter((f) => f.file === article.source.file && f.severity === 'error');
    refusals.push(...errors);
    if (!errors.length && failed) {
      refusals.push(refusal(article, 'publish/lint', '检查没有完整运行（lint/rule-crashed），不能确认这篇没有错误：先运行 mpdesk lint 查看。'));
    }
    const fields = articleFields(article);
    if (options.submit && !options.due && fields.status === 'scheduled' && fields.publish_at && Date.parse(fields.publish_at) > options.now.getTime()) {
      refusals.push(refusal(article, 'publish/not-due', `计划在 ${beijingClock(fields.publish_at)} 发表，还没到时间：到时由 mpdesk publish --due 发出；要提前发表，先把 publish_at 改成现在（这不影响审核记录）。`, 'publish_at'));
    }
  }
  if (!options.imagesOnly) refusals.push(...(await approvalRefusals(options.root, articles)));
  return refusals;
}
