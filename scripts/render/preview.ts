import { escapeHtml } from '../shared/escape-html.ts';

export interface PreviewInput {
  title: string;
  author?: string;
  accountName: string;
  fragment: string;
  /** Body images not yet on WeChat: copied into the editor they would be lost, so the page says so. */
  pendingImages?: number;
  /** The article, repository-relative, for the command that uploads its images. */
  file?: string;
}

/** Above the copy button while images are still local files the editor cannot reach. */
function pendingNotice(count: number, file: string | undefined): string {
  if (count === 0) return '';
  const command = `mpdesk publish --images-only${file ? ` ${file}` : ''}`;
  return `<div class="pending" role="note">本文有 ${count} 张图片还没有上传到微信，复制到公众号编辑器后这些图片会丢失。先运行 <code>${escapeHtml(command)}</code> 上传图片（记入素材记录），再运行 mpdesk build，复制的内容就会带上微信图片地址。</div>
`;
}

/**
 * A standalone page: the article in a phone-width frame as WeChat shows it, and a button that copies the
 * fragment as rich HTML for the Official Account editor. The fragment is embedded twice: once to show, and once
 * as JSON so the copy is exactly `article.html`, whatever the browser would re-serialise. Images on mmbiz.qpic.cn
 * load only without a referrer (WeChat's hotlink guard), hence the referrer policy.
 */
export function previewPage({ title, author, accountName, fragment, pendingImages = 0, file }: PreviewInput): string {
  const json = JSON.stringify(fragment).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · 预览</title>
<style>
  body { margin: 0; background: #ededed; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
  .toolbar { position: sticky; top: 0; z-index: 1; display: flex; gap: 12px; align-items: center; justify-content: center; padding: 10px; background: #2b2b2b; color: #fff; font-size: 14px; }
  .pending { padding: 10px 16px; background: #fff3cd; color: #6b4e00; font-size: 14px; line-height: 1.6; text-align: center; }
  .pending code { padding: 1px 4px; background: #fff; border-radius: 3px; }
  .toolbar button { padding: 6px 16px; border: 0; border-radius: 4px; background: #07c160; color: #fff; font-size: 14px; cursor: pointer; }
  .phone { box-sizing: border-box; width: 390px; max-width: 100%; margin: 20px auto 40px; padding: 20px 16px 32px; background: #fff; border-radius: 24px; box-shadow: 0 4px 24px rgba(0,0,0,.12); }
  .phone h1 { margin: 0 0 8px; font-size: 22px; line-height: 1.4; color: #111; }
  .byline { margin: 0 0 20px; font-size: 15px; color: #576b95; }
</style>
</head>
<body>
${pendingNotice(pendingImages, file)}<div class="toolbar"><span>${escapeHtml(accountName)}</span><button id="copy" type="button">复制到公众号编辑器</button><span id="status" role="status"></span></div>
<main class="phone" id="phone">
<h1>${escapeHtml(title)}</h1>
<p class="byline">${escapeHtml(author ?? '')} ${escapeHtml(accountName)}</p>
<div id="article">${fragment}</div>
</main>
<script type="application/json" id="fragment">${json}</script>
<script>
  const fragment = JSON.parse(document.getElementById('fragment').textContent);
  const status = document.getElementById('status');
  document.getElementById('copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([fragment], { type: 'text/html' }),
        'text/plain': new Blob([document.getElementById('article').innerText], { type: 'text/plain' }),
      })]);
      status.textContent = '已复制，粘贴到公众号编辑器即可';
    } catch (error) {
      // Older browsers and file:// pages without clipboard permission: copy through a selection instead.
      const holder = document.createElement('div');
      holder.innerHTML = fragment;
      document.body.appendChild(holder);
      const range = document.createRange();
      range.selectNodeContents(holder);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      const copied = document.execCommand('copy');
      holder.remove();
      status.textContent = copied ? '已复制' : '复制失败，请手动选择文章内容复制';
    }
  });
</script>
</body>
</html>
`;
}
