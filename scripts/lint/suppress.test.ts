import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';
import { accountYaml, article, makeRepo } from '../testing/fixture-repo.ts';
import { lintContent } from './index.ts';

const path = 'content/shanye/articles/2026/shouchong/index.md';

/** Lints one article body (line 1 of the body is line 8 of the file) and gives its findings, lines as in the body. */
async function lintBody(lines: string[], workers = 1) {
  const cover = await sharp({ create: { width: 1800, height: 766, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const root = await makeRepo({
    'content/shanye/account.yaml': accountYaml,
    [path]: article('title: 手冲\nstatus: draft\ndigest: 冬天的手冲。\ncover: ./cover.jpg', `${lines.join('\n')}\n`),
    'content/shanye/articles/2026/shouchong/cover.jpg': cover,
  });
  const result = await lintContent(await loadContent(root), { cache: false, workers });
  const brief = (f: Finding) => [f.line - 7, f.column, f.ruleId, f.severity] as const;
  return { ...result, brief: result.findings.map(brief), byRule: (id: string) => result.findings.filter((f) => f.ruleId === id) };
}

describe('suppression comments', () => {
  it('report an unknown rule id as an error, with the closest id, and silence nothing', async () => {
    const { brief, byRule } = await lintBody(['<!-- mpdesk-disable-next-line ad-law/absolute-term -- 品牌名 -->', '这是最佳的茶。']);
    expect(brief).toEqual([
      [1, 1, 'lint/unknown-rule', 'error'],
      [2, 3, 'ad-law/absolute-terms', 'error'],
    ]);
    expect(byRule('lint/unknown-rule')[0]).toMatchObject({
      message: expect.stringContaining('规则“ad-law/absolute-term”不存在，是不是想写 ad-law/absolute-terms？'),
      suggestions: ['ad-law/absolute-terms'],
    });
  });

  it('report an mpdesk- comment that is not a directive', async () => {
    const { byRule } = await lintBody(['<!-- mpdesk-disable-nextline style -->', '用Python统计。']);
    expect(byRule('lint/unknown-directive')).toMatchObject([{ line: 8, message: expect.stringContaining('是不是想写 mpdesk-disable-next-line？'), suggestions: ['mpdesk-disable-next-line'] }]);
    expect(byRule('style/cjk-latin-spacing')).toHaveLength(1);
  });

  it('without rule ids do not silence compliance errors, but do silence style warnings', async () => {
    const { brief, byRule } = await lintBody(['<!-- mpdesk-disable-next-line -- 引用原话 -->', '用Python说这是最佳的茶。']);
    expect(brief).toEqual([
      [1, 1, 'lint/bare-suppression', 'error'],
      [2, 11, 'ad-law/absolute-terms', 'error'],
    ]);
    expect(byRule('lint/bare-suppression')[0]!.message).toContain('不带规则 id 的 mpdesk-disable-next-line 不能跳过合规类错误（第 9 行的 ad-law/absolute-terms）');
    expect(byRule('lint/bare-suppression')[0]!.suggestions).toEqual(['<!-- mpdesk-disable-next-line ad-law/absolute-terms -- 理由 -->']);
  });

  it('a bare mpdesk-disable runs to the end of the file and still cannot silence a compliance error', async () => {
    const { brief } = await lintBody(['<!-- mpdesk-disable -->', '', '用Python统计。', '', '请打 138 0013 8000 报名。']);
    expect(brief).toEqual([
      [1, 1, 'lint/bare-suppression', 'error'],
      [5, 4, 'privacy/personal-data', 'error'],
    ]);
  });

  it('need a reason after -- to silence an error; a warning needs none', async () => {
    const without = await lintBody(['<!-- mpdesk-disable-next-line ad-law/absolute-terms -->', '这是最佳的茶。', '', '<!-- mpdesk-disable-next-line style -->', '用Python统计。']);
    expect(without.brief).toEqual([
      [1, 1, 'lint/suppression-without-reason', 'error'],
      [2, 3, 'ad-law/absolute-terms', 'error'],
    ]);
    expect(without.byRule('lint/suppression-without-reason')[0]!.message).toContain('跳过错误级别的发现要在 -- 后写明理由（未跳过：第 9 行的 ad-law/absolute-terms）');
    const withReason = await lintBody(['<!-- mpdesk-disable-next-line ad-law/absolute-terms -- 引用比赛官方名称“最佳茶品奖” -->', '这是最佳的茶。']);
    expect(withReason.brief).toEqual([]);
  });

  it('warn when they suppress nothing, naming the ids that did not apply', async () => {
    const { brief, byRule } = await lintBody([
      '<!-- mpdesk-disable-next-line style/cjk-latin-spacing ad-law -- 产品名 -->',
      '用Python统计。',
      '',
      '<!-- mpdesk-disable style/glossary -->',
      '',
      '一段干净的话。',
      '',
      '<!-- mpdesk-enable style/glossary -->',
    ]);
    expect(brief).toEqual([
      [1, 1, 'lint/unused-suppression', 'warning'],
      [4, 1, 'lint/unused-suppression', 'warning'],
    ]);
    expect(byRule('lint/unused-suppression').map((f) => f.message.split('，')[0])).toEqual([
      '这条 mpdesk-disable-next-line（ad-law）在下一行没有跳过任何发现',
      '这条 mpdesk-disable（style/glossary）在这段没有跳过任何发现',
    ]);
  });

  it('warn about an enable without a disable', async () => {
    const { brief, byRule } = await lintBody(['<!-- mpdesk-disable style -->', '用Python统计。', '<!-- mpdesk-enable style -->', '', '<!-- mpdesk-enable style/glossary -->', '', '<!-- mpdesk-enable -->']);
    expect(brief).toEqual([
      [5, 1, 'lint/unmatched-enable', 'warning'],
      [7, 1, 'lint/unmatched-enable', 'warning'],
    ]);
    expect(byRule('lint/unmatched-enable')[0]!.message).toContain('mpdesk-enable style/glossary 前面没有对应的 mpdesk-disable style/glossary');
  });

  it('give the same findings in worker threads, originality included', async () => {
    const lines = [
      '<!-- mpdesk-disable-next-line ad-law/absolute-term -->',
      '这是最佳的茶。',
      '',
      '<!-- mpdesk-disable-next-line originality -->',
      '一段干净的话。',
      '',
      '<!-- mpdesk-disable -- 引用 -->',
      '用Python统计，请打 138 0013 8000。',
    ];
    const here = await lintBody(lines, 1);
    const parallel = await lintBody(lines, 2);
    expect(parallel.findings).toEqual(here.findings);
    expect(here.brief.map(([line, , id]) => `${line} ${id}`)).toEqual(['1 lint/unknown-rule', '2 ad-law/absolute-terms', '4 lint/unused-suppression', '7 lint/bare-suppression', '8 privacy/personal-data']);
  });
});
