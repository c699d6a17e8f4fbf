import type { LinkRef } from '../../../content/index.ts';
import { defineRule, type RuleContext } from '../../define-rule.ts';

const cjkPunctuation = /[，。！？；：、（）「」『』“”‘’《》【】…—]/u;

/** A bare address (no `<>`) that swallowed the Chinese after it: full-width punctuation is never part of a URL. */
function reportRunOn(context: RuleContext, link: LinkRef): void {
  const mark = cjkPunctuation.exec(link.text)?.[0];
  if (!mark || context.source.text[link.span[0]] === '<') return;
  context.report({
    span: link.span,
    message: `网址“${link.text}”里有中文标点“${mark}”：网址要到空格才结束，后面的中文被算进了网址。在网址后加一个空格，或写成 <网址>。`,
    severity: 'warning',
  });
}

/**
 * A host written with Chinese (or other non-ASCII) characters: mostly a bare address that ran on into the sentence
 * (`https://example.com了解`); a real internationalised domain is safer in its ASCII form, which every reader can open.
 */
function reportInternationalHost(context: RuleContext, link: LinkRef, asciiHost: string): void {
  context.report({
    span: link.span,
    message: `网址“${link.url}”的域名里有中文或其他非 ASCII 字符（浏览器会读成 ${asciiHost}）：如果后面的中文不是网址的一部分，在网址后加一个空格，或写成 <网址>；如果确实是中文域名，请改用它的 ASCII 形式 ${asciiHost}。`,
    severity: 'warning',
  });
}

export default defineRule({
  id: 'links/links',
  severity: 'info',
  description: '链接：外链会变成文末参考资料，页内锚点会被删掉，相对链接要指向存在的文件，javascript: 等不安全地址是错误。External links become notes; anchors are dropped; relative links must exist; unsafe schemes are errors.',
  examples: {
    valid: ['见[上一篇](https://mp.weixin.qq.com/s/abc)和[更早一篇](https://mp.weixin.qq.com/s?__biz=MzA5&mid=1&idx=1)。', '网址 https://www.gov.cn 直接写出来。'],
    invalid: [
      { markdown: '见[国家标准](https://openstd.samr.gov.cn/)。', findings: [{ line: 1, column: 2, message: '外链在公众号里不能点击，会变成编号 [n]' }] },
      { markdown: '见[下文](#cun-cha)。', findings: [{ line: 1, column: 2, message: '页内链接 #cun-cha 在公众号里会被删除' }] },
      { markdown: '见[旧文](../../2025/none/index.md)。', findings: [{ line: 1, column: 2, message: '相对链接指向的文件不存在：../../2025/none/index.md' }] },
      { markdown: '见[说明](./%E4.md)。', findings: [{ line: 1, column: 2, message: '链接地址无效：地址中的百分号转义无效：./%E4.md' }] },
      { markdown: '见[说明]()。', findings: [{ line: 1, column: 2, message: '链接地址为空' }] },
      { markdown: '茶有很多种[^1]。\n\n[^1]: 见[茶经](https://example.com/chajing)。', findings: [{ line: 3, column: 8, message: 'https://example.com/chajing' }] },
      { markdown: '见<a href="./none.md">旧文</a>。', findings: [{ line: 1, column: 2, message: '相对链接指向的文件不存在：./none.md' }] },
      { markdown: '点[这里](javascript:alert(1))领券。', findings: [{ line: 1, column: 2, message: '链接地址无效：javascript: 是不安全的地址，渲染时会删掉这个链接，只保留文字“这里”' }] },
      {
        markdown: '[茶单](data:text/html,hi)、[脚本](VBScript:run)和[本地文件](file:///C:/茶.doc)。\n\n<a href=" javascript:void(0)">原样</a>',
        findings: [
          { line: 1, column: 1, message: '链接地址无效：data: 是不安全的地址' },
          { line: 1, column: 25, message: '链接地址无效：vbscript: 是不安全的地址' },
          { line: 1, column: 44, message: '链接地址无效：file: 是不安全的地址' },
          { line: 3, column: 1, message: '链接地址无效：javascript: 是不安全的地址' },
        ],
      },
      // Malformed addresses are no links: findings, not notes.
      { markdown: '写信[给我们](mailto:)。', findings: [{ line: 1, column: 3, message: '链接地址无效：邮件链接没有地址：mailto:' }] },
      { markdown: '本机 <http://[::1> 不是网址。', findings: [{ line: 1, column: 4, message: '链接地址无效：网址格式不对，浏览器无法打开：http://[::1' }] },
      { markdown: '详情见 https://example.com了解 页面。', findings: [{ line: 1, column: 5, message: '网址“https://example.com了解”的域名里有中文或其他非 ASCII 字符（浏览器会读成 example.xn--com-' }] },
      { markdown: '见 [茶事网](https://茶事.中国/)。', findings: [{ line: 1, column: 3, message: '请改用它的 ASCII 形式 xn--' }] },
      // Only articles are article links: an account's profile page is an external link.
      { markdown: '关注[我们的主页](https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5)。', findings: [{ line: 1, column: 3, message: '外链在公众号里不能点击' }] },
      { markdown: '电话[预约](tel:057112345678)。', findings: [{ line: 1, column: 3, message: '链接协议 tel: 在公众号里不能用，渲染时会删掉这个链接，只保留文字“预约”' }] },
      // A bare address runs on to the next space: the sentence after it became part of the link.
      { markdown: '详情访问 https://example.com/join了解。谢谢', findings: [{ line: 1, column: 6, message: '网址“https://example.com/join了解。谢谢”里有中文标点“。”' }] },
    ],
  },
  check(context) {
    for (const link of context.article?.links ?? []) {
      const { span, url, target } = link;
      switch (target.kind) {
        case 'wechat-article':
          break;
        case 'anchor':
          context.report({ span, message: `页内链接 ${url} 在公众号里会被删除，只保留文字。`, severity: 'warning' });
          break;
        case 'empty':
          context.report({ span, message: '链接地址为空：补上网址，或去掉链接只留文字。', severity: 'warning' });
          break;
        case 'invalid':
          context.report({ span, message: `链接地址无效：${target.reason}。`, severity: 'error' });
          break;
        case 'unsafe':
          context.report({ span, message: `链接地址无效：${target.scheme}: 是不安全的地址，渲染时会删掉这个链接，只保留文字${quoted(link.text)}。请改成 https:// 开头的网址，或去掉链接。`, severity: 'error' });
          break;
        case 'unsupported':
          context.report({ span, message: `链接协议 ${target.scheme}: 在公众号里不能用，渲染时会删掉这个链接，只保留文字${quoted(link.text)}。`, severity: 'warning' });
          break;
        case 'external':
        case 'email':
          if (target.kind === 'external' && target.asciiHost) reportInternationalHost(context, link, target.asciiHost);
          else if (link.site === 'autolink') reportRunOn(context, link);
          else context.report({ span, message: `外链在公众号里不能点击，会变成编号 [n]，网址列在文末“参考资料”。${url}` });
          break;
        case 'relative':
          if (!target.exists) context.report({ span, message: `相对链接指向的文件不存在：${url}。`, severity: 'error' });
          else context.report({ span, message: `相对链接 ${url} 在公众号里无法打开；发布后请换成对应文章的 mp.weixin.qq.com 链接。`, severity: 'warning' });
          break;
      }
    }
  },
});

function quoted(text: string): string {
  return text.trim() ? `“${text.trim()}”` : '';
}
