import * as cheerio from 'cheerio/slim';
import { isWechatArticleLink, isWechatImage, maxHtmlBytes, maxVisibleChars, visibleCharCount } from '../platform/index.ts';
import { allElements, type Element } from './dom.ts';
import { offsetAttribute } from './plugins/source-offsets.ts';

export interface OutputViolation {
  ruleId: string;
  message: string;
  /** Offset in the Markdown (without BOM) of the element nearest the problem, when known. */
  offset?: number;
}

export interface OutputCheck {
  violations: OutputViolation[];
  /** The fragment without the source offsets the check used. */
  html: string;
  /** Visible characters (code points, whitespace excluded), what WeChat's 20,000 limit counts. */
  visibleChars: number;
  htmlBytes: number;
  /** The `src` of every `<img>`, entities decoded. */
  imageSources: Set<string>;
}

export interface OutputExpectations {
  /** The `src` of every processed image: the only local addresses the fragment may use. */
  images?: ReadonlySet<string>;
  /** The article's own count (content `articleVisibleChars`, what validate reports), quoted beside the rendered one. */
  ownChars?: number;
}

const forbiddenTags = new Set(['script', 'style', 'iframe', 'frame', 'input', 'form', 'button', 'textarea', 'select', 'object', 'embed', 'link', 'meta']);
const forbiddenCss: Array<[RegExp, string]> = [
  [/(^|;)\s*position\s*:/i, 'position（微信会删除，请用 transform）'],
  [/var\(\s*--/i, 'CSS 变量'],
  [/expression\s*\(|url\(\s*['"]?javascript:/i, '脚本表达式'],
];
const offsetPattern = new RegExp(` ${offsetAttribute}="\\d+"`, 'g');

/** Checks a finished fragment against what the WeChat editor and draft API accept, naming where each problem came from. */
export function checkOutput(marked: string, expect: OutputExpectations = {}): OutputCheck {
  const violations: OutputViolation[] = [];
  // htmlparser2 (the `xml` options with xmlMode off) parses HTML several times faster than parse5.
  const $ = cheerio.load(marked, { xml: { xmlMode: false } }, false);
  const add = (ruleId: string, message: string, element?: Element) => violations.push({ ruleId, message, ...offsetOf(element) });
  const imageSources = new Set<string>();

  const top = $.root().children();
  if (top.length !== 1 || top.get(0)?.tagName !== 'section') add('platform/output-root', '输出应只有一个根元素 <section>。');
  for (const element of allElements($)) {
    if (element.type !== 'tag' && element.type !== 'script' && element.type !== 'style') continue;
    if (forbiddenTags.has(element.name)) add('platform/output-tag', `输出中有 <${element.name}>，微信编辑器不接受。`, element);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (name === offsetAttribute) continue;
      if (name === 'class' || name === 'id' || name.startsWith('on')) add('platform/output-attribute', `<${element.name}> 带有 ${name} 属性。`, element);
      if (name === 'style') for (const [pattern, what] of forbiddenCss) if (pattern.test(value)) add('platform/output-css', `<${element.name}> 的样式含有${what}：${value}`, element);
      if ((name === 'href' || name === 'src') && /^\s*javascript:/i.test(value)) add('platform/output-attribute', `<${element.name}> 含 javascript: 地址。`, element);
    }
    if (element.name === 'img') {
      imageSources.add(element.attribs.src ?? '');
      checkImage(element, expect, add);
    }
    if (element.name === 'a') {
      const href = element.attribs.href ?? '';
      if (!isWechatArticleLink(href)) add('platform/output-link', `非公众号文章链接会被微信删除：${href.slice(0, 120) || '（空链接）'}`, element);
    }
  }

  const visibleChars = visibleCharCount($.root().text());
  const html = marked.replace(offsetPattern, '');
  const htmlBytes = Buffer.byteLength(html);
  if (visibleChars >= maxVisibleChars) {
    const own = expect.ownChars;
    const why =
      own === undefined ? '' : own >= visibleChars ? '（与 validate 报告的字数相同）' : `；其中文章、参考资料网址和文末 ${own} 字（validate 报告的字数），其余 ${visibleChars - own} 字是排版加上的列表符号、注释编号和提示框标题`;
    add('platform/output-length', `排版后正文 ${visibleChars} 字（不计空白），微信要求少于 ${maxVisibleChars} 字${why}：请删减，或分成两篇。`);
  }
  if (htmlBytes >= maxHtmlBytes) add('platform/output-size', `HTML 有 ${(htmlBytes / 1024).toFixed(0)} KB，超过微信上限 1 MB。`);
  return { violations, html, visibleChars, htmlBytes, imageSources };
}

function checkImage(image: Element, expect: OutputExpectations, add: (ruleId: string, message: string, element?: Element) => void): void {
  const src = image.attribs.src ?? '';
  if (isWechatImage(src) || expect.images?.has(src)) return;
  if (expect.images || /^data:/i.test(src) || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
    add('platform/output-image', `图片不是处理过的本地图片或微信图片，会被过滤：${src.slice(0, 120) || '（空地址）'}`, image);
  }
}

/** The source offset of the element or its nearest ancestor that has one. */
function offsetOf(element: Element | undefined): { offset?: number } {
  for (let node: Element | null | undefined = element; node; node = node.parent && 'attribs' in node.parent ? node.parent : undefined) {
    const value = node.attribs[offsetAttribute];
    if (value !== undefined) return { offset: Number(value) };
  }
  return {};
}
