import { escapeHtml } from '../shared/escape-html.ts';
import type { Finding, Severity } from '../shared/finding.ts';
import { reloadScript } from './live-reload.ts';
import type { ArticlePage } from './pages.ts';

const severityName: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/**
 * The panel's look. On a wide screen the page becomes two columns, the phone frame and the panel beside it; below
 * 900 px (a phone) the panel follows the article.
 */
const panelStyle = `<style>
  .mpdesk-panel { box-sizing: border-box; margin: 0 auto 40px; padding: 16px; max-width: 560px; background: #fff; border-radius: 12px; box-shadow: 0 4px 24px rgba(0,0,0,.08); font: 14px/1.6 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; }
  .mpdesk-panel h2 { margin: 0 0 4px; font-size: 16px; }
  .mpdesk-panel .live { margin: 0 0 12px; color: #888; font-size: 12px; }
  .mpdesk-panel .live[data-state="on"] { color: #07c160; }
  .mpdesk-panel .live[data-state="off"] { color: #c0392b; }
  .mpdesk-panel ol { margin: 0; padding: 0; list-style: none; }
  .mpdesk-panel li { margin: 0 0 10px; padding: 8px 10px; border-left: 4px solid #999; background: #f7f7f7; border-radius: 4px; overflow-wrap: anywhere; }
  .mpdesk-panel li.error { border-color: #e5484d; background: #fff1f1; }
  .mpdesk-panel li.warning { border-color: #f0a020; background: #fff8e6; }
  .mpdesk-panel li.info { border-color: #4a90d9; background: #f0f6fd; }
  .mpdesk-panel .where { font: 12px/1.5 ui-monospace, Menlo, Consolas, monospace; color: #555; }
  .mpdesk-panel .sev { font-weight: 600; margin-right: 4px; }
  .mpdesk-panel p.message { margin: 2px 0 0; }
  .mpdesk-panel .clean { color: #07c160; }
  .mpdesk-panel .note { color: #8a6d00; }
  @media (min-width: 900px) {
    body.mpdesk-preview { display: grid; grid-template-columns: minmax(430px, 1fr) minmax(320px, 480px); align-items: start; }
    body.mpdesk-preview > .pending, body.mpdesk-preview > .toolbar { grid-column: 1 / -1; }
    body.mpdesk-preview > .mpdesk-panel { position: sticky; top: 60px; max-height: calc(100vh - 80px); overflow: auto; margin: 20px 20px 20px 0; }
  }
</style>
`;

function countsLine(findings: readonly Finding[]): string {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return `${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 个提示`;
}

function findingItem(finding: Finding): string {
  const where = `${finding.file}:${finding.line}:${finding.column}`;
  const suggestions = finding.suggestions?.length ? `<p class="message">建议：${finding.suggestions.map(escapeHtml).join('、')}</p>` : '';
  return `<li class="${finding.severity}"><div class="where"><span class="sev">${severityName[finding.severity]}</span>${escapeHtml(where)} · ${escapeHtml(finding.ruleId)}</div><p class="message">${escapeHtml(finding.message)}</p>${suggestions}</li>`;
}

/** The findings beside an article: every one of its own and of the files that decide how it is checked. */
export function findingsPanel(page: ArticlePage, lintMissing: boolean): string {
  const { findings } = page;
  const list = findings.length ? `<ol>\n${findings.map(findingItem).join('\n')}\n</ol>` : '<p class="clean">✓ 没有发现问题。</p>';
  const note = lintMissing ? '<p class="note">这次检查出错，下面可能缺少部分检查结果（运行 mpdesk lint 查看原因）。</p>\n' : '';
  return `<aside class="mpdesk-panel" id="mpdesk-panel" aria-label="检查结果">
<h2>检查结果：${countsLine(findings)}</h2>
<p class="live" id="mpdesk-live">正在连接 mpdesk preview…</p>
${note}${list}
</aside>
`;
}

function insertBefore(html: string, tag: string, text: string): string {
  const at = html.lastIndexOf(tag);
  return at < 0 ? html + text : html.slice(0, at) + text + html.slice(at);
}

/** The built preview page as served: the panel beside the article, and the reload script. */
export function servedPreview(preview: string, page: ArticlePage, version: string, lintMissing: boolean): string {
  const styled = insertBefore(preview, '</head>', panelStyle).replace('<body>', '<body class="mpdesk-preview">');
  return insertBefore(styled, '</body>', findingsPanel(page, lintMissing) + reloadScript(page.dir, version));
}

/** The front page as served: as built, listening for reloads. */
export function servedDesk(desk: string, version: string): string {
  return insertBefore(desk, '</body>', reloadScript('', version));
}

function plainPage(title: string, body: string, key: string, version: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${panelStyle}<style>
  body { margin: 0; padding: 20px 16px; background: #ededed; font: 15px/1.6 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
  .mpdesk-failed { max-width: 560px; margin: 0 auto 16px; }
  .mpdesk-failed h1 { font-size: 20px; margin: 0 0 8px; }
</style>
</head>
<body>
${body}${reloadScript(key, version)}</body>
</html>
`;
}

/** Instead of a stale preview: why the article did not build, and it shows again once a save fixes it. */
export function failedPage(page: ArticlePage, version: string, lintMissing: boolean): string {
  const body = `<main class="mpdesk-failed">
<h1>这篇文章现在无法预览</h1>
<p>${escapeHtml(page.file)} 有错误，没有构建，旧的预览已经删除。改好并保存后，这一页会自动显示文章。</p>
</main>
${findingsPanel(page, lintMissing)}`;
  return plainPage('无法预览 · mpdesk preview', body, page.dir, version);
}

/** A page the preview does not have. `key` is the article folder it would be, so it appears once built. */
export function notFoundPage(path: string, key: string, version: string): string {
  const body = `<main class="mpdesk-failed">
<h1>没有这个页面</h1>
<p>${escapeHtml(path)} 不在预览里：文章可能改了名、删除了，或者还没有写。<a href="/">回到首页</a></p>
</main>
`;
  return plainPage('没有这个页面 · mpdesk preview', body, key, version);
}
