import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/index.ts';
import { accountYaml, article, makeRepo } from '../../testing/fixture-repo.ts';
import { lintContent } from '../index.ts';

const path = 'content/shanye/articles/2026/chunchao/index.md';

/** Lints one article and gives its compliance findings. */
async function lintArticle(body: string, frontmatter = 'title: 春茶\nstatus: draft\ndigest: 春茶上新。\ncover: ./cover.jpg') {
  const image = await sharp({ create: { width: 1800, height: 766, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const root = await makeRepo({
    'content/shanye/account.yaml': accountYaml,
    [path]: article(frontmatter, body),
    'content/shanye/articles/2026/chunchao/cover.jpg': image,
    'content/shanye/articles/2026/chunchao/tea.jpg': image,
  });
  const { findings } = await lintContent(await loadContent(root));
  return findings.filter((f) => /^(ad-law|platform|sensitive)\//.test(f.ruleId));
}

/** The compliance findings as [rule, line, column, end column, quoted words]. */
async function compliance(body: string, frontmatter?: string) {
  return (await lintArticle(body, frontmatter)).map((f) => [f.ruleId, f.line, f.column, f.endColumn, /“[^”]+”(（即“[^”]+”）)?/.exec(f.message)?.[0]]);
}

describe('evasion', () => {
  it('lints image alt text like body text, at its place in the file', async () => {
    // Line 8 is the body's first line: six lines of frontmatter and a blank line before it.
    expect(await compliance('新茶到店。\n\n![本店红茶品质最佳](./tea.jpg)\n')).toEqual([['ad-law/absolute-terms', 10, 9, 11, '“最佳”']]);
  });

  it('lints link text and the title', async () => {
    const found = await compliance('详情见[全网最低价](https://example.com/a)。', 'title: 国家级好茶到店\nstatus: draft\ndigest: 春茶上新。\ncover: ./cover.jpg');
    expect(found).toEqual([
      ['ad-law/absolute-terms', 2, 8, 11, '“国家级”'],
      ['ad-law/absolute-terms', 8, 5, 10, '“全网最低价”'],
    ]);
  });

  it('folds emoji, skin tones and zero-width joiners between characters, spans covering the disguise', async () => {
    expect(await compliance('顶🔥级大红袍，国\u200d家\u200d级工艺，最💪🏽强口感就在本店。')).toEqual([
      ['ad-law/absolute-terms', 8, 1, 4, '“顶🔥级”（即“顶级”）'],
      ['ad-law/absolute-terms', 8, 8, 13, '“国\u200d家\u200d级”（即“国家级”）'],
      ['ad-law/absolute-terms', 8, 16, 20, '“最💪🏽强”（即“最强”）'],
    ]);
  });

  it('reads a common character in another tone as a stand-in only beside another disguise of its family or the seller', async () => {
    const found = await compliance('这款黑茶能抗爱防爱。\n\n他们抗爱的方式不同。\n\n政府制定的法律。\n\n戴上我们店的这串手链就能转云。\n\n天上的云在转。');
    expect(found).toEqual([
      ['ad-law/regulated-claims', 8, 6, 8, '“抗爱”'],
      ['ad-law/regulated-claims', 8, 8, 10, '“防爱”'],
      ['ad-law/regulated-claims', 14, 13, 15, '“转云”'],
    ]);
  });

  it('reads an emoji by the first syllable of its name beside plain characters, not emoji side by side', async () => {
    const found = await compliance('加🛰️信领取新人福利。\n\n今天的晚餐🐶🐱都很喜欢。');
    expect(found.map(([rule, line]) => [rule, line])).toEqual([['platform/traffic-diversion', 8]]);
  });

  it('finds listed terms written with homophones, look-alikes, pinyin, initials and emoji, at the characters written', async () => {
    const body = ['本店红茶品质醉佳。', '本店红茶品质zui佳。', '本店红茶品质 zj，喝过都说好。', '我们是行业🥇。', '项级大红袍，本店限量。', '跟着老师投资，吻赚不赔。'].join('\n\n');
    const found = await lintArticle(body);
    // Body lines start at line 8 (six lines of frontmatter and a blank line before them), one every other line.
    expect(found.map((f) => [f.ruleId, f.line, f.column, f.endColumn])).toEqual([
      ['ad-law/absolute-terms', 8, 7, 9],
      ['ad-law/absolute-terms', 10, 7, 11],
      ['ad-law/absolute-terms', 12, 8, 10],
      ['ad-law/absolute-terms', 14, 4, 7],
      ['ad-law/absolute-terms', 16, 1, 3],
      ['ad-law/regulated-claims', 18, 8, 12],
    ]);
    const notes = found.map((f) => /（“[^（]+的变体写法：[^）]+）/.exec(f.message)?.[0]);
    expect(notes).toEqual([
      '（“最佳”的变体写法：“醉”谐音“最”）',
      '（“最佳”的变体写法：拼音“zui”代“最”）',
      '（“最佳”的变体写法：首字母“zj”代“最佳”）',
      '（“行业第一”的变体写法：“🥇”代“第一”）',
      '（“顶级”的变体写法：“项”形近“顶”）',
      '（“稳赚不赔”的变体写法：“吻”谐音“稳”）',
    ]);
    expect(found[0]!.message).toContain('“醉佳”（即“最佳”）属于绝对化用语');
  });

  it('finds a term written with a rare character that holds it under a radical (蕞 is 艹 over 最), and leaves 蕞尔 alone', async () => {
    const found = await compliance('本店的春茶是全城蕞好的。\n\n蕞尔小国也有自己的茶园。');
    expect(found).toEqual([['ad-law/absolute-terms', 8, 9, 11, '“蕞好”（即“最好”）']]);
  });

  it('reads an ambiguous abbreviation by the words beside it: gz is 关注 beside 公众号, 根治 beside 秘方', async () => {
    const found = await lintArticle('gz 公众号，回复“资料”解锁全文。\n\n祖传秘方 gz 鼻炎，一个疗程见效。');
    const notes = found.map((f) => [f.ruleId, f.line, /的变体写法：(.+?)）/.exec(f.message)?.[1]]).filter(([, , note]) => note);
    expect(notes).toEqual([
      ['platform/induced-following', 8, '首字母“gz”代“关注”'],
      ['ad-law/regulated-claims', 10, '首字母“gz”代“根治”'],
    ]);
  });

  it('leaves ordinary words alone that only sound, look or abbreviate like a term', async () => {
    const body = [
      '这个说法根植于当地的农耕传统。',
      '中药材由国家集中收购。',
      '油温过高时先关火，稍等再下锅。',
      '我们将糖水倒进模具，冷藏两小时。',
      '鸭肉 1 kg，剁成小块。',
      '照片存在 SD 卡里，文件名是 main.rs 这样的格式。',
      '她的名字叫婕妤，是汉代的女官称号。',
      '本店的茶杯先用沸水温过，再放茶叶。',
      '那场车祸之后，他身心受创，很久才恢复。',
    ].join('\n\n');
    expect(await compliance(body)).toEqual([]);
  });
});
