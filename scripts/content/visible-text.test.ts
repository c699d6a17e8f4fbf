import { describe, expect, it } from 'vitest';
import { parseMarkdownText } from './markdown.ts';
import { articleVisibleChars } from './visible-text.ts';

const count = (markdown: string, footer?: string) => articleVisibleChars(parseMarkdownText(markdown), footer);

describe('articleVisibleChars', () => {
  it('counts what a reader sees of what was written, whitespace left out', () => {
    expect(count('## 温杯\n\n冬天 水温\n掉得快。\n\n`code`\n\n```\nab c\n```\n')).toBe(2 + 8 + 4 + 3);
    expect(count('| 茶 | 水温 |\n|--|--|\n| 绿茶 | 80 |\n')).toBe(1 + 2 + 2 + 2);
    expect(count('<div>店里<script>alert(1)</script><!-- 备注 --></div>\n')).toBe(2);
  });

  it('leaves out the alert marker, reference definitions and footnotes nobody references', () => {
    expect(count('> [!NOTE]\n> 先温杯。\n')).toBe(4);
    expect(count('见[店][shop]。\n\n[shop]: https://mp.weixin.qq.com/s/a\n\n[^unused]: 没人引用。\n')).toBe(3);
    expect(count('正文[^a]。\n\n[^a]: 注释。\n')).toBe(3 + 3);
  });

  it('adds the note each external link becomes (text：URL, once per address), not for a bare URL, and the footer', () => {
    expect(count('见[指南](https://example.com/a)和[指南](https://example.com/a)。\n')).toBe(7 + 3 + 21);
    expect(count('见 https://example.com/a 。\n')).toBe(1 + 21 + 1);
    expect(count('正文。\n', '谢谢阅读，**欢迎**再来。\n')).toBe(3 + 10);
  });
});
