import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { inlineStyles } from './inline-styles.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import { loadTheme } from './theme.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function render(markdown: string, options: { sponsored?: boolean; footer?: string; theme?: string } = {}): Promise<string> {
  const theme = await loadTheme(root, { theme: options.theme ?? 'default', account: 'test', brand: { accent: '#c0873f' } });
  if (!theme.ok) throw new Error(theme.message);
  const html = markdownToHtml({ markdown, images: new Map([['./cup.jpg', { src: 'images/cup.jpg' }]]), sponsored: options.sponsored ?? false, footerMarkdown: options.footer });
  return inlineStyles(html, theme.css);
}

describe('WeChat-safe HTML', () => {
  it('has one root section, inline styles only, no class, id, style tag or CSS variable', async () => {
    const html = await render('---\ntitle: 茶\n---\n\n## 冬日茶事\n\n正文**重点**。\n');
    expect(html.startsWith('<section style="')).toBe(true);
    expect(html.endsWith('</section>')).toBe(true);
    expect(html).not.toMatch(/class=|id=|<style|var\(--|title: 茶/);
    // The theme's h2::before is now a real element, and the brand accent replaced the theme's.
    expect(html).toMatch(/<h2 style="[^"]*"><span style="color: #c0873f;">◆ <\/span>冬日茶事<\/h2>/);
  });

  it('turns external links into numbered notes and keeps mp.weixin.qq.com links', async () => {
    const html = await render(
      '参考[茶叶标准](https://openstd.samr.gov.cn/)和[上一篇](https://mp.weixin.qq.com/s/abc)，还有[本节](#jie)。再看[茶叶标准](https://openstd.samr.gov.cn/)。\n',
    );
    expect(html).toContain('<a href="https://mp.weixin.qq.com/s/abc"');
    expect(html).not.toContain('href="https://openstd');
    expect(html).not.toContain('href="#');
    expect(html.match(/\[1\]<\/sup>/g)).toHaveLength(2);
    expect(html).toMatch(/参考资料<\/p><p style="[^"]*">\[1\] 茶叶标准：https:\/\/openstd\.samr\.gov\.cn\/<\/p>/);
  });

  it('gives a linked image’s note its alt text, makes non-article WeChat pages notes, and drops malformed addresses', async () => {
    const html = await render(
      '[![一杯红茶](./cup.jpg)](https://example.com/tea)，[主页](https://mp.weixin.qq.com/mp/profile_ext?action=home)，[写信](mailto:)，<http://[::1>，[老文章](https://mp.weixin.qq.com/s?__biz=MzA5&mid=1)。\n',
    );
    expect(html).toContain('[1] 一杯红茶：https://example.com/tea');
    expect(html).toContain('[2] 主页：https://mp.weixin.qq.com/mp/profile_ext?action=home');
    expect(html).not.toContain('href="https://mp.weixin.qq.com/mp/');
    expect(html).toContain('<a href="https://mp.weixin.qq.com/s?__biz=MzA5&#x26;mid=1"');
    expect(html).not.toMatch(/mailto|href="http:\/\/\[/);
    expect(html).toContain('写信');
    expect(html).not.toContain('[3]');
  });

  it('renders GFM footnotes into the same numbered notes, without back-links', async () => {
    const html = await render('白茶越陈越香[^1]，但要[存好](https://example.com/store)。\n\n[^1]: 前提是干燥、避光、无异味。\n');
    expect(html).toMatch(/越陈越香<sup style="[^"]*">\[1\]<\/sup>/);
    expect(html).toContain('[2] 存好：https://example.com/store');
    expect(html).toContain('[1] 前提是干燥、避光、无异味。');
    expect(html).toContain('注释与参考资料');
    expect(html).not.toContain('↩');
  });

  it('renders lists as sections with literal markers: nested, ordered with start, tasks', async () => {
    const html = await render('- 红茶\n  - 祁门\n    - 祁红香螺\n\n3. 温杯\n4. 投茶\n\n- [ ] 备水\n- [x] 备茶\n');
    expect(html).not.toMatch(/<(ul|ol|li|input)\b/);
    for (const marker of ['•&nbsp;', '◦&nbsp;', '▪&nbsp;', '3.&nbsp;', '4.&nbsp;', '☐&nbsp;', '☑&nbsp;']) expect(html).toContain(marker);
    // Nested items sit inside their parent item.
    expect(html).toMatch(/•&nbsp;<\/span>红茶<section[^>]*><section[^>]*><span[^>]*>◦&nbsp;<\/span>祁门/);
  });

  it('keeps every space, tab and line break of code, highlighted with inline colours, scrolling sideways', async () => {
    const html = await render('```python\ndef brew(t):\n    if t > 85:\n\treturn "太烫"\n```\n\n行内 `code` 也有样式。\n');
    expect(html).toContain('overflow-x: auto');
    expect(html).toMatch(/<span style="color: #[0-9a-f]{6};">def<\/span>/);
    expect(html).toContain('<br>&nbsp;&nbsp;&nbsp;&nbsp;<span');
    expect(html).toContain('<br>&nbsp;&nbsp;&nbsp;&nbsp;<span style="color: #c678dd;">return</span>');
    expect(html).not.toMatch(/<br>\s*<\/code>/);
    expect(html).toMatch(/行内 <code style="[^"]*">code<\/code>/);
  });

  it('wraps tables so wide ones scroll, with alignment as style', async () => {
    const html = await render('| 茶 | 水温 |\n|:--|--:|\n| 龙井 | 85 ℃ |\n');
    expect(html).toMatch(/<section style="[^"]*overflow-x: auto;[^"]*"><table/);
    expect(html).toMatch(/<td style="[^"]*text-align: right;?[^"]*">85 ℃<\/td>/);
    expect(html).not.toContain('align=');
  });

  it('makes a paragraph with one image a figure captioned by its alt text, pointing at the processed file', async () => {
    const html = await render('![一杯刚出汤的红茶](./cup.jpg)\n');
    expect(html).toMatch(/<img src="images\/cup\.jpg" alt="一杯刚出汤的红茶" style="[^"]*max-width: 100%/);
    expect(html).toMatch(/<section style="[^"]*">一杯刚出汤的红茶<\/section>/);
  });

  it('styles GitHub alerts with Chinese titles', async () => {
    const html = await render('> [!WARNING]\n> 室内煮茶注意通风。\n');
    expect(html).toMatch(/<section style="[^"]*border-left-color: #e69a28[^"]*"><p style="[^"]*">注意<\/p><p[^>]*>室内煮茶注意通风。<\/p>/);
    expect(html).not.toContain('[!WARNING]');
  });

  it('sanitises raw HTML: no scripts, handlers, iframes or javascript: URLs', async () => {
    const html = await render('<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n\n<p onclick="x()">点我</p>\n\n[链接](javascript:alert(1))\n');
    expect(html).not.toMatch(/<script|<iframe|onclick|javascript:/i);
    expect(html).toContain('点我');
  });

  it('labels an advertisement and appends the account footer', async () => {
    const html = await render('正文。\n', { sponsored: true, footer: '**关注我们**，一起喝茶。' });
    expect(html).toMatch(/^<section style="[^"]*"><p style="[^"]*"><span style="[^"]*">广告<\/span><\/p>/);
    expect(html).toMatch(/<section style="[^"]*"><p style="[^"]*"><strong style="[^"]*">关注我们<\/strong>，一起喝茶。<\/p><\/section><\/section>$/);
  });

  it('has a second complete theme', async () => {
    const html = await render('## 标题\n\n正文。\n', { theme: 'ink' });
    expect(html).toContain('serif');
    expect(html).toContain('— </span>标题<span');
  });
});
