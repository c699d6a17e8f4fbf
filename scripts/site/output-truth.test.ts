import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { article } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { articleDir, articleFile, siteRepo, tree } from './fixture.test-helper.ts';
import { buildSite } from './index.ts';

const chanqu = 'content/shanye/articles/2026/chanqu/index.md';
const withChanqu = () => siteRepo({ [chanqu]: article('title: 云南产区\nstatus: draft', '## 保山\n\n小粒咖啡。\n') });

/** What `notice` wrote to standard error during `run`. */
async function notices<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    return { result: await run(), lines };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('build output stays true', () => {
  it('removes the folder of an article that was deleted or renamed', async () => {
    const root = await withChanqu();
    await buildSite({ root });
    expect(existsSync(join(root, 'dist/shanye/chanqu/preview.html'))).toBe(true);
    await rename(join(root, 'content/shanye/articles/2026/chanqu'), join(root, 'content/shanye/articles/2026/yunnan-chanqu'));
    await buildSite({ root });
    expect(existsSync(join(root, 'dist/shanye/chanqu'))).toBe(false);
    expect(existsSync(join(root, 'dist/shanye/yunnan-chanqu/preview.html'))).toBe(true);
    await rm(join(root, 'content/shanye/articles/2026/yunnan-chanqu'), { recursive: true });
    await buildSite({ root });
    expect(await readdir(join(root, 'dist/shanye'))).toEqual(['dongtian-shouchong']);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).not.toContain('云南产区');
  });

  it('says truly how many articles it checked: those it validated now, and how many were unchanged', async () => {
    // Two articles naming the same plan entry: each renders, with a warning.
    const root = await siteRepo({ [chanqu]: article('title: 云南产区\nstatus: draft\nplan: 2026-12/01', '## 保山\n\n小粒咖啡。\n') });
    const first = await runCli(['build'], root);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('! 检查了 2 篇文章：0 个错误，2 个警告。\n构建完成');
    expect(first.stdout).toMatch(/：渲染 2 篇，未变化 0 篇，失败 0 篇。/);
    await writeFile(join(root, chanqu), article('title: 云南产区\nstatus: 草稿\nplan: 2026-12/01', '## 保山\n\n小粒咖啡。\n'));
    const second = await runCli(['build'], root);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('✖ 检查了 1 篇文章（另有 1 篇未变化，没有重新检查）：1 个错误，1 个警告。');
    expect(second.stdout).toMatch(/：渲染 0 篇，未变化 1 篇，失败 1 篇。/);
  });

  it('checks an article again when the plan it names changes, and fails it when its entry is gone', async () => {
    const root = await siteRepo();
    expect((await runCli(['build'], root)).code).toBe(0);
    const plan = join(root, 'content/shanye/plans/2026-12.md');
    await writeFile(plan, (await readFile(plan, 'utf8')).replace('id: "01"', 'id: "09"'));
    const { code, stdout } = await runCli(['build'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('计划 2026-12 中没有条目“01”');
    expect(stdout).toMatch(/：渲染 0 篇，未变化 0 篇，失败 1 篇。/);
    expect(existsSync(join(root, 'dist/shanye/dongtian-shouchong'))).toBe(false);
  });

  it('removes the folder of an article that now fails, so no stale preview looks current', async () => {
    const root = await withChanqu();
    await buildSite({ root });
    await writeFile(join(root, chanqu), article('title: 云南产区\nstatus: 草稿'));
    const report = await buildSite({ root });
    expect(report.failed).toEqual([chanqu]);
    expect(existsSync(join(root, 'dist/shanye/chanqu'))).toBe(false);
    // And it stays failed, and out, on the next build.
    expect((await buildSite({ root })).failed).toEqual([chanqu]);
    expect(existsSync(join(root, 'dist/shanye/chanqu'))).toBe(false);
  });

  it('rebuilds a deleted or changed output file although its inputs did not change, and trusts a touched one', async () => {
    const root = await siteRepo();
    await buildSite({ root });
    const out = join(root, 'dist/shanye/dongtian-shouchong');
    const before = await tree(out);

    await rm(join(out, 'images/cup.png'));
    const { result: rebuilt, lines } = await notices(() => buildSite({ root }));
    expect(rebuilt.rendered).toEqual([articleFile]);
    expect(lines.join('')).toContain('输出文件缺失或被改动');
    expect(await tree(out)).toEqual(before);

    await writeFile(join(out, 'article.html'), '<p>被改过</p>');
    expect((await buildSite({ root })).rendered).toEqual([articleFile]);
    expect(await tree(out)).toEqual(before);

    // Same bytes, new time (a copy, a backup restore): checked by hash, not rendered again.
    await utimes(join(out, 'meta.json'), new Date(), new Date(Date.now() + 5000));
    expect(await buildSite({ root })).toMatchObject({ rendered: [], unchanged: [articleFile] });
  });

  it('makes an output image edited in place again, in the output and in the image cache it was linked from', async () => {
    const root = await siteRepo();
    await buildSite({ root });
    const out = join(root, 'dist/shanye/dongtian-shouchong');
    const before = await tree(out);
    // An editor that saves in place writes through the link into the cached file as well; the size may stay.
    const size = (await readFile(join(out, 'images/cup.png'))).length;
    await writeFile(join(out, 'images/cup.png'), randomBytes(size));
    const { result, lines } = await notices(() => buildSite({ root }));
    expect(result.rendered).toEqual([articleFile]);
    expect(lines.join('')).toMatch(/缓存的图片 \S*\.cache\/mpdesk\/images\/[0-9a-f]{32}\.png 与记录的内容不符（dist\/ 里的图片与它是同一个文件，在那里改图也会改到它），已重新生成。/);
    expect(await tree(out)).toEqual(before);
    // And once made again, the next build finds everything as it should be.
    expect(await buildSite({ root })).toMatchObject({ rendered: [], unchanged: [articleFile] });
  });

  it('discards a corrupt build record with a notice naming it, and builds again (exit 0)', async () => {
    const root = await siteRepo();
    expect((await runCli(['build'], root)).code).toBe(0);
    await writeFile(join(root, 'dist/.mpdesk-build.json'), '{"version": 2, "articles": {"x": ');
    const { code, stdout, stderr } = await runCli(['build'], root);
    expect(stderr).toBe('mpdesk: 注意：构建记录 dist/.mpdesk-build.json 已损坏，已丢弃并重新构建全部文章。\n');
    expect(stdout).toContain('渲染 1 篇');
    expect(code).toBe(0);
    // A record of the right syntax but the wrong shape is as corrupt.
    await writeFile(join(root, 'dist/.mpdesk-build.json'), '{"version": 2, "articles": {"x": {"dir": "../.."}}, "failed": {}}');
    expect((await runCli(['build'], root)).stderr).toContain('dist/.mpdesk-build.json 已损坏');
    expect(existsSync(join(root, 'content'))).toBe(true);
  });

  it('takes out output folders that no record stands behind (after a discarded record)', async () => {
    const root = await withChanqu();
    await buildSite({ root });
    await rm(join(root, 'dist/.mpdesk-build.json'));
    await rm(join(root, 'content/shanye/articles/2026/chanqu'), { recursive: true });
    await buildSite({ root });
    expect(await readdir(join(root, 'dist/shanye'))).toEqual(['dongtian-shouchong']);
  });
});

describe('the image cache', () => {
  const cacheDir = (root: string) => join(root, '.cache/mpdesk/images');

  it('checks each cached image against the hash in its record and makes it again when it differs', async () => {
    const root = await siteRepo();
    await buildSite({ root });
    const good = await tree(join(root, 'dist/shanye'));
    const images = (await readdir(cacheDir(root))).filter((name) => !name.endsWith('.json'));
    // The body image, and the cover's two crops and the whole cover that goes to WeChat as material.
    expect(images).toHaveLength(4);
    for (const name of images) await writeFile(join(cacheDir(root), name), randomBytes(2000));
    await rm(join(root, 'dist'), { recursive: true });

    const { code, stdout, stderr } = await runCli(['build'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('失败 0 篇');
    const lines = stderr.trim().split('\n');
    // One line per record: the body image, and the cover (its crops and material).
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^mpdesk: 注意：缓存的图片 \.cache\/mpdesk\/images\/[0-9a-f]{32}(-wide|-square|-material)?\.(jpg|png) 与记录的内容不符（dist\/ 里的图片与它是同一个文件，在那里改图也会改到它），已重新生成。/);
    expect(await tree(join(root, 'dist/shanye'))).toEqual(good);
  });

  it('discards a corrupt image record with a notice naming it', async () => {
    const root = await siteRepo();
    await buildSite({ root });
    const good = await tree(join(root, 'dist/shanye'));
    const records = (await readdir(cacheDir(root))).filter((name) => name.endsWith('.json'));
    await writeFile(join(cacheDir(root), records[0]!), '{"files": {}, "value": {"path": "/etc/passwd"');
    await writeFile(join(cacheDir(root), records[1]!), '{"files": {}, "value": {"path": "../../x.jpg", "format": "jpeg", "width": 1, "height": 1, "bytes": 1}}');
    await rm(join(root, 'dist'), { recursive: true });
    const { code, stderr } = await runCli(['build'], root);
    expect(code).toBe(0);
    expect(stderr).toContain(`图片缓存记录 .cache/mpdesk/images/${records[0]} 已损坏，已丢弃并重新生成。`);
    expect(stderr).toContain(`图片缓存记录 .cache/mpdesk/images/${records[1]} 已损坏`);
    expect(await tree(join(root, 'dist/shanye'))).toEqual(good);
  });

  it('makes processed images again that were deleted while the process ran (a long-lived process, a test run)', async () => {
    const root = await siteRepo();
    await buildSite({ root });
    await rm(join(root, '.cache/mpdesk/images'), { recursive: true });
    await rm(join(root, 'dist'), { recursive: true });
    expect(await buildSite({ root })).toMatchObject({ rendered: [articleFile], failed: [] });
    expect(existsSync(join(root, 'dist/shanye/dongtian-shouchong/images/cup.png'))).toBe(true);
  });

  it('keeps names, not absolute paths, in its records: a moved repository still uses its cache', async () => {
    const root = await siteRepo();
    await buildSite({ root });
    const moved = `${root}-moved`;
    await rename(root, moved);
    await rm(join(moved, 'dist'), { recursive: true });
    const { result, lines } = await notices(() => buildSite({ root: moved }));
    expect(result).toMatchObject({ rendered: [articleFile], failed: [] });
    expect(lines).toEqual([]);
  });
});

describe('articles that cannot be built', () => {
  it('counts GBK, UTF-16 and unreadable articles as failed, with their finding, and exits 1', async () => {
    const gbk = Buffer.from('2d2d2d0a7469746c653a20b6acd6c10a2d2d2d0a0ad5fdcec40a', 'hex'); // "---\ntitle: 冬至\n---\n\n正文\n" in GBK
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: 冬至\n---\n\n正文\n', 'utf16le')]);
    const root = await siteRepo({
      'content/shanye/articles/2026/gbk/index.md': gbk,
      'content/shanye/articles/2026/utf16/index.md': utf16,
      // A folder where the file should be: unreadable even for root.
      'content/shanye/articles/2026/weidu/index.md/x': '',
    });
    const { code, stdout } = await runCli(['build', '--format', 'json'], root);
    expect(code).toBe(1);
    const report: unknown = JSON.parse(stdout);
    expect(report).toMatchObject({
      rendered: [articleFile],
      failed: ['content/shanye/articles/2026/gbk/index.md', 'content/shanye/articles/2026/utf16/index.md', 'content/shanye/articles/2026/weidu/index.md'],
      findings: [
        expect.objectContaining({ file: 'content/shanye/articles/2026/gbk/index.md', ruleId: 'schema/encoding', line: expect.any(Number) }),
        expect.objectContaining({ file: 'content/shanye/articles/2026/utf16/index.md', ruleId: 'schema/encoding' }),
        expect.objectContaining({ file: 'content/shanye/articles/2026/weidu/index.md', ruleId: 'schema/read' }),
      ],
    });
    const page = await readFile(join(root, 'dist/index.html'), 'utf8');
    expect(page).toContain('content/shanye/articles/2026/gbk/index.md:');
    expect(page).toContain('schema/encoding');
    expect(page).toContain('content/shanye/articles/2026/weidu/index.md:1:1');
  });

  it('fails the articles of an account whose account.yaml is invalid, with its first error, and exits 1', async () => {
    const root = await siteRepo({ 'content/shanye/account.yaml': 'name: 山野咖啡\ntheme: 不存在的主题\nlimits:\n  title: 九十\n' });
    const { code, stdout } = await runCli(['build'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('content/shanye/account.yaml');
    expect(stdout).toContain('失败 1 篇');
    expect(existsSync(join(root, 'dist/shanye/dongtian-shouchong'))).toBe(false);
    const page = await readFile(join(root, 'dist/index.html'), 'utf8');
    expect(page).toMatch(/content\/shanye\/account\.yaml:\d+:\d+/);
    expect(page).toContain(articleFile);
  });

  it('one article that makes mpdesk fail does not stop the others, and is named with file and line', async () => {
    const root = await siteRepo({ 'content/shanye/articles/2026/guai/index.md': article('title: 怪标签\nstatus: draft', '> <x><p>\n\n正文。\n') });
    const { code, stdout } = await runCli(['build', '--format', 'json'], root);
    expect(code).not.toBe(2);
    const report: unknown = JSON.parse(stdout);
    expect(report).toMatchObject({ rendered: expect.arrayContaining([articleFile]) });
    const failed = (report as { failed: string[] }).failed;
    if (failed.length) {
      expect(failed).toEqual(['content/shanye/articles/2026/guai/index.md']);
      expect(report).toMatchObject({ findings: [expect.objectContaining({ file: 'content/shanye/articles/2026/guai/index.md', line: expect.any(Number) })] });
    }
  });
});

// Kept at the end: the folder names in the first test tell nothing if articleDir moved.
expect(articleDir).toBe('content/shanye/articles/2026/dongtian-shouchong');

describe('a lint step that fails', () => {
  it('does not stop the build: the front page shows no counts, and a notice says why', async () => {
    const root = await siteRepo();
    const { result, lines } = await notices(() =>
      buildSite({
        root,
        lint: () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
      }),
    );
    expect(result).toMatchObject({ rendered: [articleFile], failed: [] });
    expect(lines.join('')).toContain('检查出错，首页不显示检查结果（运行 mpdesk lint 查看）：Maximum call stack size exceeded');
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toContain('未检查');
  });
});
