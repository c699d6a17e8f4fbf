import { beijingClock } from '../shared/beijing-time.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import type { Finding } from '../shared/finding.ts';
import type { BuildRecord, BuiltArticle, FailedArticle, LintCounts } from './build-record.ts';

export const statusNames: Record<string, string> = {
  draft: '草稿',
  review: '待审',
  approved: '已批准',
  scheduled: '已排期',
  published: '已发布',
  archived: '已归档',
};


/** Publish time first (unscheduled last), then title: the order of `mpdesk list`. */
const byPublishTime = (a: BuiltArticle, b: BuiltArticle) =>
  (a.publishAt ? Date.parse(a.publishAt) || 0 : Infinity) - (b.publishAt ? Date.parse(b.publishAt) || 0 : Infinity) || a.dir.localeCompare(b.dir);

const where = (f: Finding) => `${f.file}:${f.line}:${f.column}`;

function statusBadge(status: string): string {
  const name = statusNames[status] ?? (status || '状态未知');
  return `<span class="status s-${escapeHtml(status in statusNames ? status : 'unknown')}">${escapeHtml(name)}</span>`;
}

function lintSummary(lint: LintCounts | undefined): string {
  if (!lint) return '<span class="lint none">未检查</span>';
  if (!lint.errors && !lint.warnings) return '<span class="lint clean">检查通过</span>';
  const parts = [lint.errors ? `<span class="lint errors">${lint.errors} 个错误</span>` : '', lint.warnings ? `<span class="lint warnings">${lint.warnings} 个警告</span>` : ''];
  return parts.filter(Boolean).join('');
}

function articleItem(entry: BuiltArticle): string {
  const dir = escapeHtml(entry.dir);
  const thumb = entry.thumbnail
    ? `<img src="${dir}/${escapeHtml(entry.thumbnail)}" width="64" height="64" alt="" loading="lazy">`
    : '<span class="no-cover">无封面</span>';
  const time = entry.publishAt ? `<time datetime="${escapeHtml(entry.publishAt)}">${escapeHtml(beijingClock(entry.publishAt))}</time>` : '<span class="muted">未定发布时间</span>';
  return `      <li class="article">
        <a class="thumb" href="${dir}/preview.html" tabindex="-1" aria-hidden="true">${thumb}</a>
        <div class="body">
          <a class="title" href="${dir}/preview.html">${escapeHtml(entry.title)}</a>
          <div class="meta">${statusBadge(entry.status)}${time}</div>
        </div>
        <div class="checks">${lintSummary(entry.lint)}</div>
      </li>`;
}

function failedItem(file: string, entry: FailedArticle): string {
  return `      <li class="failed">
        <div class="body">
          <span class="title">${escapeHtml(entry.title)}</span>
          <div class="meta"><span class="status s-failed">构建失败</span>${entry.status ? statusBadge(entry.status) : ''}${entry.error.file === file ? '' : `<code>${escapeHtml(file)}</code>`}</div>
          <p class="error"><code>${escapeHtml(where(entry.error))}</code> ${escapeHtml(entry.error.message)} <span class="rule">${escapeHtml(entry.error.ruleId)}</span></p>
        </div>
      </li>`;
}

/**
 * `dist/index.html`, the desk's front page: per account (by its name), the articles that failed with their first
 * error, then every built article with its cover, status, publish time in Beijing time and lint counts, each
 * linking to its preview. No build time in it: the same input gives the same page.
 */
export function indexPage(record: BuildRecord, accountNames: ReadonlyMap<string, string>): string {
  const built = Object.values(record.articles);
  const failed = Object.entries(record.failed);
  const accounts = [...new Set([...built.map((e) => e.account), ...failed.map(([, e]) => e.account)])].sort();
  const sections = accounts.map((account) => {
    const name = accountNames.get(account) ?? account;
    const articles = built.filter((e) => e.account === account).sort(byPublishTime);
    const failures = failed.filter(([, e]) => e.account === account).sort(([a], [b]) => a.localeCompare(b));
    const count = `${articles.length} 篇${failures.length ? `，<span class="bad">${failures.length} 篇构建失败</span>` : ''}`;
    return `  <section>
    <h2>${escapeHtml(name)} <small>${escapeHtml(account)} · ${count}</small></h2>
    <ul>
${[...failures.map(([file, e]) => failedItem(file, e)), ...articles.map(articleItem)].join('\n')}
    </ul>
  </section>`;
  });
  const summary = `${built.length} 篇文章${failed.length ? `，<span class="bad">${failed.length} 篇构建失败</span>` : ''}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mpdesk 预览</title>
<style>${style}</style>
</head>
<body>
<main>
  <header><h1>mpdesk 预览</h1><p>${summary}。点标题看手机预览，预览页可一键复制到公众号编辑器。</p></header>
${sections.length ? sections.join('\n') : '  <p class="muted">还没有文章。</p>'}
</main>
</body>
</html>
`;
}

const style = `
:root{color-scheme:light;--ink:#1f2328;--muted:#6e7781;--line:#e5e7eb;--bad:#c62828}
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:var(--ink);font:15px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:920px;margin:0 auto;padding:32px 20px 48px}
header h1{margin:0;font-size:24px}
header p{margin:4px 0 0;color:var(--muted)}
section{margin-top:28px}
h2{margin:0 0 10px;font-size:18px}
h2 small{margin-left:6px;font-size:13px;font-weight:normal;color:var(--muted)}
ul{list-style:none;margin:0;padding:0;background:#fff;border:1px solid var(--line);border-radius:10px;overflow:hidden}
li{display:grid;grid-template-columns:64px minmax(0,1fr) auto;align-items:center;gap:6px 14px;padding:12px 14px;border-top:1px solid var(--line)}
li.failed{grid-template-columns:minmax(0,1fr)}
li:first-child{border-top:0}
.thumb{grid-row:span 2;display:block;text-decoration:none;width:64px;height:64px;border-radius:6px;overflow:hidden;background:#eef0f3}
.thumb img{display:block;width:64px;height:64px;object-fit:cover}
.no-cover{display:flex;width:64px;height:64px;align-items:center;justify-content:center;font-size:12px;color:var(--muted)}
.body{min-width:0;grid-row:span 2}
.title{display:block;font-weight:600;color:var(--ink);text-decoration:none;overflow-wrap:anywhere}
a.title:hover{color:#07c160}
.meta{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;margin-top:4px;font-size:13px;color:var(--muted)}
.status{padding:0 8px;border-radius:999px;font-size:12px;line-height:20px;background:#eef0f3;color:#444}
.s-review{background:#fff4e0;color:#9a5b00}
.s-approved{background:#e6f4ff;color:#0958d9}
.s-scheduled{background:#f0e9ff;color:#6b3fd1}
.s-published{background:#e7f7ee;color:#0b7a3b}
.s-archived{background:#f0f0f0;color:#888}
.s-failed{background:var(--bad);color:#fff}
.checks{grid-row:span 2;display:flex;gap:6px;font-size:13px}
.lint{padding:2px 8px;border-radius:6px;white-space:nowrap}
.clean{color:#0b7a3b;background:#e7f7ee}
.errors{color:#fff;background:var(--bad)}
.warnings{color:#7a4d00;background:#fff1c2}
.none{color:var(--muted);background:#f0f0f0}
li.failed{background:#fff6f6;border-left:4px solid var(--bad)}
.error{margin:6px 0 0;font-size:13px;overflow-wrap:anywhere}
.error code,.meta code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;color:#57606a;overflow-wrap:anywhere}
.rule{color:var(--muted)}
.bad{color:var(--bad)}
.muted{color:var(--muted)}
@media (max-width:560px){
  main{padding:20px 12px 32px}
  li{grid-template-columns:56px minmax(0,1fr);align-items:start;column-gap:12px}
  .thumb,.thumb img,.no-cover{width:56px;height:56px}
  .body{grid-row:auto}
  .checks{grid-row:auto;grid-column:2}
}
`.trim();
