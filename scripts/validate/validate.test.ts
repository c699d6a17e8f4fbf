import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';
import { accountYaml, article, baseFiles, makeRepo, planMarkdown, validArticle, type FixtureFiles } from '../testing/fixture-repo.ts';
import { validateContent } from './index.ts';

const articlePath = 'content/shanye/articles/2026/dongtian-shouchong/index.md';

async function validate(changes: FixtureFiles = {}): Promise<Finding[]> {
  const root = await makeRepo({ ...baseFiles(), ...changes });
  return validateContent(await loadContent(root));
}

function withFrontmatter(frontmatter: string, body?: string): FixtureFiles {
  return { [articlePath]: article(frontmatter, body) };
}

describe('validate', () => {
  it('passes valid content', async () => {
    expect(await validate()).toEqual([]);
  });

  it('reports a media ledger left broken by a merge conflict, naming the line', async () => {
    const ledger = '{\n  "body": {},\n<<<<<<< HEAD\n  "cover": {}\n=======\n  "cover": {"a": 1}\n>>>>>>> publish\n}\n';
    const findings = await validate({ 'content/shanye/media-ledger.json': ledger });
    expect(findings).toEqual([
      expect.objectContaining({ file: 'content/shanye/media-ledger.json', line: 3, ruleId: 'schema/media-ledger', severity: 'error', message: expect.stringMatching(/^content\/shanye\/media-ledger\.json 第 3 行起不是有效的 JSON（可能是合并冲突没有解决）/) }),
    ]);
    const wrong = await validate({ 'content/shanye/media-ledger.json': '{"body": {"abc": {"url": "http://example.com/x.png"}}, "cover": {}}\n' });
    expect(wrong).toEqual([expect.objectContaining({ ruleId: 'schema/media-ledger', message: expect.stringContaining('不符合 schemas/media-ledger.schema.json') })]);
  });

  it('names file, line, column, field and the limit for a title that is too long', async () => {
    const findings = await validate(withFrontmatter(`status: draft\ntitle: ${'冬'.repeat(33)}`));
    expect(findings).toEqual([
      expect.objectContaining({
        file: articlePath,
        line: 3,
        column: 1,
        ruleId: 'schema/maxLength',
        severity: 'error',
        field: 'title',
        message: '标题（title）太长：33 个字符，上限 32 个字符。',
      }),
    ]);
  });

  it('applies the account’s own limits', async () => {
    const files = baseFiles();
    files['content/shanye/account.yaml'] = String(files['content/shanye/account.yaml']).replace('title: 32', 'title: 64');
    files[articlePath] = article(`title: ${'冬'.repeat(40)}\nstatus: draft`);
    const root = await makeRepo(files);
    expect(await validateContent(await loadContent(root))).toEqual([]);
  });

  it('reports a missing required field on the first line, naming the field', async () => {
    const findings = await validate(withFrontmatter('author: 阿禾'));
    expect(findings.map((f) => [f.line, f.column, f.ruleId, f.field])).toEqual([
      [1, 1, 'schema/required', 'status'],
      [1, 1, 'schema/required', 'title'],
    ]);
    expect(findings[1]!.message).toContain('缺少必填字段 title（标题）');
  });

  it('requires publish_at once an article is scheduled', async () => {
    const [finding] = await validate(withFrontmatter('title: 茶\nstatus: scheduled'));
    expect(finding).toMatchObject({ ruleId: 'schema/required', field: 'publish_at' });
    expect(finding!.message).toContain('scheduled 或 published');
  });

  it('explains a wrong type, a bad enum value and an unknown key with a suggestion', async () => {
    const findings = await validate(withFrontmatter('title: 茶\nstatus: done\ntags: 冬季\ntitel: 重复'));
    expect(findings.map((f) => [f.line, f.ruleId, f.field])).toEqual([
      [3, 'schema/enum', 'status'],
      [4, 'schema/type', 'tags'],
      [5, 'schema/additionalProperties', 'titel'],
    ]);
    expect(findings[0]!.message).toContain('draft、review、approved');
    expect(findings[2]!.suggestions).toEqual(['title']);
  });

  it('asks for a time zone on publish_at', async () => {
    const [finding] = await validate(withFrontmatter('title: 茶\nstatus: draft\npublish_at: 2026-12-03T20:00:00'));
    expect(finding).toMatchObject({ line: 4, ruleId: 'schema/format', field: 'publish_at' });
    expect(finding!.message).toContain('缺少时区');
    expect(finding!.message).toContain('2026-12-03T20:00:00+08:00');
  });

  it('reports the wrong part of a reprint declaration, not every alternative', async () => {
    const findings = await validate(withFrontmatter('title: 茶\nstatus: draft\noriginal:\n  source: 茶人手记\n  authorized: false'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 6, column: 3, ruleId: 'schema/const', field: 'original.authorized' });
  });

  it('points into lists: a source with a bad URL', async () => {
    const [finding] = await validate(
      withFrontmatter('title: 茶\nstatus: draft\nsources:\n  - title: 茶叶年鉴\n    url: 茶叶年鉴官网'),
    );
    expect(finding).toMatchObject({ line: 6, column: 5, field: 'sources[0].url', ruleId: 'schema/format' });
  });

  it('gives the YAML error with its position instead of a stack trace', async () => {
    const findings = await validate(withFrontmatter('title: 茶\nstatus: draft\ntags: [冬季, 手冲'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: articlePath, ruleId: 'schema/yaml-syntax', severity: 'error' });
    expect(findings[0]!.line).toBeGreaterThanOrEqual(4);
    expect(findings[0]!.message).toMatch(/^YAML 语法错误/);
  });

  it('finds a missing cover and a missing body image at their lines', async () => {
    const findings = await validate(
      withFrontmatter('title: 茶\nstatus: draft\ncover: ./封面.jpg', '正文第一段。\n\n![冬日的窗](./window.jpg)\n'),
    );
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.field])).toEqual([
      ['image/missing', 4, 1, 'cover'],
      ['image/missing', 9, 1, undefined],
    ]);
    expect(findings[0]!.message).toContain('封面.jpg');
  });

  it('says so when an image has no address at all', async () => {
    const findings = await validate(withFrontmatter('title: 茶\nstatus: draft', '![空的图]()\n'));
    expect(findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([['image/missing', 6, '图片地址为空：写上图片文件的相对路径，如 ./cover.jpg。']]);
  });

  it('refuses image paths that leave the account folder', async () => {
    const [finding] = await validate(withFrontmatter('title: 茶\nstatus: draft', '![x](../../../../../secret.png)\n'));
    expect(finding).toMatchObject({ ruleId: 'image/outside-account' });
  });

  it('flags an article whose account has no account.yaml', async () => {
    const findings = await validate({ 'content/ghost/articles/2026/cha/index.md': article('title: 茶\nstatus: draft') });
    expect(findings).toEqual([expect.objectContaining({ file: 'content/ghost/articles/2026/cha/index.md', ruleId: 'schema/unknown-account' })]);
  });

  it('flags an unknown plan and an unknown plan entry', async () => {
    const findings = await validate({
      [articlePath]: article('title: 茶\nstatus: draft\nplan: 2026-12/09'),
      'content/shanye/articles/2026/other/index.md': article('title: 另一篇\nstatus: draft\nplan: 2027-01/01'),
    });
    expect(findings.map((f) => [f.file.split('/')[4], f.ruleId, f.line])).toEqual([
      ['dongtian-shouchong', 'schema/plan-entry', 4],
      ['other', 'schema/plan-entry', 4],
    ]);
    expect(findings[0]!.message).toContain('现有条目：01、02');
    expect(findings[1]!.message).toContain('plans/2027-01.md');
  });

  it('warns when two articles name the same plan entry, naming the other', async () => {
    const findings = await validate({ 'content/shanye/articles/2026/xu-pian/index.md': article('title: 续篇\nstatus: draft\nplan: 2026-12/01') });
    expect(findings.map((f) => [f.file.split('/')[4], f.ruleId, f.severity, f.line])).toEqual([
      ['dongtian-shouchong', 'schema/plan-entry-reused', 'warning', 5],
      ['xu-pian', 'schema/plan-entry-reused', 'warning', 4],
    ]);
    expect(findings[1]!.message).toContain('content/shanye/articles/2026/dongtian-shouchong/index.md');
  });

  it('flags duplicate slugs within an account, naming the other file', async () => {
    const findings = await validate({ 'content/shanye/articles/2025/dongtian-shouchong/index.md': article('title: 旧文\nstatus: archived') });
    expect(findings.map((f) => f.ruleId)).toEqual(['schema/duplicate-slug', 'schema/duplicate-slug']);
    expect(findings[0]!.message).toContain('content/shanye/articles/2026/dongtian-shouchong/index.md');
  });

  it('checks plans: month must match the file name, entry ids unique, times with a zone', async () => {
    const findings = await validate({
      'content/shanye/plans/2026-12.md':
        '---\nmonth: "2026-11"\nentries:\n  - id: "01"\n    topic: 甲\n    publish_at: 2026-12-03 20:00\n  - id: "01"\n    topic: 乙\n    publish_at: 2026-12-04T20:00:00+08:00\n---\n',
    });
    expect(findings.map((f) => [f.line, f.ruleId, f.field])).toEqual([
      [2, 'schema/plan-month', 'month'],
      [6, 'schema/format', 'entries[0].publish_at'],
      [7, 'schema/plan-entry', 'entries[1].id'],
    ]);
  });

  it('checks account.yaml against its schema', async () => {
    const findings = await validate({
      'content/shanye/account.yaml': 'name: 山野咖啡\nbrand:\n  primary: green\nreview:\n  levels: []\n',
    });
    expect(findings.map((f) => [f.line, f.field, f.ruleId])).toEqual([
      [3, 'brand.primary', 'schema/pattern'],
      [5, 'review.levels', 'schema/minItems'],
    ]);
  });

  it('checks wechat: in account.yaml: an AppID of wx and 16 hex digits, a variable name for the secret, and no secret', async () => {
    const account = (wechat: string) => ({ 'content/shanye/account.yaml': `${accountYaml}wechat:\n${wechat}` });
    expect(await validate(account('  appid: wx1234567890abcdef\n  secret_env: SHANYE_WECHAT_SECRET\n'))).toEqual([]);
    const findings = await validate(account('  appid: wx12345\n  secret_env: shanye-secret\n  secret: 0123456789abcdef0123456789abcdef\n'));
    expect(findings.map((f) => [f.line, f.field, f.ruleId])).toEqual([
      [16, 'wechat.appid', 'schema/pattern'],
      [17, 'wechat.secret_env', 'schema/pattern'],
      [18, 'wechat.secret', 'schema/additionalProperties'],
    ]);
    expect(findings[0]!.message).toContain('wx 加 16 位小写十六进制');
    expect(findings[1]!.message).toContain('不是 AppSecret 本身');
    expect(findings[1]!.message).not.toContain('shanye-secret');
    // The unknown field is named, its value (a secret) is not repeated.
    expect(findings[2]!.message).not.toContain('0123456789abcdef');
  });

  it('keeps going when one file is broken: non-UTF-8, empty, no frontmatter', async () => {
    const gbk = Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xb2, 0xe8]), Buffer.from('\nstatus: draft\n---\n')]);
    const findings = await validate({
      'content/shanye/articles/2026/gbk/index.md': gbk,
      'content/shanye/articles/2026/empty/index.md': '',
      'content/shanye/articles/2026/plain/index.md': '# 只有正文\n',
      'content/shanye/articles/2026/bad-title/index.md': article(`title: ${'茶'.repeat(40)}\nstatus: draft`),
    });
    expect(findings.map((f) => [f.file.split('/')[4], f.ruleId, f.line, f.column])).toEqual([
      ['bad-title', 'schema/maxLength', 2, 1],
      ['empty', 'schema/empty', 1, 1],
      ['gbk', 'schema/encoding', 2, 8],
      ['plain', 'schema/frontmatter', 1, 1],
    ]);
  });

  it('reads BOM and CRLF files with correct positions', async () => {
    const crlf = `\uFEFF${validArticle.replace('status: draft', 'status: drafted')}`.replace(/\n/g, '\r\n');
    const findings = await validate({ [articlePath]: crlf });
    expect(findings).toEqual([expect.objectContaining({ line: 4, column: 1, field: 'status', ruleId: 'schema/enum' })]);
  });

  it('fails Markdown outside the layout, naming where it belongs', async () => {
    const findings = await validate({
      'content/shanye/articles/draft.md': article('title: 茶\nstatus: draft'),
      'content/shanye/articles/2025/Winter Tea.md': article('title: 冬茶\nstatus: draft'),
      'content/shanye/2026-12.md': article('title: 计划\nstatus: draft'),
    });
    expect(findings.map((f) => [f.file, f.severity, f.suggestions])).toEqual([
      ['content/shanye/2026-12.md', 'error', ['content/shanye/plans/2026-12.md']],
      ['content/shanye/articles/2025/Winter Tea.md', 'error', ['content/shanye/articles/2025/winter-tea/index.md']],
      ['content/shanye/articles/draft.md', 'error', [expect.stringMatching(/^content\/shanye\/articles\/\d{4}\/draft\/index\.md$/)]],
    ]);
    expect(findings[0]!.message).toContain('请移到 content/shanye/plans/2026-12.md');
  });

  it('sends a misplaced plan to plans/<month>.md, from its month field when it has one', async () => {
    const plan = (month: string) => planMarkdown.replace('month: "2026-12"', `month: "${month}"`);
    const findings = await validate({
      'content/shanye/plans/october.md': plan('2026-10'),
      'content/shanye/november-plan.md': plan('2026-11'),
      'content/shanye/articles/yiyue-jihua.md': plan('2027-01'),
      'content/shanye/plans/notes.md': '十月的想法，还没有 frontmatter。\n',
      'content/shanye/plans/draft.md': article('title: 草稿\nstatus: draft'),
      // A plan where an article belongs: one layout error, not a page of article-schema errors.
      'content/shanye/articles/2026/shiyue-jihua/index.md': plan('2026-10'),
    });
    expect(findings.map((f) => [f.file, f.suggestions])).toEqual([
      ['content/shanye/articles/2026/shiyue-jihua/index.md', ['content/shanye/plans/2026-10.md']],
      ['content/shanye/articles/yiyue-jihua.md', ['content/shanye/plans/2027-01.md']],
      ['content/shanye/november-plan.md', ['content/shanye/plans/2026-11.md']],
      ['content/shanye/plans/draft.md', [expect.stringMatching(/^content\/shanye\/articles\/\d{4}\/draft\/index\.md$/)]],
      ['content/shanye/plans/notes.md', ['content/shanye/plans/<YYYY-MM>.md']],
      ['content/shanye/plans/october.md', ['content/shanye/plans/2026-10.md']],
    ]);
    expect(findings[5]!.message).toContain('请移到 content/shanye/plans/2026-10.md');
  });

  it('fails an account folder whose name is not an id, instead of skipping it', async () => {
    const findings = await validate({ 'content/Shan Ye/account.yaml': 'name: 山野\n' });
    expect(findings).toEqual([expect.objectContaining({ file: 'content/Shan Ye/account.yaml', ruleId: 'schema/layout', severity: 'error', suggestions: ['content/shan-ye/account.yaml'] })]);
    expect(findings[0]!.message).toContain('请把目录改名为 shan-ye');
  });

  it('reports only on the files asked for, still resolving references across the repository', async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/shanye/articles/2026/other/index.md': article('title: 茶\nstatus: nope') });
    const findings = await validateContent(await loadContent(root), { only: (file) => file === articlePath });
    expect(findings).toEqual([]);
  });

  it('reports a body at or near WeChat’s 20,000 visible characters at the article, with the count and the limit', async () => {
    // 23 visible characters a paragraph; the footer and each external link's note (text：URL) count too.
    const paragraph = '冬天水温掉得快，手冲时可以先温杯，再注水闷蒸。\n\n';
    const files = baseFiles();
    files['content/shanye/account.yaml'] = `${String(files['content/shanye/account.yaml'])}footer: 谢谢阅读，欢迎来店里坐坐。\n`;
    const counted = async (paragraphs: number, extra = '') => {
      const body = paragraph.repeat(paragraphs) + extra;
      const findings = await validate({ ...files, [articlePath]: article('title: 茶\nstatus: draft', body) });
      return findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.message.replace(/。.*$/, '')]);
    };
    const footer = 13;
    expect(await counted(870)).toEqual([['platform/body-length', 'error', 1, 1, `正文 ${870 * 23 + footer} 字（不计空白，含参考资料网址和账号的文末），微信要求少于 20000 字，构建会失败：请删减，或分成两篇`]]);
    expect(await counted(790, '见[指南](https://example.com/brew)。\n')).toEqual([['platform/body-length', 'warning', 1, 1, `正文 ${790 * 23 + footer + 4 + 3 + 24} 字（不计空白，含参考资料网址和账号的文末），接近微信上限 20000 字：排版时还会加上列表符号、注释编号和提示框标题，构建可能超限`]]);
    expect(await counted(700)).toEqual([]);
  });
});

describe('references to labels nothing defines', () => {
  it('are errors at the reference: a footnote, an image, a link; citation marks and escaped brackets are left alone', async () => {
    const body = [
      '茶有很多种[^nope]，见[^1]。',
      '',
      '![一杯红茶][hongcha] 和 ![绿茶][]。',
      '',
      '见[旧文][jiu-wen]和[新文][xin]。研究表明[1][2]，写成 \\[^x] 和 \\[a]\\[b] 的是字面。`[^code]` 也不算。',
      '',
      '[^1]: 有定义的脚注。',
      '',
      '[xin]: https://mp.weixin.qq.com/s/abc',
    ].join('\n');
    const findings = (await validate(withFrontmatter('title: 未定义的引用\nstatus: draft', body))).filter((f) => f.ruleId === 'schema/undefined-reference');
    expect(findings.map((f) => [f.line, f.column, f.endColumn])).toEqual([
      [6, 6, 13],
      [8, 1, 17],
      [8, 20, 27],
      [10, 2, 15],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      '脚注 [^nope] 没有定义，会原样显示为“[^nope]”：在文末加一行 [^nope]: 脚注内容，或删掉这个标记。',
      '图片引用 ![一杯红茶][hongcha] 的 [hongcha] 没有定义，会原样显示为“![一杯红茶][hongcha]”：加一行 [hongcha]: ./图片.jpg，或改写成 ![说明](./图片.jpg)。',
      '图片引用 ![绿茶][] 的 [绿茶] 没有定义，会原样显示为“![绿茶][]”：加一行 [绿茶]: ./图片.jpg，或改写成 ![说明](./图片.jpg)。',
      '链接引用 [旧文][jiu-wen] 的 [jiu-wen] 没有定义，会原样显示为“[旧文][jiu-wen]”：加一行 [jiu-wen]: 网址，或改写成 [文字](网址)。',
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });
});
