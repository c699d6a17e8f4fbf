import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { visit } from 'unist-util-visit';
import type { Link } from 'mdast';
import { nodeSpan } from '../../../content/markdown.ts';
import { defineRule } from '../../define-rule.ts';
import { isWechatArticleLink } from '../../../render/plugins/notes.ts';

export default defineRule({
  id: 'links/links',
  severity: 'info',
  description: '链接：外链会变成文末参考资料，页内锚点会被删掉，相对链接要指向存在的文件。External links become notes; anchors are dropped; relative links must exist.',
  examples: {
    valid: ['见[上一篇](https://mp.weixin.qq.com/s/abc)。'],
    invalid: [
      { markdown: '见[国家标准](https://openstd.samr.gov.cn/)。', findings: [{ line: 1, column: 2, message: '外链在公众号里不能点击，会变成编号 [n]' }] },
      { markdown: '见[下文](#cun-cha)。', findings: [{ line: 1, column: 2, message: '页内链接 #cun-cha 在公众号里会被删除' }] },
      { markdown: '见[旧文](../../2025/none/index.md)。', findings: [{ line: 1, column: 2, message: '相对链接指向的文件不存在：../../2025/none/index.md' }] },
    ],
  },
  async check(context) {
    const links: Link[] = [];
    visit(context.tree, 'link', (node) => void links.push(node));
    for (const node of links) {
      const span = nodeSpan(context.source, node);
      const url = node.url;
      if (isWechatArticleLink(url)) continue;
      if (url.startsWith('#')) {
        context.report({ span, message: `页内链接 ${url} 在公众号里会被删除，只保留文字。`, severity: 'warning' });
      } else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        const text = node.children.map((child) => ('value' in child ? child.value : '')).join('');
        if (text !== url) context.report({ span, message: `外链在公众号里不能点击，会变成编号 [n]，网址列在文末“参考资料”。${url}` });
      } else {
        const path = resolve(dirname(context.source.path), decodeURI(url.replace(/[?#].*$/, '')));
        const found = await access(path).then(() => true, () => false);
        if (!found) context.report({ span, message: `相对链接指向的文件不存在：${url}。`, severity: 'error' });
        else context.report({ span, message: `相对链接 ${url} 在公众号里无法打开；发布后请换成对应文章的 mp.weixin.qq.com 链接。`, severity: 'warning' });
      }
    }
  },
});
