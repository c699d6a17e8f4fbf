import { copyFile, cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { between, hanCount, paragraph, people, pick, seeded, sentence, themes, type Random, type Theme } from './prose.ts';

export const benchAccount = 'qinghe-tea';
/** A plan entry per article, as a desk plans them: up to 84 a month (three a day), from January 2026 on. */
const perMonth = 84;
const planThemes = ['新年围炉', '春茶上市', '踏青出行', '雨季咖啡', '夏日冷萃', '山野避暑', '秋收产区', '中秋茶礼', '国庆旅行', '深秋烘焙', '初冬暖饮', '冬日围炉'];
const authors = ['林一', '许青', '何田', '陈小满', '周文'];
const slugWords = ['dongri', 'shanchang', 'shouchong', 'laojie', 'chadian', 'chanqu', 'zaocan', 'xiaolu', 'huolu', 'cunfang'];

interface BenchImage {
  name: string;
  bytes: Buffer;
}

/** Six distinct illustrations; every article reuses them, so the image cache processes each only once. */
async function makeImages(): Promise<BenchImage[]> {
  const svg = (hue: number, shapes: string) =>
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">` +
        `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,78%)"/>` +
        `<stop offset="1" stop-color="hsl(${(hue + 50) % 360},40%,38%)"/></linearGradient></defs>` +
        `<rect width="1600" height="1000" fill="url(#g)"/>${shapes}</svg>`,
    );
  const hills = (hue: number) =>
    `<path d="M0 720 Q400 480 800 700 T1600 640 V1000 H0 Z" fill="hsl(${hue},30%,30%)" opacity="0.7"/>` +
    `<circle cx="1250" cy="260" r="120" fill="hsl(${hue},60%,92%)"/>`;
  const diagram = (hue: number) =>
    Array.from({ length: 5 }, (_, i) => `<rect x="${120 + i * 290}" y="${700 - i * 110}" width="200" height="${200 + i * 110}" fill="hsl(${hue},50%,${30 + i * 8}%)"/>`).join('');
  return [
    { name: 'cover.jpg', bytes: await sharp(svg(150, hills(150))).jpeg({ quality: 85 }).toBuffer() },
    { name: 'shanjing.jpg', bytes: await sharp(svg(100, hills(100))).jpeg({ quality: 85 }).toBuffer() },
    { name: 'chaxi.jpg', bytes: await sharp(svg(30, `<ellipse cx="800" cy="620" rx="420" ry="140" fill="#f4efe6"/>`)).jpeg({ quality: 85 }).toBuffer() },
    { name: 'jiedao.jpg', bytes: await sharp(svg(210, hills(230))).jpeg({ quality: 85 }).toBuffer() },
    { name: 'canshu.png', bytes: await sharp(svg(180, diagram(180))).png().toBuffer() },
    { name: 'liucheng.png', bytes: await sharp(svg(320, diagram(20))).png().toBuffer() },
  ];
}

function slugFor(index: number, theme: Theme, next: Random): string {
  return `${theme.slug}-${pick(next, slugWords)}-${String(index + 1).padStart(4, '0')}`;
}

function table(next: Random, theme: Theme): string {
  const rows: string[][] = [];
  const count = between(next, 4, 7);
  for (let i = 0; i < count; i++) {
    const thing = pick(next, theme.things);
    switch (theme.key) {
      case 'tea':
        rows.push([thing, `${between(next, 3, 9)} 克`, `${between(next, 80, 100)} ℃`, `${between(next, 5, 60)} 秒`, pick(next, theme.advice)]);
        break;
      case 'coffee':
        rows.push([thing, pick(next, ['云南保山', '普洱孟连', '埃塞俄比亚', '哥伦比亚']), pick(next, ['日晒', '水洗', '蜜处理']), `1:${between(next, 13, 17)}`, pick(next, theme.observations)]);
        break;
      case 'travel':
        rows.push([`第 ${i + 1} 天`, pick(next, theme.places), pick(next, ['高铁', '大巴', '步行', '电动车']), `${between(next, 120, 480)} 元`, pick(next, theme.advice)]);
        break;
      case 'food':
        rows.push([thing, pick(next, ['米', '牛肉', '鸭', '糯米粉', '腊肠']), pick(next, theme.actions), `${between(next, 10, 150)} 分钟`, pick(next, theme.observations)]);
        break;
    }
  }
  const head = {
    tea: ['茶', '投茶量', '水温', '头泡时间', '备注'],
    coffee: ['豆子', '产区', '处理法', '粉水比', '风味'],
    travel: ['日期', '地点', '交通', '花费', '提示'],
    food: ['菜', '主料', '做法', '用时', '味道'],
  }[theme.key];
  return [`| ${head.join(' | ')} |`, `|${' --- |'.repeat(5)}`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function codeBlock(next: Random, index: number): string {
  const n = between(next, 2, 6);
  switch (index % 3) {
    case 0:
      return [
        '```json',
        '{',
        `  "name": "冬日冲泡记录 ${index + 1}",`,
        `  "grams": ${between(next, 3, 9)},`,
        '  "steeps": [',
        ...Array.from({ length: n }, (_, i) => `    { "seconds": ${10 + i * between(next, 3, 8)}, "temperature": ${between(next, 85, 100)} }${i < n - 1 ? ',' : ''}`),
        '  ],',
        `  "notes": { "aroma": "焙火", "sweet": ${next() < 0.5} }`,
        '}',
        '```',
      ].join('\n');
    case 1:
      return [
        '```python',
        'def brew_times(first: int, steeps: int, step: int = 5) -> list[int]:',
        '    """每一泡比上一泡多停几秒。"""',
        '    times = []',
        '    for i in range(steeps):',
        '        if i == 0:',
        '            times.append(first)',
        '        else:',
        `            times.append(times[-1] + step * ${between(next, 1, 3)})`,
        '    return times',
        '',
        `print(brew_times(${between(next, 5, 15)}, ${n}))`,
        '```',
      ].join('\n');
    default:
      return [
        '```bash',
        '#!/usr/bin/env bash',
        'set -euo pipefail',
        `for photo in photos/day-${between(next, 1, 5)}/*.jpg; do`,
        '  if [ -s "$photo" ]; then',
        `    convert "$photo" -resize ${between(next, 10, 20) * 100}x -quality 85 "out/$(basename "$photo")"`,
        '  else',
        '    echo "跳过空文件：$photo" >&2',
        '  fi',
        'done',
        '```',
      ].join('\n');
  }
}

/** One article of about 3,000 Han characters, exercising every construct the renderer handles. */
export function articleMarkdown(index: number, images: readonly string[]): { slug: string; text: string } {
  const next = seeded(index + 1);
  const theme = themes[index % themes.length]!;
  const slug = slugFor(index, theme, next);
  const title = `${pick(next, theme.titles)}（第 ${index + 1} 期）`;
  const [first, second] = images;
  const target = between(next, 2750, 3050);
  // Each heading once per article, in a different order each time.
  const headings = [...theme.headings];
  for (let i = headings.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [headings[i], headings[j]] = [headings[j]!, headings[i]!];
  }
  const heading = () => headings.shift() ?? pick(next, theme.headings);
  const links = [
    ['铁路购票', 'https://www.12306.cn/'],
    ['天气预报', 'https://weather.cma.cn/'],
    ['地图', 'https://map.baidu.com/'],
    ['菜谱', 'https://www.xiachufang.com/'],
    ['茶叶标准', 'https://openstd.samr.gov.cn/'],
    ['咖啡协会', 'https://sca.coffee/'],
  ] as const;
  const [linkA, linkB] = [links[index % 3]!, links[3 + ((index >> 2) % 3)]!];

  const blocks: string[][] = [];
  const prose = (count: number) => Array.from({ length: count }, () => paragraph(next, theme));
  blocks.push([...prose(1), `![${pick(next, theme.places)}的插画](./${first})`, ...prose(1)]);
  blocks.push([
    `## ${heading()}`,
    ...prose(1),
    [
      `- ${pick(next, theme.things)}`,
      `  - ${pick(next, theme.observations)}`,
      `    - ${pick(next, theme.advice)}`,
      `  - ${pick(next, theme.observations)}`,
      `- ${pick(next, theme.things)}`,
      `  - ${sentence(next, theme)}`,
      `- ${pick(next, theme.things)}`,
    ].join('\n'),
    ...prose(1),
  ]);
  blocks.push([
    `## ${heading()}`,
    ...prose(1),
    [
      `1. ${pick(next, theme.actions)}`,
      `2. ${pick(next, theme.actions)}`,
      `   1. ${pick(next, theme.advice)}`,
      `   2. ${pick(next, theme.advice)}`,
      `3. ${pick(next, theme.actions)}`,
    ].join('\n'),
    `### ${heading()}`,
    ...prose(1),
    codeBlock(next, index),
  ]);
  blocks.push([
    `## ${heading()}`,
    ...prose(1),
    table(next, theme),
    `> ${sentence(next, theme)}${sentence(next, theme)}\n>\n> ——${pick(next, people)}`,
    ...prose(1),
    `> [!TIP]\n> ${sentence(next, theme)}${pick(next, theme.advice)}。`,
  ]);
  blocks.push([
    `## ${heading()}`,
    ...prose(1),
    `出发前可以先看看[${linkA[0]}](${linkA[1]})和[${linkB[0]}](${linkB[1]})的说明，` +
      `也可以回看我们的[上一篇](https://mp.weixin.qq.com/s/${slug.replace(/-/g, '').slice(0, 12)}Xq7b9kLm2N)。${sentence(next, theme).replace(/[。！？]$/, '')}[^1]。`,
    [`- [x] ${pick(next, theme.actions)}`, `- [x] ${pick(next, theme.advice)}`, `- [ ] ${pick(next, theme.actions)}`, `- [ ] ${pick(next, theme.advice)}`].join('\n'),
    `![${pick(next, theme.things)}](./${second})`,
  ]);
  blocks.push([`## 写在最后`, ...prose(1)]);

  // Pad the prose sections until the article reaches its length, so sizes vary around 3,000 characters.
  const prosy = [0, 1, 2, 4, 5];
  const length = () => hanCount(blocks.flat().join('\n'));
  for (let i = 0; length() < target; i++) blocks[prosy[i % prosy.length]!]!.splice(-1, 0, paragraph(next, theme));

  const frontmatter = [
    '---',
    `title: ${title}`,
    `author: ${pick(next, authors)}`,
    `digest: ${sentence(next, theme).replace(/[*「」]/g, '').slice(0, 100)}`,
    'cover: ./cover.jpg',
    'status: draft',
    `plan: ${planEntry(index)}`,
    `tags: [${theme.tag}, 冬季]`,
    'original: true',
    'sponsored: false',
    '---',
  ].join('\n');
  const footnote = `[^1]: ${sentence(next, theme).replace(/[*「」]/g, '')}`;
  return { slug, text: `${frontmatter}\n\n${blocks.map((b) => b.join('\n\n')).join('\n\n')}\n\n${footnote}\n` };
}

const monthOf = (index: number) => `${2026 + Math.floor(index / perMonth / 12)}-${String((Math.floor(index / perMonth) % 12) + 1).padStart(2, '0')}`;
const entryId = (index: number) => String((index % perMonth) + 1).padStart(2, '0');

/** The plan entry of the article at `index`: each article its own, so none is reported as reused. */
function planEntry(index: number): string {
  return `${monthOf(index)}/${entryId(index)}`;
}

/** The month's plan with an entry for each of the articles `first` to `last` (inclusive). */
function planMarkdown(first: number, last: number): string {
  const month = monthOf(first);
  const entries = [];
  for (let i = first; i <= last; i++) {
    const theme = themes[i % themes.length]!;
    const k = i % perMonth;
    const day = String(1 + Math.floor(k / 3)).padStart(2, '0');
    const hour = ['08', '12', '20'][k % 3];
    entries.push(
      [
        `  - id: "${entryId(i)}"`,
        `    topic: ${theme.titles[i % theme.titles.length]}`,
        '    format: 图文',
        `    owner: ${authors[i % authors.length]}`,
        `    publish_at: ${month}-${day}T${hour}:00:00+08:00`,
      ].join('\n'),
    );
  }
  const theme = planThemes[Number(month.slice(5)) - 1]!;
  return `---\nmonth: "${month}"\ntheme: ${theme}\nentries:\n${entries.join('\n')}\n---\n\n本月以${theme}为主题，饮品、产区和旅行故事穿插。\n`;
}

export interface Corpus {
  /** index.md of every article, in generation order. */
  articles: string[];
  /** How many monthly plans hold the articles' entries. */
  plans: number;
  hanCharacters: number;
  bytes: number;
}

/**
 * Writes one account, `count` articles and the monthly plans with an entry for each, with the repository's themes,
 * and the sample's metrics snapshots and monthly report.
 */
export async function writeCorpus(repoRoot: string, root: string, count: number, onProgress: (done: number) => void): Promise<Corpus> {
  await cp(join(repoRoot, 'styles'), join(root, 'styles'), { recursive: true });
  const accountDir = join(root, 'content', benchAccount);
  await mkdir(join(accountDir, 'plans'), { recursive: true });
  await copyFile(join(repoRoot, 'content', benchAccount, 'account.yaml'), join(accountDir, 'account.yaml'));
  // The sample's snapshots and report: the desk reads them on every build, changed or not.
  const reports = join(root, 'reports', benchAccount);
  await cp(join(repoRoot, 'reports', benchAccount, 'metrics'), join(reports, 'metrics'), { recursive: true });
  await copyFile(join(repoRoot, 'reports', benchAccount, '2026-11.html'), join(reports, '2026-11.html'));
  let plans = 0;
  for (let first = 0; first < count; first += perMonth, plans++) {
    await writeFile(join(accountDir, 'plans', `${monthOf(first)}.md`), planMarkdown(first, Math.min(count, first + perMonth) - 1));
  }

  const images = await makeImages();
  const imageDir = join(root, '.bench-images');
  await mkdir(imageDir);
  for (const image of images) await writeFile(join(imageDir, image.name), image.bytes);
  const body = images.filter((image) => image.name !== 'cover.jpg');

  const corpus: Corpus = { articles: [], plans, hanCharacters: 0, bytes: 0 };
  for (let i = 0; i < count; i++) {
    const chosen = [body[i % body.length]!.name, body[(i + 2) % body.length]!.name];
    const { slug, text } = articleMarkdown(i, chosen);
    const dir = join(accountDir, 'articles', '2026', slug);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.md'), text);
    for (const name of ['cover.jpg', ...chosen]) await copyFile(join(imageDir, name), join(dir, name));
    corpus.articles.push(join(dir, 'index.md'));
    corpus.hanCharacters += hanCount(text);
    corpus.bytes += Buffer.byteLength(text);
    if ((i + 1) % 100 === 0 || i + 1 === count) onProgress(i + 1);
  }
  return corpus;
}
