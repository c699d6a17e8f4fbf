import { describe, expect, it } from 'vitest';
import { accountYaml, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { accountFooter, loadContent } from './index.ts';

async function footerOf(footer: string) {
  const root = await makeRepo({ ...baseFiles(), 'content/shanye/account.yaml': `${accountYaml}footer: |\n${footer.replace(/^/gm, '  ')}\n` });
  const set = await loadContent(root);
  const found = accountFooter(set.accounts[0]!);
  return { images: found?.images.map((i) => i.url), links: found?.links.map((l) => l.url), undefined: found?.undefinedReferences.map((r) => r.label) };
}

describe('the account footer', () => {
  it('finds images, links and undefined references however they are written', { timeout: 30_000 }, async () => {
    expect(await footerOf('谢谢你读到这里。\n\n![山野咖啡的二维码](./qr.png)')).toMatchObject({ images: ['./qr.png'] });
    expect(await footerOf('门店地址见 [官网][site]。')).toMatchObject({ undefined: ['site'] });
    expect(await footerOf('<img src="./qr.png" alt="二维码">')).toMatchObject({ images: ['./qr.png'] });
    expect(await footerOf('更多内容见 https://example.com/shanye')).toMatchObject({ links: ['https://example.com/shanye'] });
  });

  it('has none in a footer of plain sentences, bold and line breaks included', { timeout: 30_000 }, async () => {
    expect(await footerOf('谢谢你读到这里。欢迎**关注山野咖啡**，\n\n觉得有用的话，也可以转发给朋友。')).toEqual({ images: [], links: [], undefined: [] });
  });
});
