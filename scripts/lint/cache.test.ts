import { randomBytes } from 'node:crypto';
import { chmod, cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { openToUsers, runCli } from '../testing/run-cli.ts';

const cacheDir = '.cache/mpdesk';
const cacheFile = `${cacheDir}/lint.json`;

/** A repository with an error (exit 1) and a few clean articles, linted once so its cache exists. */
async function linted(): Promise<{ root: string; expected: string }> {
  const files = baseFiles();
  for (const slug of ['chanqu', 'shuiwen', 'wenbei']) files[`content/shanye/articles/2026/${slug}/index.md`] = article(`title: ${slug}\nstatus: draft`, '冬天水温掉得快，手冲时可以先温杯。\n');
  files['content/shanye/articles/2026/zuijia/index.md'] = article('title: 最佳\nstatus: draft', '全城最佳的咖啡。\n');
  const root = await makeRepo(files);
  const first = await runCli(['lint', '--format', 'json'], root);
  expect(first.code).toBe(1);
  return { root, expected: first.stdout };
}

/** What a lint without any cache says of the repository as it is now (in a copy, so the original is untouched). */
async function uncached(root: string): Promise<string> {
  const copy = `${root}-uncached`;
  await cp(root, copy, { recursive: true });
  await rm(join(copy, '.cache'), { recursive: true, force: true });
  const result = await runCli(['lint', '--format', 'json'], copy);
  await rm(copy, { recursive: true, force: true });
  return result.stdout;
}

const notices = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('mpdesk: 注意：'));

const roots: string[] = [];
afterEach(async () => {
  // Folders made read-only must be writable again to be removed.
  for (const root of roots.splice(0)) {
    await chmod(join(root, cacheDir), 0o755).catch(() => undefined);
    await chmod(join(root, cacheFile), 0o644).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
});

// Each test runs the command three or four times.
describe('the lint cache', { timeout: 60_000 }, () => {
  it('is discarded with a notice naming it when corrupt, and made again', async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/shanye/articles/2026/zuijia/index.md': article('title: 最佳\nstatus: draft', '全城最佳的咖啡。\n') });
    const fresh = await runCli(['lint', '--format', 'json'], root);
    expect(fresh.code).toBe(1);
    const cache = join(root, cacheFile);
    for (const corrupt of ['{"entries": {"content/shanye/articles', '{"format": 3, "entries": {"content/shanye/articles/2026/zuijia/index.md": {"key": 1, "findings": "坏"}}}']) {
      await writeFile(cache, corrupt);
      const again = await runCli(['lint', '--format', 'json'], root);
      expect(again.stderr).toBe('mpdesk: 注意：检查缓存 .cache/mpdesk/lint.json 已损坏，已丢弃并重新检查。\n');
      expect(again).toMatchObject({ code: 1, stdout: fresh.stdout });
      expect(JSON.parse(await readFile(cache, 'utf8'))).toMatchObject({ entries: expect.any(Object) });
    }
  });

  it('keeps the fingerprints of articles only compared with, so a lint of one file does not parse the others again', async () => {
    const shared = '冬天的杭州，早晚已经要穿厚外套了，茶空间里这几天被问得多的一句话是冬天该喝什么茶，答案其实没有那么玄，发酵和焙火重一些的茶汤色深滋味醇厚。';
    const original = 'content/shanye/articles/2026/yuan-wen/index.md';
    const draft = 'content/shanye/articles/2026/xin-gao/index.md';
    const root = await makeRepo({
      ...baseFiles(),
      [original]: article('title: 原文\nstatus: draft', `开头一段。\n\n${shared}\n`),
      [draft]: article('title: 新稿\nstatus: draft', `另一个开头。\n\n${shared.replace('厚外套', '大衣')}\n`),
    });
    expect((await runCli(['lint', '--format', 'json'], root)).code).toBe(0);
    // The original changes after the full lint: its record no longer holds, and only the draft is linted.
    await writeFile(join(root, original), article('title: 原文\nstatus: draft', `改过的开头。\n\n${shared}\n`));
    const copiesIn = (stdout: string) => JSON.parse(stdout).filter((f: { ruleId: string }) => f.ruleId === 'originality/near-duplicate').map((f: { file: string }) => f.file);
    const first = await runCli(['lint', draft, '--format', 'json'], root);
    expect(copiesIn(first.stdout)).toEqual([draft]);
    const stored = JSON.parse(await readFile(join(root, cacheFile), 'utf8'));
    expect(Object.keys(stored.prints)).toEqual([original]);
    // Its old record, made from the old text, could never be used again: the cache holds the article once.
    expect(Object.keys(stored.entries)).not.toContain(original);
    const again = await runCli(['lint', draft, '--format', 'json'], root);
    expect(again).toMatchObject({ stdout: first.stdout, stderr: '' });
    // Linted as a whole again, the original has its own record, and its separate fingerprints are dropped.
    await runCli(['lint', '--format', 'json'], root);
    expect(JSON.parse(await readFile(join(root, cacheFile), 'utf8')).prints).toEqual({});
  });

  it('says what an uncached run says of copies when another article changes, both ways', async () => {
    const shared = '冬天的杭州，早晚已经要穿厚外套了，茶空间里这几天被问得多的一句话是冬天该喝什么茶，答案其实没有那么玄，发酵和焙火重一些的茶汤色深滋味醇厚。';
    const original = 'content/shanye/articles/2026/yuan-wen/index.md';
    const other = 'content/shanye/articles/2026/shu-dian/index.md';
    const before = article('title: 书店\nstatus: draft', '书店里的一下午，很安静。\n');
    const root = await makeRepo({ ...baseFiles(), [original]: article('title: 原文\nstatus: draft', `开头一段。\n\n${shared}\n`), [other]: before });
    expect((await runCli(['lint', '--format', 'json'], root)).code).toBe(0);
    const copies = async () => {
      const cachedRun = await runCli(['lint', '--format', 'json'], root);
      expect(cachedRun.stdout).toBe(await uncached(root));
      return JSON.parse(cachedRun.stdout).filter((f: { ruleId: string }) => f.ruleId === 'originality/near-duplicate').map((f: { file: string }) => f.file).sort();
    };
    // The other article copies the original's paragraph: the original, cached, gets the finding too.
    await writeFile(join(root, other), article('title: 书店\nstatus: draft', `书店里的一下午，很安静。\n\n${shared}\n`));
    expect(await copies()).toEqual([other, original].sort());
    // And loses it when the copy is taken out again.
    await writeFile(join(root, other), before);
    expect(await copies()).toEqual([]);
    // Or when the copying article is deleted.
    await writeFile(join(root, other), article('title: 书店\nstatus: draft', `书店里的一下午，很安静。\n\n${shared}\n`));
    expect(await copies()).toEqual([other, original].sort());
    await rm(join(root, other));
    expect(await copies()).toEqual([]);
  });

  it('made by an older mpdesk (another layout, no format) is not used, without a notice: its keys would not match', async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/shanye/articles/2026/zuijia/index.md': article('title: 最佳\nstatus: draft', '全城最佳的咖啡。\n') });
    const fresh = await runCli(['lint', '--format', 'json'], root);
    const cache = join(root, cacheFile);
    await writeFile(cache, '{"entries": {"content/shanye/articles/2026/zuijia/index.md": {"key": "k", "findings": [], "title": "最佳", "paragraphs": [{"line": 6, "prints": [12, 34]}], "sum": "s"}}, "lists": {}}');
    const again = await runCli(['lint', '--format', 'json'], root);
    expect(again).toMatchObject({ code: 1, stdout: fresh.stdout, stderr: '' });
    expect(JSON.parse(await readFile(cache, 'utf8'))).toMatchObject({ format: 3 });
  });

  it.each([
    ['random bytes', (text: string) => randomBytes(Math.max(64, text.length >> 1))],
    ['JSON cut off halfway', (text: string) => text.slice(0, text.length >> 1)],
  ])('of %s is linted again, with one notice and the findings of an uncached run', async (_label, damage) => {
    const { root, expected } = await linted();
    roots.push(root);
    const cache = join(root, cacheFile);
    await writeFile(cache, damage(await readFile(cache, 'utf8')));
    const again = await runCli(['lint', '--format', 'json'], root);
    expect(notices(again.stderr)).toEqual(['mpdesk: 注意：检查缓存 .cache/mpdesk/lint.json 已损坏，已丢弃并重新检查。']);
    expect(again).toMatchObject({ code: 1, stdout: expected });
    // Made again: the next run is quiet and uses it.
    expect(await runCli(['lint', '--format', 'json'], root)).toEqual({ code: 1, stdout: expected, stderr: '' });
  });

  it('does not trust a record whose findings were changed: that file is linted again', async () => {
    const { root, expected } = await linted();
    roots.push(root);
    const cache = join(root, cacheFile);
    const stored = JSON.parse(await readFile(cache, 'utf8'));
    const record = stored.entries['content/shanye/articles/2026/zuijia/index.md'];
    // Well-formed, but not what lint found: the finding moved a line and lost its message.
    record.findings[0].line += 1;
    record.findings[0].message = '改过的消息';
    await writeFile(cache, JSON.stringify(stored));
    const again = await runCli(['lint', '--format', 'json'], root);
    expect(notices(again.stderr)).toEqual(['mpdesk: 注意：检查缓存 .cache/mpdesk/lint.json 已损坏，已丢弃并重新检查。']);
    expect(again).toMatchObject({ code: 1, stdout: expected });
  });

  it('in a read-only folder is used as it is, with one notice that it cannot be saved', async () => {
    const { root } = await linted();
    roots.push(root);
    await openToUsers(root);
    // Every article changed, so every result would be saved.
    for (const slug of ['chanqu', 'shuiwen', 'wenbei', 'zuijia']) {
      const path = join(root, `content/shanye/articles/2026/${slug}/index.md`);
      await writeFile(path, `${await readFile(path, 'utf8')}\n又及：全网最低价。\n`);
    }
    await chmod(join(root, cacheDir), 0o555);
    const again = await runCli(['lint', '--format', 'json'], root, {}, { asUser: true });
    expect(notices(again.stderr)).toEqual([
      'mpdesk: 注意：检查缓存没有保存：无法写入 .cache/mpdesk/lint.json：没有权限（EACCES）。结果照常给出，下次检查不能复用这次的结果。同一原因的其他缓存不再逐条提示。',
    ]);
    expect(again).toMatchObject({ code: 1, stdout: await uncached(root) });
  });

  it('that cannot be read is not used, with one notice, and the run is complete', async () => {
    const { root, expected } = await linted();
    roots.push(root);
    await openToUsers(root);
    await chmod(join(root, cacheFile), 0o000);
    await chmod(join(root, cacheDir), 0o555);
    const again = await runCli(['lint', '--format', 'json'], root, {}, { asUser: true });
    expect(notices(again.stderr)).toEqual(['mpdesk: 注意：检查缓存 .cache/mpdesk/lint.json 无法读取：没有权限（EACCES）。这次不用缓存，全部重新检查。']);
    expect(again).toMatchObject({ code: 1, stdout: expected });
  });

  it('whose folder is a file is not used, with one notice for the one cause, not one for each record kept there', async () => {
    const { root, expected } = await linted();
    roots.push(root);
    await rm(join(root, cacheDir), { recursive: true });
    await writeFile(join(root, cacheDir), '不是目录');
    const again = await runCli(['lint', '--format', 'json'], root);
    expect(notices(again.stderr)).toEqual([
      'mpdesk: 注意：frontmatter 缓存没有保存：无法创建目录 .cache/mpdesk：已有同名的文件（EEXIST）。结果照常给出。同一原因的其他缓存不再逐条提示。',
    ]);
    expect(again).toMatchObject({ code: 1, stdout: expected });
  });

  it('checks an article again when another one takes its plan entry, so the reuse warning reaches both', async () => {
    const other = 'content/shanye/articles/2026/chanqu/index.md';
    const root = await makeRepo({ ...baseFiles(), [other]: article('title: 云南产区\nstatus: draft\nplan: 2026-12/02') });
    expect((await runCli(['lint', '--format', 'json'], root)).code).toBe(0);
    await writeFile(join(root, other), article('title: 云南产区\nstatus: draft\nplan: 2026-12/01'));
    const second = await runCli(['lint', '--format', 'json'], root);
    const reused = (JSON.parse(second.stdout) as Array<{ file: string; ruleId: string }>).filter((f) => f.ruleId === 'schema/plan-entry-reused').map((f) => f.file);
    expect(reused.sort()).toEqual([other, 'content/shanye/articles/2026/dongtian-shouchong/index.md']);
  });

  it('sees an image that became unreadable since the cached run, also one named by a reference definition elsewhere', async () => {
    const files = baseFiles();
    const dir = 'content/shanye/articles/2026/dongtian-shouchong';
    const png = files[`${dir}/cup.png`]!;
    const body = '冬天水温掉得快。\n\n![店招][logo]\n\n[logo]: ../logo.png\n';
    const root = await makeRepo({ ...files, [`${dir}/index.md`]: article('title: 冬天的手冲\nstatus: draft\ndigest: 温杯。\ncover: ./cover.jpg', body), 'content/shanye/articles/2026/logo.png': png });
    const first = await runCli(['lint', '--format', 'json'], root);
    expect(first.code).toBe(0);
    await writeFile(join(root, 'content/shanye/articles/2026/logo.png'), '坏掉的图片');
    const second = await runCli(['lint', '--format', 'json'], root);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('图片“../logo.png”：无法读取图片');
  });
});
