import * as cheerio from 'cheerio';
import { allElements } from './dom.ts';
import { isWechatArticleLink } from './plugins/notes.ts';

export const maxVisibleChars = 20_000;
export const maxHtmlBytes = 1024 * 1024;

export interface OutputViolation {
  ruleId: string;
  message: string;
}

export interface OutputCheck {
  violations: OutputViolation[];
  /** Visible characters (code points, whitespace excluded), what WeChat's 20,000 limit counts. */
  visibleChars: number;
  htmlBytes: number;
}

const forbiddenTags = ['script', 'style', 'iframe', 'frame', 'input', 'form', 'button', 'textarea', 'select', 'object', 'embed', 'link', 'meta'];
const forbiddenCss: Array<[RegExp, string]> = [
  [/(^|;)\s*position\s*:/i, 'position（微信会删除，请用 transform）'],
  [/var\(\s*--/i, 'CSS 变量'],
  [/expression\s*\(|url\(\s*['"]?javascript:/i, '脚本表达式'],
];

/** Checks a finished fragment against what the WeChat editor and draft API accept. */
export function checkOutput(html: string): OutputCheck {
  const violations: OutputViolation[] = [];
  const add = (ruleId: string, message: string) => violations.push({ ruleId, message });
  // htmlparser2 (the `xml` options with xmlMode off) parses HTML several times faster than parse5.
  const $ = cheerio.load(html, { xml: { xmlMode: false } }, false);
  // One walk serves every check below, instead of a selector query per check.
  const elements = allElements($);

  const top = $.root().children();
  if (top.length !== 1 || top.get(0)?.tagName !== 'section') add('platform/output-root', '输出应只有一个根元素 <section>。');
  for (const tag of forbiddenTags) {
    const count = elements.filter((element) => element.name === tag).length;
    if (count) add('platform/output-tag', `输出中有 ${count} 个 <${tag}>，微信编辑器不接受。`);
  }
  for (const element of elements) {
    if (element.type !== 'tag') continue;
    for (const [name, value] of Object.entries(element.attribs)) {
      if (name === 'class' || name === 'id' || name.startsWith('on')) add('platform/output-attribute', `<${element.tagName}> 带有 ${name} 属性。`);
      if (name === 'style') for (const [pattern, what] of forbiddenCss) if (pattern.test(value)) add('platform/output-css', `<${element.tagName}> 的样式含有${what}：${value}`);
      if ((name === 'href' || name === 'src') && /^\s*javascript:/i.test(value)) add('platform/output-attribute', `<${element.tagName}> 含 javascript: 地址。`);
    }
  }
  if (/::?(before|after)\b/.test(html) && elements.some((element) => element.name === 'style')) add('platform/output-css', '输出含有伪元素样式。');
  for (const image of elements) {
    if (image.name !== 'img') continue;
    const src = image.attribs.src ?? '';
    if (/^data:/i.test(src) || (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src) && !/^https:\/\/mmbiz\.qpic\.cn\//i.test(src))) {
      add('platform/output-image', `外部图片会被微信过滤：${src.slice(0, 120)}`);
    }
  }
  for (const link of elements) {
    if (link.name !== 'a') continue;
    const href = link.attribs.href ?? '';
    if (!isWechatArticleLink(href)) add('platform/output-link', `非公众号文章链接会被微信删除：${href.slice(0, 120)}`);
  }

  const visibleChars = [...$.root().text().replace(/\s+/g, '')].length;
  const htmlBytes = Buffer.byteLength(html);
  if (visibleChars >= maxVisibleChars) add('platform/output-length', `正文 ${visibleChars} 字，超过微信上限 ${maxVisibleChars} 字。`);
  if (htmlBytes >= maxHtmlBytes) add('platform/output-size', `HTML 有 ${(htmlBytes / 1024).toFixed(0)} KB，超过微信上限 1 MB。`);
  return { violations, visibleChars, htmlBytes };
}
