import type { Outcome, PublishReport } from './index.ts';

const labels: Record<Outcome, string> = {
  refused: '未发布',
  done: '早已发表',
  planned: '将发布',
  images: '图片已上传',
  drafted: '在草稿箱',
  publishing: '发表中',
  published: '已发表',
  'not-published': '发表未成功',
  error: '中断',
};

/** The run in Chinese for people: each article's result, a dry run's steps, and the counts. */
export function publishSummary(report: PublishReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.outcome === 'refused' && !r.message.startsWith('同组')) continue;
    lines.push(`${labels[r.outcome]}  ${r.file}「${r.title}」${r.message ? `：${r.message}` : ''}`);
    for (const step of r.plan ?? []) lines.push(`    ${step}`);
  }
  if (report.dryRun) {
    const order = report.calls.map((c) => c.endpoint);
    lines.push(order.length ? `调用顺序：cgi-bin/stable_token（缓存里没有有效 token 时）→ ${order.join(' → ')}` : '不需要调用微信接口。');
    lines.push('这是预演（--dry-run）：没有调用微信接口，没有改动 content/ 里的任何文件（处理好的图片在 .cache/mpdesk/images/）。');
  }
  const counts = new Map<Outcome, number>();
  for (const r of report.results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const parts = [...counts].map(([outcome, n]) => `${labels[outcome]} ${n} 篇`);
  if (report.skipped) parts.push(`未批准而跳过 ${report.skipped} 篇`);
  lines.push(parts.length ? `${report.dryRun ? '预演' : '发布'}完成：${parts.join('，')}。` : '没有要发布的文章（只发布 approved 或 scheduled 的文章）。');
  if (report.commits.length) lines.push(`已提交 ${report.commits.map((c) => c.slice(0, 7)).join('、')}（发布回执和素材记录）。`);
  return `${lines.join('\n')}\n`;
}
