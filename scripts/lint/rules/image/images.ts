import { extname } from 'node:path';
import { visit } from 'unist-util-visit';
import type { Image } from 'mdast';
import { nodeSpan } from '../../../content/markdown.ts';
import { defineRule } from '../../define-rule.ts';

const supported = new Set(['.jpg', '.jpeg', '.png', '.gif']);
const converted = new Set(['.webp', '.avif', '.tif', '.tiff']);

export default defineRule({
  id: 'image/images',
  severity: 'warning',
  description: '图片：要有替代文字（会作为图注），格式为 JPEG/PNG/GIF（WebP 等会被转换），不用外链图片。Alt text, format, no remote images.',
  examples: {
    valid: ['![一杯红茶](./cup.jpg)'],
    invalid: [{ markdown: '![](./cup.jpg)', findings: [{ line: 1, column: 1, message: '图片缺少替代文字' }] }, { markdown: '![茶](./cup.bmp)', findings: [{ line: 1, column: 1, message: '不支持的图片格式 .bmp' }] }, { markdown: '![茶](https://example.com/a.jpg)', findings: [{ line: 1, column: 1, message: '外链图片会被微信过滤：https://example.com/a.jpg' }] }, { markdown: '![茶山](./a.webp)', findings: [{ line: 1, column: 1, message: '.webp 图片会在构建时转成 JPEG 或 PNG' }] }],
  },
  check(context) {
    const images: Image[] = [];
    visit(context.tree, 'image', (node) => void images.push(node));
    for (const node of images) {
      const span = nodeSpan(context.source, node);
      if (!node.alt?.trim()) context.report({ span, message: '图片缺少替代文字：![这里写图片说明](…)，它会显示为图注，也方便读屏软件。' });
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(node.url)) {
        if (!/^https:\/\/mmbiz\.qpic\.cn\//i.test(node.url)) context.report({ span, message: `外链图片会被微信过滤：${node.url}。请下载后放在文章旁边。`, severity: 'error' });
        continue;
      }
      // An empty address is validation's finding (image/missing).
      if (!node.url.trim()) continue;
      const ext = extname(node.url.replace(/[?#].*$/, '')).toLowerCase();
      if (converted.has(ext)) context.report({ span, message: `${ext} 图片会在构建时转成 JPEG 或 PNG。`, severity: 'info' });
      else if (!supported.has(ext)) context.report({ span, message: `不支持的图片格式 ${ext || '（无扩展名）'}：请用 JPEG、PNG 或 GIF。`, severity: 'error' });
    }
  },
});
