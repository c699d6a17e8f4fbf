import { markdownCell, markdownTable } from '../output/markdown-table.ts';
import type { ArticleAudit, ChangeEntry } from './article-history.ts';
import { labelsByKind } from './file-labels.ts';
import { beijingTime } from '../shared/beijing-time.ts';
import { reviewWorkflow } from '../shared/git-history.ts';
import type { AuditReport, ProcessStart } from './index.ts';

const viaLabel = { merge: '合并', direct: '直接提交', branch: '分支提交' } as const;
const kindLabel = { added: '新增', edited: '修改', renamed: '改名', deleted: '删除' } as const;

/** The archive report an auditor asks for: one section per article, every table filled from git. */
export function auditMarkdown(report: AuditReport, scope: string): string {
  const anomalies = report.articles.reduce((n, a) => n + a.anomalies.length, 0);
  const lines = [
    '# 审计报告',
    '',
    `- 分支：${report.ref}（${report.head.slice(0, 7)}）`,
    `- 范围：${scope}${report.since ? `，自 ${report.since}（北京时间）起的记录` : ''}`,
    `- 文章 ${report.articles.length} 篇，异常 ${anomalies} 条`,
    report.processStart
      ? `- 审核流程：自 ${when(report.processStart.committed)}（${processStartLabel(report.processStart)}）起；此前的改动没有审核记录可查，其异常标为“流程启用前”`
      : '- 审核流程：这段历史里还没有启用的迹象（没有审核工作流，也没有带审核记录的合并）',
    '- 时间均为北京时间',
    '',
  ];
  for (const article of report.articles) lines.push(...articleSection(article));
  return `${lines.join('\n').trimEnd()}\n`;
}

function articleSection(a: ArticleAudit): string[] {
  const lines = [`## ${markdownCell(a.title ?? a.path)}`, '', `\`${a.path}\` · 当前状态：${a.deleted ? '已删除' : (a.status ?? '未知')}`, ''];
  if (a.created) lines.push(`- 创建：${a.created.author}，${when(a.created.date)}（提交 \`${short(a.created.commit)}\`）`);
  if (a.paths.length > 1) lines.push(`- 曾用路径：${a.paths.slice(0, -1).map((p) => `\`${p}\``).join('、')}`);
  lines.push('');
  lines.push(
    ...table(
      '变更',
      ['日期', '提交', '作者', '方式', '改动', '说明'],
      byCommit(a.changes).map((group) => {
        const c = group[0]!;
        return [when(c.date), short(c.commit), c.author, viaLabel[c.via], filesChanged(group, a.changes), c.subject];
      }),
    ),
    ...table(
      '状态变更',
      ['日期', '提交', '操作人', '从', '到'],
      a.statusChanges.map((s) => [when(s.date), short(s.commit), s.author, s.from ?? '（新建）', s.to ?? '（无）']),
    ),
    ...table(
      '审批',
      ['合并日期', '合并提交', '审批人（级别）', '审核于', '批准的 head'],
      a.approvals.map((ap) => [
        when(ap.date),
        short(ap.commit),
        ap.reviewers.map((r) => `${r.name}（${r.level}）`).join('、'),
        ap.reviewedOn,
        short(ap.approvedHead),
      ]),
    ),
    ...table(
      '发布回执',
      ['日期', '提交', '进度', '草稿 media_id', '链接'],
      a.receipts.map((r) => [when(r.date), short(r.commit), r.state ?? '', r.draft_media_id ?? '', r.url ?? '']),
    ),
    '### 异常',
    '',
    ...(a.anomalies.length
      ? a.anomalies.map((x) => `- ${x.severity === 'error' ? '❌' : '⚠️'} ${when(x.date)} \`${short(x.commit)}\`：${x.message}${x.predatesProcess ? '（流程启用前）' : ''}`)
      : ['无。']),
    '',
  );
  return lines;
}

function table(title: string, headers: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [`### ${title}`, '', '无。', ''];
  return [`### ${title}`, '', ...markdownTable(headers, rows), ''];
}

/** One row per commit: a commit that adds an article with its images is one change, not one row per file. */
function byCommit(changes: readonly ChangeEntry[]): ChangeEntry[][] {
  const groups = new Map<string, ChangeEntry[]>();
  for (const change of changes) groups.set(change.commit, [...(groups.get(change.commit) ?? []), change]);
  return [...groups.values()];
}

/**
 * `新增 index.md、cover.jpg；修改 cup.png`, named from the article's folder. A merge's files that its branch commits
 * (listed above it) changed are not listed again: `合入 da97b49 的改动`.
 */
function filesChanged(group: readonly ChangeEntry[], all: readonly ChangeEntry[]): string {
  const merged = group[0]!.merged ?? [];
  const covered = new Set(all.filter((c) => merged.includes(c.commit)).map((c) => c.path));
  const own = group.filter((c) => !covered.has(c.path));
  return [
    ...(merged.length ? [`合入 ${merged.map(short).join('、')} 的改动`] : []),
    ...labelsByKind(own).map(([kind, labels]) => `${kindLabel[kind]} ${labels.join('、')}`),
  ].join('；');
}

/** `b09de0d 加入 .github/workflows/review.yml`: where and how the review process began. */
export const processStartLabel = (start: ProcessStart): string =>
  start.reason === 'workflow' ? `${start.commit.slice(0, 7)} 加入 ${reviewWorkflow}` : `${start.commit.slice(0, 7)} 第一次审核合并`;

const short = (sha: string) => sha.slice(0, 7);
const when = beijingTime;
