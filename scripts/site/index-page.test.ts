import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFinding, type Finding } from '../shared/finding.ts';
import { article } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { articleFile, siteRepo } from './fixture.test-helper.ts';
import { beijingClock } from '../shared/beijing-time.ts';
import { indexPage } from './index-page.ts';

const zuijia = 'content/shanye/articles/2026/zuijia/index.md';

describe('the desk front page, dist/index.html', () => {
  it('shows account names, Chinese statuses, Beijing times, covers, lint counts and failed articles', async () => {
    const root = await siteRepo({
      [zuijia]: article('title: 全城最佳的手冲\nauthor: 阿禾\nstatus: scheduled\npublish_at: 2026-12-03T12:00:00Z', '这是全城最佳的咖啡，我用iPhone拍的。\n'),
      'content/shanye/articles/2026/huai/index.md': article('title: 坏的\nstatus: 待定'),
    });
    const built = await runCli(['build'], root);
    expect(built.code).toBe(1);
    const page = await readFile(join(root, 'dist/index.html'), 'utf8');

    expect(page).toMatch(/<h2>山野咖啡 <small>shanye · 2 篇，<span class="bad">1 篇构建失败<\/span><\/small><\/h2>/);
    expect(page).toContain('<span class="status s-draft">草稿</span>');
    expect(page).toContain('<span class="status s-scheduled">已排期</span><time datetime="2026-12-03T12:00:00Z">2026-12-03 20:00 北京时间</time>');
    expect(page).not.toMatch(/>(draft|scheduled)</);

    const thumb = page.match(/<img src="(shanye\/dongtian-shouchong\/images\/cover-500x500\.jpg)"/)?.[1];
    expect(thumb).toBeDefined();
    expect(existsSync(join(root, 'dist', thumb!))).toBe(true);

    // The counts are lint's own, for each article.
    const linted: unknown = JSON.parse((await runCli(['lint', '--format', 'json'], root)).stdout);
    const findings = (Array.isArray(linted) ? linted : []).map(parseFinding).filter((f): f is Finding => f !== undefined);
    const count = (file: string, severity: Finding['severity']) => findings.filter((f) => f.file === file && f.severity === severity).length;
    expect(count(zuijia, 'error')).toBeGreaterThan(0);
    const item = (dir: string) => page.slice(page.indexOf(`href="${dir}/preview.html"`)).split('</li>')[0]!;
    const lintHtml = (file: string) => {
      const [errors, warnings] = [count(file, 'error'), count(file, 'warning')];
      if (!errors && !warnings) return '<span class="lint clean">检查通过</span>';
      return `${errors ? `<span class="lint errors">${errors} 个错误</span>` : ''}${warnings ? `<span class="lint warnings">${warnings} 个警告</span>` : ''}`;
    };
    expect(item('shanye/zuijia')).toContain(`<div class="checks">${lintHtml(zuijia)}</div>`);
    expect(item('shanye/dongtian-shouchong')).toContain(`<div class="checks">${lintHtml(articleFile)}</div>`);

    expect(page).toMatch(/<li class="failed">[\s\S]*<span class="title">坏的<\/span>[\s\S]*<code>content\/shanye\/articles\/2026\/huai\/index\.md:\d+:\d+<\/code> [^<]+<span class="rule">schema\/enum<\/span>/);
  });

  it('formats publish times in Beijing time whatever the offset written', () => {
    expect(beijingClock('2026-11-06T20:00:00+08:00')).toBe('2026-11-06 20:00 北京时间');
    expect(beijingClock('2026-12-31T18:30:00Z')).toBe('2027-01-01 02:30 北京时间');
    expect(beijingClock('明天')).toBe('明天');
  });

  it('escapes what articles bring, and names an account without account.yaml by its id', () => {
    const page = indexPage(
      {
        articles: {
          'content/a/articles/2026/x/index.md': { key: 'k', dir: 'a/x', account: 'a', title: '<script>alert(1)</script>', status: 'draft', outputs: {} },
        },
        failed: {},
      },
      new Map(),
    );
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('<h2>a <small>a · 1 篇</small></h2>');
    expect(page).toContain('<span class="lint none">未检查</span>');
  });
});
