import { escapeHtml } from '../shared/escape-html.ts';

export interface IndexEntry {
  dir: string;
  title: string;
  status: string;
  account: string;
}


/** `dist/index.html`: every built article's preview, grouped by account. */
export function indexPage(entries: readonly IndexEntry[]): string {
  const accounts = [...new Set(entries.map((e) => e.account))].sort();
  const sections = accounts
    .map((account) => {
      const items = entries
        .filter((e) => e.account === account)
        .sort((a, b) => a.dir.localeCompare(b.dir))
        .map((e) => `    <li><a href="${escapeHtml(e.dir)}/preview.html">${escapeHtml(e.title)}</a> <small>${escapeHtml(e.status)}</small></li>`)
        .join('\n');
      return `  <h2>${escapeHtml(account)}</h2>\n  <ul>\n${items}\n  </ul>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>mpdesk 预览</title>
<style>body{max-width:720px;margin:40px auto;font-family:-apple-system,"PingFang SC",sans-serif;color:#333}li{margin:6px 0}small{color:#999}</style>
</head>
<body>
  <h1>mpdesk 预览</h1>
${sections}
</body>
</html>
`;
}
