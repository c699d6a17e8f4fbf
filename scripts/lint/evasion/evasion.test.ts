import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/index.ts';
import { accountYaml, article, makeRepo } from '../../testing/fixture-repo.ts';
import { lintContent } from '../index.ts';

const path = 'content/shanye/articles/2026/chunchao/index.md';

/** Lints one article and gives its compliance findings as [rule, line, column, end column, quoted words]. */
async function compliance(body: string, frontmatter = 'title: 春茶\nstatus: draft\ndigest: 春茶上新。\ncover: ./cover.jpg') {
  const image = await sharp({ create: { width: 1800, height: 766, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const root = await makeRepo({
    'content/shanye/account.yaml': accountYaml,
    [path]: article(frontmatter, body),
    'content/shanye/articles/2026/chunchao/cover.jpg': image,
    'content/shanye/articles/2026/chunchao/tea.jpg': image,
  });
  const { findings } = await lintContent(await loadContent(root));
  return findings
    .filter((f) => /^(ad-law|platform|sensitive)\//.test(f.ruleId))
    .map((f) => [f.ruleId, f.line, f.column, f.endColumn, /“[^”]+”(（即“[^”]+”）)?/.exec(f.message)?.[0]]);
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
});
