import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { accountYaml, baseFiles, makeRepo, type FixtureFiles } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';

const account = 'content/shanye/account.yaml';
// The footer's fourth line (line 20 of account.yaml) holds the image, indented two spaces.
const withFooter = `${accountYaml}footer: |\n  谢谢你读到这里。\n\n  扫码关注山野咖啡：\n\n  ![山野咖啡的二维码](./qr.png)\n`;
const imageLine = withFooter.split('\n').findIndex((line) => line.includes('![山野咖啡的二维码]')) + 1;

async function repo(files: FixtureFiles): Promise<string> {
  return makeRepo({ ...baseFiles(), [account]: withFooter, ...files });
}

interface Found {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

describe('images in the account footer', () => {
  it('are checked once, on account.yaml at their line: missing, outside the account, unreadable', { timeout: 60_000 }, async () => {
    const cases: Array<[FixtureFiles, string, string, string]> = [
      [{}, './qr.png', 'image/missing', '文末（footer）：找不到图片“./qr.png”（content/shanye/qr.png）'],
      [{ 'outside.png': await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer() }, '../../outside.png', 'image/outside-account', '文末（footer）：图片路径“../../outside.png”超出了账号目录'],
      [{ 'content/shanye/qr.png': Buffer.from('不是图片') }, './qr.png', 'image/unreadable', '文末（footer）：图片“./qr.png”：无法读取图片'],
    ];
    for (const [files, url, ruleId, message] of cases) {
      const root = await repo({ [account]: withFooter.replace('./qr.png', url), ...files });
      const validate = await runCli(['validate', '--format', 'json'], root);
      expect(validate.code).toBe(1);
      const found: Found[] = JSON.parse(validate.stdout);
      expect(found).toEqual([expect.objectContaining({ file: account, line: imageLine, column: 3, ruleId, message: expect.stringContaining(message) })]);
      // The build names the same place once, not every article at 1:1.
      const build = await runCli(['build', '--format', 'json'], root);
      expect(build.code).toBe(1);
      const report: { findings: Found[]; failed: string[] } = JSON.parse(build.stdout);
      expect(report.failed).toHaveLength(1);
      expect(report.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([[account, imageLine, ruleId]]);
    }
  });

  it('a footer image that is fine is processed like the article’s own, and replacing it builds again', { timeout: 60_000 }, async () => {
    const qr = (colour: string) => sharp({ create: { width: 300, height: 300, channels: 3, background: colour } }).png().toBuffer();
    const root = await repo({ 'content/shanye/qr.png': await qr('#123') });
    expect((await runCli(['validate'], root)).code).toBe(0);
    const build = await runCli(['build'], root);
    expect(build.stdout).toContain('渲染 1 篇，未变化 0 篇，失败 0 篇');
    const out = join(root, 'dist/shanye/dongtian-shouchong');
    const html = await readFile(join(out, 'article.html'), 'utf8');
    expect(html).toMatch(/<section[^>]*>[^]*扫码关注山野咖啡[^]*<img src="images\/qr\.png" alt="山野咖啡的二维码"/);
    const first = await readFile(join(out, 'images/qr.png'));
    await writeFile(join(root, 'content/shanye/qr.png'), await qr('#a52'));
    expect((await runCli(['build'], root)).stdout).toContain('渲染 1 篇，未变化 0 篇');
    expect((await readFile(join(out, 'images/qr.png'))).equals(first)).toBe(false);
  });
});
