import { execFileSync } from 'node:child_process';
import { cp, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { articleVisibleChars, loadContent, resolveArticle } from '../content/index.ts';
import { article, baseFiles, declaredPng, makeRepo, type FixtureFiles } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { validateContent } from '../validate/index.ts';
import { renderArticle } from './index.ts';

const styles = fileURLToPath(new URL('../../styles', import.meta.url));
const dir = 'content/shanye/articles/2026/dongtian-shouchong';

async function repoWith(frontmatter: string, body: string, extra: FixtureFiles = {}) {
  const jpeg = await sharp({ create: { width: 1800, height: 900, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const root = await makeRepo({ ...baseFiles(), [`${dir}/cover.jpg`]: jpeg, [`${dir}/cup.png`]: jpeg, [`${dir}/index.md`]: article(frontmatter, body), ...extra });
  await cp(styles, join(root, 'styles'), { recursive: true });
  return root;
}

async function render(root: string) {
  const set = await loadContent(root);
  const file = set.articles.find((a) => a.source.file === `${dir}/index.md`)!;
  const rendered = await renderArticle({ root, article: file, account: set.accounts[0], cacheDir: join(root, '.cache/images') });
  return { set, file, rendered };
}

const basic = 'title: 冬天的手冲\nstatus: draft\ncover: ./cover.jpg';

describe('rendering follows the article model', () => {
  it('turns a link inside a footnote into a note like any other external link', async () => {
    const root = await repoWith(basic, '手冲的水温有讲究[^1]。\n\n[^1]: 参见[咖啡冲煮指南](https://example.com/brew)，第 3 章。\n');
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).not.toMatch(/<a\b/);
    expect(rendered.html).toMatch(/\[1\].*参见咖啡冲煮指南.*\[2\]/s);
    expect(rendered.html).toContain('咖啡冲煮指南：https://example.com/brew');
  });

  it('handles a footnote that refers to itself without leaving an anchor', async () => {
    const root = await repoWith(basic, '正文[^a]。\n\n[^a]: 注释里又提到本注释[^a]。\n');
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).not.toContain('user-content-fn');
  });

  it('processes reference-style and raw HTML images like inline ones', async () => {
    const root = await repoWith(basic, '![温杯][cup]\n\n<img src="./cup.png" alt="杯子">\n\n[cup]: ./cup.png\n');
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).not.toContain('./cup.png');
    expect(rendered.html.match(/src="images\/cup\.jpg"/g)).toHaveLength(2);
    expect(rendered.assets.map((a) => a.name)).toContain('images/cup.jpg');
  });

  it('puts an image the media ledger has on its WeChat URL, even one with & in it, and does not call it dropped', async () => {
    const root = await repoWith(basic, '![温杯](./cup.png)\n\n冬天先温杯。\n');
    const first = (await render(root)).rendered;
    const [image] = first.media.body;
    const url = 'https://mmbiz.qpic.cn/mmbiz_jpg/Qh7rT2xWm9KpL4vN/0?wx_fmt=jpeg&from=appmsg';
    const set = await loadContent(root);
    const file = set.articles.find((a) => a.source.file === `${dir}/index.md`)!;
    const rendered = await renderArticle({ root, article: file, account: set.accounts[0], cacheDir: join(root, '.cache/images'), uploadedImages: new Map([[image!.sha256, url]]) });
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).toContain('src="https://mmbiz.qpic.cn/mmbiz_jpg/Qh7rT2xWm9KpL4vN/0?wx_fmt=jpeg&#x26;from=appmsg"');
    expect(rendered.media.body).toEqual([expect.objectContaining({ url: './cup.png', uploaded: url })]);
    expect(rendered.preview).not.toContain('class="pending"');
    expect(first.preview).toContain('本文有 1 张图片还没有上传到微信');
  });

  it('gives images whose names differ only in case names of their own, since macOS and Windows see one file', async () => {
    const other = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#a97' } }).jpeg().toBuffer();
    const root = await repoWith(basic, '![温杯](./cup.png)\n\n![茶杯](./tu/Cup.png)\n', { [`${dir}/tu/Cup.png`]: other });
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    expect(rendered.assets.map((a) => a.name).filter((name) => /cup/i.test(name))).toEqual(['images/cup.jpg', 'images/Cup-2.jpg']);
  });

  it('processes images with Chinese file names, in tables too', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#a97' } }).jpeg().toBuffer();
    const root = await repoWith(basic, '![茶汤](./茶汤.jpg)\n\n| 图 | 说明 |\n|--|--|\n| ![杯](./cup.png) | 温杯 |\n', { [`${dir}/茶汤.jpg`]: jpeg });
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).toContain('src="images/茶汤.jpg"');
    expect(rendered.html).toContain('src="images/cup.jpg"');
  });

  it('renders a blockquote holding an unknown tag and an empty paragraph instead of crashing', async () => {
    const root = await repoWith(basic, '> <x><p>\n\n正文照常。\n');
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).toContain('正文照常');
  });

  it('reports an image that never reaches the output, such as one in an unreferenced footnote', async () => {
    const root = await repoWith(basic, '正文。\n\n[^unused]: 见图 ![杯](./cup.png)\n');
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([expect.objectContaining({ ruleId: 'render/image-dropped', line: 9 })]);
  });

  it('reports a raw <img> that points nowhere, at its line, in validation', async () => {
    const root = await repoWith(basic, '第一段。\n\n<img src=x>\n');
    const set = await loadContent(root);
    const findings = await validateContent(set);
    expect(findings).toEqual([expect.objectContaining({ file: `${dir}/index.md`, line: 9, ruleId: 'image/missing' })]);
  });

  it('never begins a sponsored article’s derived digest with the ad label', async () => {
    const root = await repoWith('title: 冬日联名挂耳\nstatus: draft\ncover: ./cover.jpg\nsponsored:\n  advertiser: 山野咖啡', '这款挂耳用的是保山小粒咖啡。\n');
    const { rendered } = await render(root);
    expect(rendered.meta.digest.startsWith('这款挂耳')).toBe(true);
  });

  it('starts a sponsored article’s derived digest with its first prose, not the alert title or the label, as lint quotes it', async () => {
    const root = await repoWith('title: 冬日联名挂耳\nstatus: draft\ncover: ./cover.jpg\nsponsored:\n  advertiser: 山野咖啡', '> [!NOTE]\n> 本文由山野咖啡与保山咖啡园共同推出。\n\n这款挂耳用的是保山小粒咖啡。\n');
    const { rendered } = await render(root);
    expect(rendered.meta.digest).toBe('本文由山野咖啡与保山咖啡园共同推出。这款挂耳用的是保山小粒咖啡。');
    expect(rendered.html).toContain('说明');
    const result = await runCli(['lint', dir], root);
    expect(result.stdout).toContain(`作摘要：“${rendered.meta.digest}”`);
  });

  it('leaves no script link, task-list input or mail link for the output check to find', async () => {
    const root = await repoWith(basic, '第一段有<a href="javascript:alert(1)">链接</a>。\n\n- [ ] 待办\n\n写信到 <mailto:hi@example.com>，或[来信](mailto:hi@example.com)。\n\n[空链接]() 与 <a href="">空</a>、<a href="#top">锚点</a>。\n');
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).not.toMatch(/<(a|input)\b/);
  });

  it('drops unsafe and other-scheme links keeping their text, as lint says, and never lists them as notes', async () => {
    const body = '点[这里](javascript:alert(1))、[茶单](data:text/html,hi)、<a href="vbscript:x">脚本</a>、[文件](file:///etc/passwd)、[聊天](xmpp:tea@example.com)和[电话](tel:0571)。\n\n正常的[链接](https://example.com/a)。\n';
    const root = await repoWith(basic, body);
    const { file, rendered } = await render(root);
    expect(resolveArticle(file)!.links.map((l) => l.target)).toEqual([
      { kind: 'unsafe', scheme: 'javascript' },
      { kind: 'unsafe', scheme: 'data' },
      { kind: 'unsafe', scheme: 'vbscript' },
      { kind: 'unsafe', scheme: 'file' },
      { kind: 'unsupported', scheme: 'xmpp' },
      { kind: 'unsupported', scheme: 'tel' },
      { kind: 'external' },
    ]);
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).not.toMatch(/<a\b/);
    expect(rendered.html).toContain('点这里、茶单、脚本、文件、聊天和电话。');
    expect(rendered.html).toContain('[1] 链接：https://example.com/a');
    expect(rendered.html).not.toContain('[2]');
  });

  it('validation names an unknown theme at its line, so lint and the pre-commit hook catch it before the build', async () => {
    const root = await repoWith('title: 冬天的手冲\nstatus: draft\ncover: ./cover.jpg\ntheme: nope', '正文。\n');
    const findings = await validateContent(await loadContent(root));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'schema/theme', line: 5, field: 'theme', suggestions: ['default', 'ink'] })]);
  });

  it('does not show the text of a raw <style> as prose', async () => {
    const root = await repoWith(basic, '<style>body{display:none}</style>\n\n正文。\n');
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).not.toContain('display:none');
  });

  it('render of an article that cannot be read (UTF-16) exits 1 with the reason', async () => {
    const root = await repoWith(basic, '正文。\n');
    await writeFile(join(root, dir, 'index.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article(basic, '正文。\n'), 'utf16le')]));
    const result = await runCli(['render', dir], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('schema/encoding');
  });

  it('names the source line of an output problem instead of 1:1', async () => {
    const root = await repoWith(basic, '第一段。\n\n## 水温\n\n第二段。\n', { 'styles/accounts/shanye.css': '.mp-article h2 { position: relative; }\n' });
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([expect.objectContaining({ ruleId: 'platform/output-css', line: 9, column: 1 })]);
    expect(rendered.html).not.toContain('data-mp-at');
  });

  it('reads no image from outside the account through a symlink, and does not hang on a FIFO', async () => {
    const root = await repoWith(basic, '![外面](./outside.jpg)\n\n![管道](./pipe.jpg)\n');
    await writeFile(join(root, 'secret.jpg'), 'secret');
    await symlink(join(root, 'secret.jpg'), join(root, dir, 'outside.jpg'));
    execFileSync('mkfifo', [join(root, dir, 'pipe.jpg')]);
    const set = await loadContent(root);
    const resolved = resolveArticle(set.articles[0]!)!;
    expect(resolved.images.map((i) => i.target.kind)).toEqual(['local', 'outside', 'not-a-file']);
    const findings = await validateContent(set);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['image/outside-account', 7],
      ['image/missing', 9],
    ]);
    const { rendered } = await render(root);
    expect(rendered.findings.map((f) => f.ruleId)).toEqual(['image/outside-account', 'image/missing']);
    expect(rendered.assets.every((a) => !a.name.includes('outside'))).toBe(true);
  });

  it('agrees with lint on formats: SVG is converted, HEIC refused with the same reason everywhere', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#3a6b4c"/></svg>';
    const root = await repoWith(basic, '![图示](./chart.svg)\n\n![照片](./photo.heic)\n', { [`${dir}/chart.svg`]: svg, [`${dir}/photo.heic`]: 'heic' });
    const set = await loadContent(root);
    const findings = await validateContent(set);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'image/format', line: 9, message: expect.stringContaining('HEIC') })]);
    await writeFile(join(root, dir, 'index.md'), article(basic, '![图示](./chart.svg)\n'));
    const { rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    expect(rendered.html).toContain('src="images/chart.png"');
  });

  it('lint and build refuse the same unreadable images, cover included, at the same line and in the same words', async () => {
    const body = '第一段。\n\n![坏图](./broken.jpg)\n\n![巨图](./huge.png)\n';
    const root = await repoWith('title: 冬天的手冲\nstatus: draft\ncover: ./bomb-cover.png', body, {
      [`${dir}/broken.jpg`]: Buffer.from('不是图片，只是名字叫 .jpg 的随机字节'),
      [`${dir}/huge.png`]: declaredPng(30_000, 30_000),
      [`${dir}/bomb-cover.png`]: declaredPng(20_000, 8_000),
    });
    const lint = await runCli(['lint', dir, '--format', 'json'], root);
    const build = await runCli(['build', '--format', 'json'], root);
    expect([lint.code, build.code]).toEqual([1, 1]);
    type Found = Array<{ line: number; severity: string; ruleId: string; message: string }>;
    const errors = (findings: Found) =>
      findings
        .filter((f) => f.severity === 'error')
        .map((f) => [f.line, f.ruleId, f.message]);
    // One fact, one rule id, in every stage.
    const expected = [
      [4, 'image/unreadable', expect.stringMatching(/^封面“\.\/bomb-cover\.png”：图片声明的尺寸 20000×8000 超过 60 百万像素，可能是解压炸弹/)],
      [9, 'image/unreadable', expect.stringMatching(/^图片“\.\/broken\.jpg”：无法读取图片：文件已损坏或不是图片/)],
      [11, 'image/unreadable', expect.stringMatching(/^图片“\.\/huge\.png”：图片声明的尺寸 30000×30000 超过 60 百万像素/)],
    ];
    const linted = errors(JSON.parse(lint.stdout) as Found);
    expect(linted).toEqual(expected);
    expect(errors((JSON.parse(build.stdout) as { findings: Found }).findings)).toEqual(linted);
  });

  it('quotes, when the rendered body is too long, the same count validation reported for the article', async () => {
    const body = `${'冬天水温掉得快，手冲时可以先温杯，再注水闷蒸。\n\n'.repeat(870)}- 温杯\n- 闷蒸\n`;
    const root = await repoWith(basic, body);
    const validation = (await validateContent(await loadContent(root))).filter((f) => f.ruleId === 'platform/body-length');
    const own = Number(/正文 (\d+) 字/.exec(validation[0]?.message ?? '')?.[1]);
    expect(validation).toEqual([expect.objectContaining({ severity: 'error', line: 1, column: 1 })]);
    expect(own).toBe(870 * 23 + 4);
    const { rendered } = await render(root);
    const length = rendered.findings.filter((f) => f.ruleId === 'platform/output-length');
    expect(length).toEqual([expect.objectContaining({ line: 1, column: 1, message: expect.stringContaining(`其中文章、参考资料网址和文末 ${own} 字（validate 报告的字数），其余 2 字是排版加上的列表符号`) })]);
    expect(length[0]!.message).toContain(`排版后正文 ${own + 2} 字（不计空白），微信要求少于 20000 字`);
  });

  it('counts the same characters as the model when the renderer adds nothing (prose, code, tables, raw HTML, notes’ URLs)', async () => {
    const body = '### 温杯\n\n冬天 水温掉得快，见[指南](https://example.com/brew)。\n\n```js\nconst t = 92;\n```\n\n| 茶 | 水温 |\n|--|--|\n| 绿茶 | 80 |\n\n<div>店里<script>x</script></div>\n';
    const root = await repoWith(basic, body);
    const { file, rendered } = await render(root);
    expect(rendered.findings).toEqual([]);
    // The one note adds its number twice ([1] in the text and in the list) and the 参考资料 title.
    expect(rendered.meta.visible_chars).toBe(articleVisibleChars(resolveArticle(file)!.tree) + 3 + 3 + 4);
  });

  it('render of an invalid article exits 1 with the findings and prints no fragment', async () => {
    const root = await repoWith('title: 冬天的手冲\nstatus: unknown', '正文。\n');
    const result = await runCli(['render', `${dir}/index.md`], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('schema/enum');
  });
});
