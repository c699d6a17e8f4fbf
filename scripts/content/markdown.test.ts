import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { listTree } from '../shared/list-tree.ts';
import { parseMarkdownText } from './markdown.ts';

const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const remarkTree = (markdown: string) => plain.runSync(plain.parse(markdown));

const cases = [
  '春茶上市，详见 https://qinghe.example.com/spring 或 www.qinghe.example.com。',
  '来信请寄 tea@qinghe.example.com，或写 mailto:shop@qinghe.example.com、xmpp:desk@qinghe.example.com/cha。',
  '大写也算：HTTPS://QINGHE.EXAMPLE.COM/NEW 与 WWW.QINGHE.EXAMPLE.COM',
  '[茶单](https://qinghe.example.com/menu) 写成链接的地址，正文里没有裸地址。',
  '[https://qinghe.example.com 写在链接文字里][menu]\n\n[menu]: https://qinghe.example.com/menu',
  '> 引用里的地址 http://qinghe.example.com/quote\n\n| 表格 | 地址 |\n| --- | --- |\n| 门店 | www.qinghe.example.com |',
  '脚注里的地址[^1]。\n\n[^1]: 见 https://qinghe.example.com/note',
  '`https://qinghe.example.com/code` 在代码里，**www.qinghe.example.com** 在粗体里。',
  '没有任何地址的一段：水温九十度，头泡十秒，二泡十五秒。',
  // Forms micromark leaves to the pass: after punctuation, inside emphasis, after an unclosed bracket.
  '_tea@qinghe.example.com_ 与 （www.qinghe.example.com~',
  '“www.qinghe.example.com” 和 .www.qinghe.example.com 后文，-WWW.QINGHE.COM)',
  '[mailto:shop@qinghe.example.com。 **[https://qinghe.example.com/a)**',
];

describe('the Markdown tree', () => {
  it('is remark-gfm’s tree, literal autolinks included, whether or not the text could hold one', () => {
    for (const markdown of cases) expect(parseMarkdownText(markdown), markdown).toEqual(remarkTree(markdown));
  });

  it('is remark-gfm’s tree for every sample article', async () => {
    const root = new URL('../../content/', import.meta.url);
    const articles = (await listTree(root.pathname)).files.filter((file) => file.endsWith('.md'));
    expect(articles.length).toBeGreaterThan(3);
    for (const file of articles) {
      const markdown = readFileSync(new URL(file, root), 'utf8');
      expect(parseMarkdownText(markdown), file).toEqual(remarkTree(markdown));
    }
  });
});
