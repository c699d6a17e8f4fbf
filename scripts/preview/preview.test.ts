import { existsSync } from 'node:fs';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { lintContent } from '../lint/index.ts';
import { listenForReload, pageVersion, request, sampleArticle, sampleDir, sampleRepo, watchedPreview, type WatchedPreview } from './fixture.test-helper.ts';

const page = `/${sampleDir}/preview.html`;
const rendered = (file: string) => (build: { report?: { rendered: string[]; failed: string[] } }) => Boolean(build.report?.rendered.includes(file) || build.report?.failed.includes(file));

describe('mpdesk preview (server and rebuilds)', () => {
  let root: string;
  let watched: WatchedPreview;
  let original: string;
  const get = (path: string, headers: Record<string, string> = {}) => request(`${watched.preview.origin}${path}`, headers);
  /** Saves the sample article and waits for the build that took it. */
  const save = async (text: string) => {
    const built = watched.nextBuild(rendered(sampleArticle));
    await writeFile(join(root, sampleArticle), text);
    return built;
  };

  beforeAll(async () => {
    root = await sampleRepo();
    original = await readFile(join(root, sampleArticle), 'utf8');
    watched = await watchedPreview(root, sampleArticle);
  });
  afterAll(async () => {
    await watched?.preview.close();
  });

  it('builds everything first, then serves on 127.0.0.1 only, opening on the article given', async () => {
    const [start] = watched.builds;
    expect(start).toMatchObject({ trigger: 'start', report: { failed: [] } });
    expect(start!.report!.rendered).toHaveLength(7);
    expect(watched.preview.url).toBe(`${watched.preview.origin}${page}`);
    expect(watched.preview.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Not on the IPv6 loopback, nor any other address: the socket is 127.0.0.1's alone.
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: '::1', port: watched.preview.port });
      socket.on('connect', () => (socket.destroy(), resolve('connected')));
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(['ECONNREFUSED', 'EADDRNOTAVAIL', 'EAFNOSUPPORT']).toContain(refused);
  });

  it('serves the front page, each preview with its findings beside it, and the built files; 404 for the rest', async () => {
    const desk = await get('/');
    expect(desk.status).toBe(200);
    expect(desk.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(desk.body).toContain(`href="${sampleDir}/preview.html"`);
    expect(desk.body).toContain('/_mpdesk/events?page=&version=');

    const preview = await get(page);
    expect(preview.status).toBe(200);
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.body).toContain('<div id="article">');
    expect(preview.body).toContain('<body class="mpdesk-preview">');
    // The panel lists exactly what mpdesk lint finds in the article, at its positions.
    const linted = await lintContent(await loadContent(root), { only: (file) => file === sampleArticle });
    const expected = linted.findings.map((f) => `${f.file}:${f.line}:${f.column} · ${f.ruleId}`);
    expect(expected.length).toBeGreaterThan(0);
    const shown = [...preview.body.matchAll(/<div class="where"><span class="sev">[^<]+<\/span>([^<]+)<\/div>/g)].map((m) => m[1]);
    expect(shown).toEqual(expected);
    expect(preview.body).toContain(`<h2>检查结果：0 个错误，0 个警告，${expected.length} 个提示</h2>`);

    expect(await get(`/${sampleDir}`)).toMatchObject({ status: 302, headers: { location: page } });
    expect(await get(`/${sampleDir}/`)).toMatchObject({ status: 302, headers: { location: page } });
    const image = await get(`/${sampleDir}/images/cover-500x500.jpg`);
    expect(image).toMatchObject({ status: 200, headers: { 'content-type': 'image/jpeg' } });
    expect(JSON.parse((await get(`/${sampleDir}/meta.json`)).body)).toMatchObject({ title: '冬天喝什么茶？六大茶类的温凉与选择' });

    for (const path of ['/.mpdesk-build.json', '/%2e%2e/%2e%2e/package.json', '/qinghe-tea/..%2F..%2Fpackage.json', '/qinghe-tea/nope/preview.html', '/nope']) {
      const missing = await get(path);
      expect({ path, status: missing.status }).toEqual({ path, status: 404 });
      expect(missing.body).toContain('没有这个页面');
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('refuses other methods, and requests naming another host (a web page reaching it through DNS)', async () => {
    const posted = await request(`${watched.preview.origin}/`, {}, 'POST');
    expect(posted).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } });
    const foreign = await get('/', { host: 'evil.example:80' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toBe('预览只接受本机地址（127.0.0.1）的请求。');
    expect((await get('/', { host: `localhost:${watched.preview.port}` })).status).toBe(200);
  });

  it('rebuilds only the saved article, and its page then has the new text', async () => {
    const build = await save(`${original}\n后来又试了一次，把水温调低了两度，茶汤柔和了许多。\n`);
    expect(build.report).toMatchObject({ rendered: [sampleArticle], failed: [] });
    expect(build.report!.unchanged).toHaveLength(6);
    expect(build.changed.map((one) => one.file)).toEqual([sampleArticle]);
    expect(build.ms).toBeGreaterThan(0);
    expect((await get(page)).body).toContain('把水温调低了两度');
  });

  it('takes an editor save that writes a temporary file and renames it over the article', async () => {
    const built = watched.nextBuild((build) => Boolean(build.report?.rendered.includes(sampleArticle)) && !build.report?.failed.length);
    const temporary = join(root, `${sampleArticle}.5f3a9c`);
    await writeFile(temporary, `${original}\n原子保存：先写临时文件，再改名。\n`);
    await rename(temporary, join(root, sampleArticle));
    await built;
    expect((await get(page)).body).toContain('原子保存：先写临时文件，再改名。');
    expect(watched.builds.every((build) => !build.report?.failed.length)).toBe(true);
  });

  it('builds a second save that lands while the first one’s build starts (the watcher drops it)', async () => {
    await writeFile(join(root, sampleArticle), `${original}\n第一次保存。\n`);
    // After the 10 ms the preview waits for a save to settle, while a file watcher that follows the first save's file would miss the second.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(join(root, sampleArticle), `${original}\n第二次保存，紧跟着第一次。\n`);
    const deadline = Date.now() + 10_000;
    let body = '';
    while (!body.includes('第二次保存，紧跟着第一次。') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      body = (await get(page)).body;
    }
    expect(body).toContain('第二次保存，紧跟着第一次。');
    await watched.preview.idle();
  });

  it('shows a breaking save’s findings instead of a stale preview, and the article again once fixed', async () => {
    const broken = await save(original.replace('---\n', '---\ntitle: [冬天\n'));
    expect(broken.report!.failed).toEqual([sampleArticle]);
    const failed = await get(page);
    expect(failed.status).toBe(200);
    expect(failed.body).toContain('这篇文章现在无法预览');
    expect(failed.body).not.toContain('<div id="article">');
    expect(failed.body).toMatch(new RegExp(`${sampleArticle}:2:8 · schema/yaml-syntax</div><p class="message">YAML 语法错误`));
    expect(existsSync(join(root, 'dist', sampleDir, 'preview.html'))).toBe(false);

    // A lint error does not stop the build: the new text shows, with the error beside it.
    await save(`${original}\n这是全网最好的白茶。\n`);
    const linted = (await get(page)).body;
    expect(linted).toContain('这是全网最好的白茶。');
    const line = original.split('\n').length + 1;
    expect(linted).toContain(`<li class="error"><div class="where"><span class="sev">错误</span>${sampleArticle}:${line}:3 · ad-law/absolute-terms</div><p class="message">“全网最”属于绝对化用语`);
    expect(linted).toContain('<h2>检查结果：1 个错误');

    await save(original);
    const fixed = (await get(page)).body;
    expect(fixed).toContain('<div id="article">');
    expect(fixed).not.toContain('class="error"');
  });

  it('tells an open page to reload when what it shows changed, and only then', async () => {
    const otherDir = 'qinghe-tea/shudian-li-de-cha';
    const here = await listenForReload(watched.preview.origin, sampleDir, pageVersion((await get(page)).body));
    const other = await listenForReload(watched.preview.origin, otherDir, pageVersion((await get(`/${otherDir}/preview.html`)).body));
    const desk = await listenForReload(watched.preview.origin, '', pageVersion((await get('/')).body));
    // A page that loaded before a build it did not hear of is told at once.
    const late = await listenForReload(watched.preview.origin, sampleDir, 'an-old-version');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(late.received).toEqual(['reload']);
    expect([here.received, other.received, desk.received]).toEqual([[], [], []]);

    const reload = here.next(10_000);
    const deskReload = desk.next(10_000);
    // A new title: the article's page and the front page change, the other article's page does not.
    await save(original.replace(/^title: .*$/m, 'title: 冬天喝什么茶？六大茶类的温与凉'));
    expect(await reload).toBe('reload');
    expect(await deskReload).toBe('reload');
    expect(await other.next(300)).toBeUndefined();
    expect((await get('/')).body).toContain('冬天喝什么茶？六大茶类的温与凉');

    // Saving the same text again (a habit) renders the same page, and no page reloads.
    const quiet = here.next(300);
    const same = watched.nextBuild();
    await writeFile(join(root, sampleArticle), original.replace(/^title: .*$/m, 'title: 冬天喝什么茶？六大茶类的温与凉'));
    expect((await same).report!.rendered).toEqual([sampleArticle]);
    expect((await same).changed).toEqual([]);
    expect(await quiet).toBeUndefined();
    await save(original);
    for (const stream of [here, other, desk, late]) stream.close();
  });

  it('says at the old address that a renamed article is gone, and serves it at the new one', async () => {
    const moved = 'content/qinghe-tea/articles/2026/dongri-he-cha';
    const renamed = watched.nextBuild((build) => Boolean(build.report?.rendered.includes(`${moved}/index.md`)));
    await rename(join(root, 'content/qinghe-tea/articles/2026/dongri-pao-cha'), join(root, moved));
    const build = await renamed;
    expect(build.changed.map((one) => [one.file, one.page?.dir])).toEqual([[`${moved}/index.md`, 'qinghe-tea/dongri-he-cha'], [sampleArticle, undefined]]);
    const gone = await get(page);
    expect(gone.status).toBe(404);
    expect(gone.body).toContain(`${page} 不在预览里：文章可能改了名、删除了，或者还没有写。`);
    // The page listens under its own address, so it shows the article again if it comes back.
    expect(gone.body).toContain(`page=${encodeURIComponent(sampleDir)}&version=`);
    expect((await get('/qinghe-tea/dongri-he-cha/preview.html')).body).toContain('<div id="article">');
    const back = watched.nextBuild(rendered(sampleArticle));
    await rename(join(root, moved), join(root, 'content/qinghe-tea/articles/2026/dongri-pao-cha'));
    await back;
    expect((await get(page)).status).toBe(200);
  });

  it('rebuilds an article when its image changes, and every article of an account when its account.yaml does', async () => {
    const cover = join(root, 'content/qinghe-tea/articles/2026/dongri-pao-cha/cover.jpg');
    const imageBuild = watched.nextBuild(rendered(sampleArticle));
    await writeFile(cover, await sharp({ create: { width: 1800, height: 900, channels: 3, background: '#8b5a2b' } }).jpeg().toBuffer());
    const built = await imageBuild;
    expect(built.report!.rendered).toEqual([sampleArticle]);
    // The page's text is the same, its picture is not: an open page reloads.
    expect(built.changed.map((one) => one.file)).toEqual([sampleArticle]);

    const accountBuild = watched.nextBuild((build) => (build.report?.rendered.length ?? 0) > 1);
    await appendFile(join(root, 'content/qinghe-tea/account.yaml'), '\n# 改了账号设置\n');
    expect((await accountBuild).report!.rendered).toHaveLength(7);
  });
});

describe('mpdesk preview closing', () => {
  it('ends the open event streams, stops watching and closes the server', async () => {
    const root = await sampleRepo();
    const watched = await watchedPreview(root);
    expect(watched.preview.url).toBe(`${watched.preview.origin}/`);
    const stream = await listenForReload(watched.preview.origin, '', pageVersion((await request(`${watched.preview.origin}/`)).body));
    await watched.preview.close();
    await stream.ended;
    await expect(request(`${watched.preview.origin}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const count = watched.builds.length;
    await appendFile(join(root, sampleArticle), '\n关掉以后再保存。\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watched.builds).toHaveLength(count);
    expect(existsSync(join(root, '.cache/mpdesk/build.lock'))).toBe(false);
  });
});
