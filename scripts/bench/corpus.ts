import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

const phrases = [
  '冬天的茶汤更容易凉', '先用热水温一遍盖碗', '岩茶的焙火香气在低温里散得慢', '白茶存放几年会带出枣香', '出汤要快一点',
  '水温回落到 85 ℃ 上下', '茶空间里常被问到', '用马克杯闷泡也不容易出错', '绿茶从冰箱取出后先回温', '六堡茶滋味醇和',
  '在武夷山跟茶农走了一天', '山场的差别会写进茶汤里', '小程序下单时可以备注冲泡需求', '每一泡都比上一泡多停几秒', '茶席不必讲究，干净就好',
];

/** A small deterministic PRNG, so every run generates the same corpus. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function paragraph(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => phrases[Math.floor(next() * phrases.length)]).join('，') + '。';
}

/** About 3,000 Chinese characters with every construct the renderer handles. */
export function articleMarkdown(index: number): string {
  const next = random(index + 1);
  const paragraphs = (count: number) => Array.from({ length: count }, () => paragraph(next, 8)).join('\n\n');
  return `---
title: 冬日茶事第 ${index + 1} 篇
author: 林一
status: draft
cover: ./cover.jpg
tags: [茶知识]
original: true
sponsored: false
---

${paragraphs(4)}

![茶山的插画](./${index % 2 ? 'a' : 'b'}.jpg)

## 怎么选

${paragraphs(5)}

- 发酵较轻
  - 绿茶：${phrases[index % phrases.length]}
    - 寿眉适合煮着喝
- 发酵较重

1. 温杯
2. 投茶
   1. 先放三克
3. 出汤

- [ ] 备水
- [x] 备茶

\`\`\`python
def brew(temperature):
    if temperature > 85:
\treturn "稍等一会"
    return "可以冲泡"
\`\`\`

| 茶类 | 投茶量 | 水温 | 时间 | 次数 |
|---|---|---|---|---|
| 绿茶 | 3 克 | 85 ℃ | 30 秒 | 3 |
| 岩茶 | 8 克 | 100 ℃ | 10 秒 | 7 |

> ${paragraph(next, 3)}

> [!TIP]
> ${paragraph(next, 2)}

参考[茶叶标准](https://openstd.samr.gov.cn/)和[茶叶博物馆](https://www.teamuseum.cn/)，也可以读[上一篇](https://mp.weixin.qq.com/s/abcdefghijklmnopqrstuv)[^1]。

## 小结

${paragraphs(5)}

![茶席的插画](./c.png)

[^1]: ${paragraph(next, 2)}
`;
}

/** Writes an account with `count` articles under `root` and returns the path of one article. */
export async function writeCorpus(root: string, repoRoot: string, count: number, onProgress: (done: number) => void): Promise<string> {
  await cp(join(repoRoot, 'styles'), join(root, 'styles'), { recursive: true });
  await cp(join(repoRoot, 'content/qinghe-tea/account.yaml'), join(root, 'content/bench/account.yaml'));
  const svg = (hue: number) =>
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><defs><linearGradient id="g"><stop offset="0" stop-color="hsl(${hue},40%,70%)"/><stop offset="1" stop-color="hsl(${hue + 60},40%,40%)"/></linearGradient></defs><rect width="1600" height="1000" fill="url(#g)"/><circle cx="800" cy="500" r="300" fill="hsl(${hue},30%,90%)"/></svg>`);
  const images = {
    'a.jpg': await sharp(svg(100)).jpeg().toBuffer(),
    'b.jpg': await sharp(svg(30)).jpeg().toBuffer(),
    'c.png': await sharp(svg(200)).png().toBuffer(),
    'cover.jpg': await sharp(svg(150)).resize(1800, 766).jpeg().toBuffer(),
  };
  let first = '';
  for (let i = 0; i < count; i++) {
    const dir = join(root, 'content/bench/articles/2026', `article-${String(i).padStart(4, '0')}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.md'), articleMarkdown(i));
    for (const [name, bytes] of Object.entries(images)) await writeFile(join(dir, name), bytes);
    if (i === 0) first = join(dir, 'index.md');
    if ((i + 1) % 100 === 0) onProgress(i + 1);
  }
  return first;
}
