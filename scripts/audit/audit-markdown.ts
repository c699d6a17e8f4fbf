import { markdownCell, markdownTable } from '../output/markdown-table.ts';
import type { ArticleAudit } from './article-history.ts';
import type { AuditReport } from './index.ts';

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
      a.changes.map((c) => [when(c.date), short(c.commit), c.author, viaLabel[c.via], kindLabel[c.kind], c.subject]),
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
      ['日期', '提交', 'media_id', '链接'],
      a.receipts.map((r) => [when(r.date), short(r.commit), r.media_id ?? '', r.url ?? '']),
    ),
    '### 异常',
    '',
    ...(a.anomalies.length ? a.anomalies.map((x) => `- ${x.severity === 'error' ? '❌' : '⚠️'} ${when(x.date)} \`${short(x.commit)}\`：${x.message}`) : ['无。']),
    '',
  );
  return lines;
}

function table(title: string, headers: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [`### ${title}`, '', '无。', ''];
  return [`### ${title}`, '', ...markdownTable(headers, rows), ''];
}

const short = (sha: string) => sha.slice(0, 7);
/** `2026-11-20T10:03:00+08:00` → `2026-11-20 10:03 +08:00`: the committer's own clock, as git recorded it. */
const when = (iso: string) => iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}(.*)$/, (_, d: string, t: string, z: string) => `${d} ${t} ${z === 'Z' ? '+00:00' : z}`);
