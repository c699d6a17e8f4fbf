import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../content/index.ts';
import { accountYaml, article, makeRepo } from '../../../testing/fixture-repo.ts';
import { defineRule } from '../../define-rule.ts';
import { lintContent } from '../../index.ts';
import { allRules } from '../index.ts';

const path = 'content/shanye/articles/2026/shouchong/index.md';

/** Runs `lint --fix` on one body, then lints again and fixes again, as a writer would. */
async function fixTwice(body: string) {
  const cover = await sharp({ create: { width: 1800, height: 766, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const root = await makeRepo({
    'content/shanye/account.yaml': accountYaml,
    [path]: article('title: 手冲\nstatus: draft\ndigest: 冬天的手冲。\ncover: ./cover.jpg', `${body}\n`),
    'content/shanye/articles/2026/shouchong/cover.jpg': cover,
  });
  const text = () => readFile(join(root, path), 'utf8');
  const before = await lintContent(await loadContent(root), { cache: false });
  const first = await lintContent(await loadContent(root), { fix: true });
  const fixedText = await text();
  const after = await lintContent(await loadContent(root), { cache: false });
  const second = await lintContent(await loadContent(root), { fix: true });
  const style = (findings: typeof before.findings) => findings.filter((f) => f.ruleId.startsWith('style/'));
  return { before: style(before.findings), fixed: first.fixed, body: fixedText.slice(fixedText.indexOf('\n---\n') + 6, -1), after: style(after.findings), again: second.fixed, unchanged: (await text()) === fixedText };
}

describe('style fixes', () => {
  it('turns 太好喝了!!! into one full-width mark, in one finding, and the fixed file lints clean', async () => {
    const result = await fixTwice('太好喝了!!!');
    expect(result.before.map((f) => [f.ruleId, f.column, f.suggestions])).toEqual([['style/repeated-punctuation', 5, ['！']]]);
    expect(result.body).toBe('太好喝了！');
    expect(result.after).toEqual([]);
    expect(result.again).toEqual([]);
    expect(result.unchanged).toBe(true);
  });

  it.each([
    ['好！!', '好！'],
    ['为什么？？还有!!', '为什么？还有！'],
    ['真的吗?!', '真的吗？！'],
    ['等一下...', '等一下……'],
    ['这批茶一共有3,然后是红茶.', '这批茶一共有 3，然后是红茶。'],
    ['价格是25.', '价格是 25。'],
    ['一共3个,然后再说', '一共 3 个，然后再说'],
    ['我用的是iPhone,然后换了', '我用的是 iPhone，然后换了'],
    ['我买了10张', '我买了 10 张'],
    ['新款iPhone15发布，保留了3.5mm耳机孔，支持5G网络和Wi-Fi。', '新款 iPhone15 发布，保留了 3.5mm 耳机孔，支持 5G 网络和 Wi-Fi。'],
    ['100%的人都满意，售价¥99元，共1,000份。', '100% 的人都满意，售价 ¥99 元，共 1,000 份。'],
    ['投稿请发tea@example.com或访问<https://example.com/join>了解。', '投稿请发 tea@example.com 或访问 <https://example.com/join> 了解。'],
    ['网址是https://example.com/join ，中文abc', '网址是 https://example.com/join，中文 abc'],
    ['先温杯 ，再投茶 。「 好茶 」', '先温杯，再投茶。「好茶」'],
    ['用Python统计3款茶 ，真好喝！！！', '用 Python 统计 3 款茶，真好喝！'],
    ['He said wow!! and left.', 'He said wow! and left.'],
  ])('fixes %s to %s, then finds nothing and changes nothing', async (body, expected) => {
    const result = await fixTwice(body);
    expect(result.body).toBe(expected);
    expect(result.after.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
    expect(result.again).toEqual([]);
    expect(result.unchanged).toBe(true);
  });

  it('gives every style finding a suggestion that is not empty', async () => {
    const result = await fixTwice('用Python统计3款茶 ，真好喝！！！买了10张,价格是25.「 好茶 」');
    expect(result.before.length).toBeGreaterThan(5);
    for (const finding of result.before) {
      expect(finding.suggestions?.length).toBeGreaterThan(0);
      for (const suggestion of finding.suggestions ?? []) expect(suggestion.trim()).not.toBe('');
    }
  });

  it('never splits a token: no suggestion holds half of one', async () => {
    const result = await fixTwice('我买了10张，用了iPhone15和3.5mm的线，5G网络、Wi-Fi、100%、¥99元都在。');
    const suggestions = result.before.filter((f) => f.ruleId === 'style/cjk-latin-spacing').flatMap((f) => f.suggestions ?? []);
    expect(suggestions).toEqual(['买了 10 张', '用了 iPhone15 和', '和 3.5mm 的线', '5G 网络', '¥99 元都']);
    for (const bad of ['了1', '0张', 'iPhone 15', '3 .5', '5 G', 'Wi -Fi', '100 %']) expect(suggestions.join('|')).not.toContain(bad);
  });
});

describe('style rules and what is not prose', () => {
  // Each line breaks every style rule, but only inside an address, code or HTML, which the writer did not write as prose.
  const notProse = [
    '参考资料见 <https://example.com/中文abc> 这里。',
    '再看 <https://example.com/路径,中文。abc!!!...> 和 <https://example.com/山野咖啡馆>。',
    '网址 https://example.com/中文abc,再来 和 www.example.com/中文abc。',
    '[https://example.com/中文abc](https://example.com/中文abc) 也是网址。',
    '链接 [文字](https://example.com/中文abc,中文!!! "标题abc中文 ，") 只看文字。',
    '代码 `中文abc,中文!!! 山野咖啡馆 ，中文...` 不动。',
    '标注 <span title="中文abc,中文!!! ，山野咖啡馆">标注</span> 不动。',
    '[参考][ref] 的地址不动。\n\n[ref]: https://example.com/中文abc,中文!!!',
    '```\n中文abc,中文!!! 山野咖啡馆 ，中文...\n```',
    '<div title="中文abc">\n中文abc,中文!!! 山野咖啡馆\n</div>',
  ].join('\n\n');

  it('finds nothing and fixes nothing inside autolinks, link addresses, code or HTML', async () => {
    const cover = await sharp({ create: { width: 1800, height: 766, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
    const glossary = `${accountYaml}glossary:\n  - preferred: 山野咖啡\n    avoid: [山野咖啡馆]\n`;
    const root = await makeRepo({
      'content/shanye/account.yaml': glossary,
      [path]: article('title: 手冲\nstatus: draft\ndigest: 冬天的手冲。\ncover: ./cover.jpg', `${notProse}\n`),
      'content/shanye/articles/2026/shouchong/cover.jpg': cover,
    });
    const before = await readFile(join(root, path), 'utf8');
    const styleRules = allRules.filter((rule) => rule.id.startsWith('style/'));
    expect(styleRules.map((r) => r.id)).toEqual(expect.arrayContaining(['style/cjk-latin-spacing', 'style/fullwidth-punctuation', 'style/repeated-punctuation', 'style/space-around-fullwidth', 'style/glossary']));
    const { findings } = await lintContent(await loadContent(root), { cache: false });
    expect(findings.filter((f) => f.ruleId.startsWith('style/')).map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([]);
    const { fixed } = await lintContent(await loadContent(root), { fix: true });
    expect(fixed).toEqual([]);
    expect(await readFile(join(root, path), 'utf8')).toBe(before);
  });

  it('still spaces Chinese from an autolink, outside its brackets', async () => {
    const result = await fixTwice('参考资料见<https://example.com/中文abc>这里。');
    expect(result.before.map((f) => [f.ruleId, f.column, f.suggestions])).toEqual([['style/cjk-latin-spacing', 4, ['料见 <https://example.com/中文abc> 这里']]]);
    expect(result.body).toBe('参考资料见 <https://example.com/中文abc> 这里。');
    expect(result.after).toEqual([]);
  });
});

describe('the fix engine', () => {
  it('drops a fix that would change code or an address, whatever the rule asks for, and keeps the finding', async () => {
    const body = '代码 `abc` 和 <https://example.com/abc> 旁边。';
    const careless = defineRule({
      id: 'style/careless',
      severity: 'warning',
      description: '测试用：把 abc 改成 ABC。Test rule.',
      examples: { valid: [], invalid: [] },
      check(context) {
        for (let at = context.source.text.indexOf('abc'); at >= 0; at = context.source.text.indexOf('abc', at + 1)) {
          context.report({ span: [at, at + 3], message: '写作 ABC。', fix: { span: [at, at + 3], text: 'ABC' } });
        }
      },
    });
    const root = await makeRepo({ 'content/shanye/account.yaml': accountYaml, [path]: article('title: 手冲\nstatus: draft', `${body}\n`) });
    const before = await readFile(join(root, path), 'utf8');
    const { findings, fixed } = await lintContent(await loadContent(root), { fix: true, rules: [careless] });
    expect(findings.filter((f) => f.ruleId === 'style/careless')).toHaveLength(2);
    expect(fixed).toEqual([]);
    expect(await readFile(join(root, path), 'utf8')).toBe(before);
  });
});
