import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFields, loadContent, type ContentSet } from '../content/index.ts';
import { accountYaml, article, makeRepo, type FixtureFiles } from '../testing/fixture-repo.ts';
import type { DeskArticle } from './articles.ts';

// 山野咖啡 at the start of December 2026: November's plan half done, December's under way, the sample's snapshots.

const sampleMetrics = fileURLToPath(new URL('../../reports/qinghe-tea/metrics', import.meta.url));

const plan = (month: string, entries: string) => `---\nmonth: "${month}"\ntheme: 冬天的咖啡\nentries:\n${entries}---\n\n以冬季饮品和产区故事为主。\n`;
const entry = (id: string, topic: string, at: string) => `  - id: "${id}"\n    topic: ${topic}\n    format: 图文\n    owner: 阿禾\n    publish_at: ${at}\n`;
const receipt = (slug: string, at: string) => `\nwechat:\n  state: published\n  url: https://mp.weixin.qq.com/s/${slug}\n  published_at: ${at}`;

export const slugFile = (slug: string) => `content/shanye/articles/2026/${slug}/index.md`;

export function deskFiles(kpi = 'kpi:\n  monthly_reads: 45000\n  new_followers: 1500\n  share_rate: 0.04\n'): FixtureFiles {
  return {
    'content/shanye/account.yaml': `${accountYaml}${kpi}`,
    'content/shanye/plans/2026-11.md': plan(
      '2026-11',
      entry('01', '立冬前把咖啡豆收好', '2026-11-06T20:00:00+08:00') +
        entry('02', '一分钟看懂手冲壶', '2026-11-13T20:00:00+08:00') +
        // 23:59 on the last day of November in Beijing, written in UTC.
        entry('03', '十一月的最后一杯', '2026-11-30T15:59:00Z'),
    ),
    'content/shanye/plans/2026-12.md': plan(
      '2026-12',
      entry('01', '冬天的手冲怎么调水温', '2026-12-03T20:00:00+08:00') + entry('02', '云南咖啡产区巡礼', '2026-12-08T20:00:00+08:00') + entry('03', '圣诞特调：桂皮拿铁', '2026-12-12T12:00:00+08:00'),
    ),
    [slugFile('cun-dou')]: article(`title: 立冬前把咖啡豆收好：密封、避光、别进冰箱\nauthor: 阿禾\nstatus: published\nplan: 2026-11/01\npublish_at: 2026-11-06T20:00:00+08:00${receipt('cun-dou', '2026-11-06T20:00:04+08:00')}`),
    [slugFile('zuihou-yibei')]: article(`title: 十一月的最后一杯\nauthor: 阿禾\nstatus: published\nplan: 2026-11/03\npublish_at: 2026-11-30T15:59:00Z${receipt('zuihou-yibei', '2026-11-30T23:59:02+08:00')}`),
    // 00:30 on 1 December in Beijing: December's, whatever UTC says; December's plan has no entry for it.
    [slugFile('yuedi-bei')]: article(`title: 月初的第一杯：深夜咖啡馆\nauthor: 小满\nstatus: published\npublish_at: 2026-11-30T16:30:00Z${receipt('yuedi-bei', '2026-12-01T00:30:05+08:00')}`),
    [slugFile('dongtian-shouchong')]: article('title: 冬天的手冲，水温要高一点\nauthor: 阿禾\nstatus: approved\nplan: 2026-12/01\npublish_at: 2026-12-03T20:00:00+08:00'),
    [slugFile('chanqu')]: article('title: 云南咖啡产区巡礼：保山与普洱\nauthor: 小满\nstatus: scheduled\nplan: 2026-12/02\npublish_at: 2026-12-08T20:00:00+08:00'),
    [slugFile('doudan')]: article('title: 冬季豆单：三支适合拿铁的豆子\nauthor: 小满\nstatus: review'),
    [slugFile('guipi-natie')]: article('title: 圣诞特调：桂皮拿铁\nauthor: 阿禾\nstatus: draft\nplan: 2026-12/03'),
    [slugFile('qiu-ji')]: article('title: 秋天的产区日记\nauthor: 阿禾\nstatus: archived\npublish_at: 2026-10-16T20:00:00+08:00'),
  };
}

/** What a build makes of every article of the set: built, with its output folder, cover thumbnail and clean lint. */
export function builtArticles(set: ContentSet): DeskArticle[] {
  return set.articles.map((file) => {
    const fields = articleFields(file);
    const dir = `${file.place.account}/${file.place.slug}`;
    return { file: file.source.file, account: file.place.account, title: fields.title ?? file.place.slug, status: fields.status ?? '', ...(fields.publish_at ? { publishAt: fields.publish_at } : {}), dir, thumbnail: 'images/cover-500x500.jpg', lint: { errors: 0, warnings: 0 } };
  });
}

/**
 * Copies the sample's snapshots (qinghe-tea, 2026-09 to 2026-11) into `reports/<account>/metrics/`, each row dated
 * after `until` left out: the snapshots as a pull on that day would have left them.
 */
export async function copySampleSnapshots(root: string, account: string, until = '2026-12-31'): Promise<void> {
  const target = join(root, 'reports', account, 'metrics');
  await mkdir(target, { recursive: true });
  for (const name of await readdir(sampleMetrics)) {
    if (name === 'coverage.csv') continue;
    const [header, ...rows] = (await readFile(join(sampleMetrics, name), 'utf8')).trimEnd().split('\n');
    const kept = rows.filter((row) => row.slice(0, 10) <= until);
    await writeFile(join(target, name), `${[header, ...kept].join('\n')}\n`);
  }
}

export async function deskRepo(files: FixtureFiles = deskFiles()): Promise<{ root: string; set: ContentSet }> {
  const root = await makeRepo(files);
  return { root, set: await loadContent(root) };
}
