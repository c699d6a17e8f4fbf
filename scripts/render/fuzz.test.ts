import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontmatter, type ArticleFile } from '../content/index.ts';
import { createLocator } from '../shared/text-locator.ts';
import { allElements } from './dom.ts';
import { renderArticle } from './index.ts';

/**
 * Property: whatever Markdown a writer (or an attacker) gives, rendering names its problems as findings and never
 * crashes, hangs or emits HTML that the WeChat output check rejects or that could run script.
 */
// The article lives in an empty temporary repository; the themes come from this one.
const root = mkdtempSync(join(tmpdir(), 'mpdesk-fuzz-'));
const cacheDir = join(root, '.cache');
const styles = fileURLToPath(new URL('../../', import.meta.url));

const words = fc.constantFrom('冬天的茶', '手冲', 'iPhone15', '100%', '第一', '最好', '🍵', '　', 'a_b', '\\*', '&amp;', '&#0;', '<', '>', '"', "'", '|', '`', '~', '[', ']', '(', ')', '!', '#', '^');
const urls = fc.constantFrom(
  'https://mp.weixin.qq.com/s/abc',
  'https://example.com/a?b=1#c',
  'http://gov.cn',
  'mailto:hi@example.com',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  '#cun-cha',
  '#user-content-fn-1',
  './other.md',
  './%E4.md',
  '../../x/index.md',
  '',
  ' ',
  '//evil.example/x',
  'https://mmbiz.qpic.cn/a.jpg',
  './cup.jpg',
  './missing.webp',
  'x',
);
const rawHtml = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<svg onload=alert(1)><circle r="5"/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">点我</a>',
  '<a href="">空</a>',
  '<a href="./x.md">相对</a>',
  '<a name="top"></a>',
  '<div style="position:absolute;top:0">浮层</div>',
  '<span style="color:var(--x)">变量</span>',
  '<style>p{color:red}</style>',
  '<input type="checkbox" checked>',
  '<form action="/x"><button>提交</button></form>',
  '<object data="x.swf"></object>',
  '<embed src="x.swf">',
  '<link rel="stylesheet" href="x.css">',
  '<meta http-equiv="refresh" content="0">',
  '<x><p>',
  '<p></p>',
  '<details><summary>展开</summary>内容</details>',
  '<table><tr><td>格</td></tr></table>',
  '<math><mi>x</mi></math>',
  '<base href="https://evil.example/">',
  '<body onload=alert(1)>',
  '<img src="./cup.jpg" alt="杯">',
  '<!-- 注释 -->',
  '<sup>1</sup><sub>2</sub>',
  '<br/><hr>',
  '</p></section></div>',
);

const inline: fc.Arbitrary<string> = fc.oneof(
  words,
  fc.string({ maxLength: 12 }),
  fc.tuple(words, urls).map(([text, url]) => `[${text}](${url})`),
  fc.tuple(words, urls).map(([text, url]) => `![${text}](${url})`),
  urls.map((url) => `<${url}>`),
  fc.tuple(words, urls).map(([text, url]) => `[${text}][r]\n\n[r]: ${url || '<>'}\n`),
  fc.tuple(words, urls).map(([text, url]) => `![${text}][i]\n\n[i]: ${url || '<>'}\n`),
  words.map((w) => `**${w}**`),
  words.map((w) => `_${w}_`),
  words.map((w) => `\`${w}\``),
  words.map((w) => `~~${w}~~`),
  fc.constantFrom('[^1]', '[^a]', '[^x]'),
  rawHtml,
);
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));

const block: fc.Arbitrary<string> = fc.oneof(
  line,
  line.map((text) => `## ${text}`),
  line.map((text) => `# ${text}`),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((items) => items.map((item, i) => `${'  '.repeat(i % 3)}- ${item}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((items) => items.map((item, i) => `${i + 1}. [${i % 2 ? 'x' : ' '}] ${item}`).join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([depth, text]) => `${'> '.repeat(depth)}${text}`),
  fc.tuple(fc.constantFrom('NOTE', 'TIP', 'WARNING', 'CAUTION', 'IMPORTANT', 'nope'), line).map(([kind, text]) => `> [!${kind}]\n> ${text}`),
  fc.tuple(fc.constantFrom('js', 'python', 'text', ''), fc.string({ maxLength: 40 })).map(([lang, code]) => `\`\`\`${lang}\n${code.replace(/`{3,}/g, '')}\n\`\`\``),
  fc.tuple(line, line).map(([a, b]) => `| ${a.replace(/\|/g, '')} | b |\n|:--|--:|\n| ${b.replace(/\|/g, '')} | 2 |`),
  fc.tuple(fc.constantFrom('1', 'a', 'x'), line).map(([id, text]) => `[^${id}]: ${text}`),
  rawHtml,
  fc.constantFrom('---', '***', '<div>\n\n**块**\n\n</div>', '    缩进代码', '$$\nx\n$$'),
);

const body = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n\n'));
const frontmatter = fc.record({ sponsored: fc.boolean(), digest: fc.boolean() }).map(
  ({ sponsored, digest }) => `---\ntitle: 模糊测试\nstatus: draft\n${sponsored ? 'sponsored:\n  advertiser: 山野咖啡\n' : ''}${digest ? 'digest: 一句话\n' : ''}---\n\n`,
);

const forbidden = /^(script|iframe|frame|input|form|button|textarea|select|object|embed|style|base|meta|link|svg|math)$/;

/** Whatever in a fragment could run script or that WeChat refuses, found by parsing it, not by matching text. */
function executable(html: string): string[] {
  const $ = cheerio.load(html, { xml: { xmlMode: false } }, false);
  const found: string[] = [];
  for (const element of allElements($)) {
    if (forbidden.test(element.name)) found.push(`<${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name) || name === 'data-mp-at' || name === 'class' || name === 'id') found.push(`${element.name}[${name}]`);
      if ((name === 'href' || name === 'src') && /^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${element.name}[${name}=${value}]`);
    }
  }
  return found;
}

function articleFile(text: string): ArticleFile {
  const parsed = readFrontmatter(text, 0);
  if (!parsed.ok) throw new Error(parsed.message);
  const file = 'content/fuzz/articles/2026/case/index.md';
  return {
    place: { kind: 'article', account: 'fuzz', year: '2026', slug: 'case' },
    source: { path: join(root, file), file, text, bomLength: 0, locator: createLocator(text) },
    doc: parsed.frontmatter,
  };
}

describe('rendering any article', () => {
  it('never crashes, hangs or emits what the output check rejects', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(frontmatter, body, async (head, markdown) => {
        const started = performance.now();
        const rendered = await renderArticle({ root: styles, article: articleFile(head + markdown), cacheDir });
        const problems = rendered.findings.filter((f) => f.ruleId === 'render/crashed' || f.ruleId.startsWith('platform/'));
        expect(problems).toEqual([]);
        expect(executable(rendered.html)).toEqual([]);
        expect(performance.now() - started).toBeLessThan(2_000);
      }),
      { numRuns: Number(process.env.MPDESK_FUZZ_RUNS ?? 2_000) },
    );
  });
});
