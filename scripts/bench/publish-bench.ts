import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { simpleGit } from 'simple-git';
import { publishArticles, type PublishReport } from '../publish/index.ts';
import { recordMerge } from '../review/index.ts';
import { createWechatClient, startFakeWechat, type FakeWechat } from '../wechat/index.ts';
import { time } from './time.ts';

const account = 'qinghe-tea';
const imagesPerArticle = 5;

const accountYaml = `name: 青禾茶事
default_author: 青禾编辑部
wechat:
  appid: wx1234567890abcdef
  secret_env: QINGHE_WECHAT_SECRET
review:
  levels:
    - name: 编辑
      approvers: [林一]
    - name: 审稿
      approvers: [周文]
`;

/** A photo-like picture, different for every seed: a gradient with a few shapes, as JPEG (or PNG for every fifth). */
async function picture(seed: number, png: boolean): Promise<Buffer> {
  const hue = (seed * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="hsl(${hue},40%,70%)"/>` +
    `<circle cx="${200 + (seed * 37) % 800}" cy="${150 + (seed * 53) % 500}" r="${60 + (seed % 90)}" fill="hsl(${(hue + 120) % 360},50%,40%)"/>` +
    `<path d="M0 600 Q300 ${400 + (seed % 200)} 600 580 T1200 560 V800 H0 Z" fill="hsl(${(hue + 200) % 360},30%,30%)"/></svg>`;
  const image = sharp(Buffer.from(svg));
  return png ? image.png().toBuffer() : image.jpeg({ quality: 82 }).toBuffer();
}

function articleText(index: number): string {
  const images = Array.from({ length: imagesPerArticle }, (_, i) => `![第 ${index + 1} 篇的第 ${i + 1} 张图：茶席与远山](./photo-${i + 1}.${i === 4 ? 'png' : 'jpg'})\n\n冬天的茶席，第 ${i + 1} 段：先温杯，再投茶，水温九十度上下，出汤要快。\n`).join('\n');
  return `---\ntitle: 冬日茶席第 ${index + 1} 期\nauthor: 陈晓\ncover: ./cover.jpg\nstatus: approved\npublish_at: 2026-12-03T20:00:00+08:00\noriginal: true\nsponsored: false\ncomments: open\n---\n\n进入十二月，茶空间里最常被问到的是冬天怎么喝茶。这一期讲第 ${index + 1} 种茶席的摆法。\n\n${images}`;
}

/** A repository of `count` approved articles (each with a cover and five images of its own), merged with review. */
async function approvedRepository(repoRoot: string, count: number, log: (text: string) => void): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-bench-publish-'));
  const git = simpleGit(root);
  await git.init(['-b', 'main']);
  for (const [key, value] of [['user.name', '运营 王芳'], ['user.email', 'operator@qinghe.example'], ['commit.gpgsign', 'false']]) await git.addConfig(key!, value!);
  await mkdir(join(root, 'content', account), { recursive: true });
  await writeFile(join(root, 'content', account, 'account.yaml'), accountYaml);
  await cp(join(repoRoot, 'styles'), join(root, 'styles'), { recursive: true });
  await git.add(['-A']).then(() => git.commit('初始化内容仓库'));
  await git.checkoutLocalBranch('chenxiao/dongri');
  for (let index = 0; index < count; index++) {
    const dir = join(root, 'content', account, 'articles', '2026', `dongri-chaxi-${String(index + 1).padStart(3, '0')}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.md'), articleText(index));
    await writeFile(join(dir, 'cover.jpg'), await picture(index * 10, false));
    for (let i = 0; i < imagesPerArticle; i++) await writeFile(join(dir, `photo-${i + 1}.${i === 4 ? 'png' : 'jpg'}`), await picture(index * 10 + i + 1, i === 4));
    if ((index + 1) % 10 === 0) log(`  已生成 ${index + 1}/${count}`);
  }
  await git.add(['-A']);
  await git.commit('新稿：冬日茶席', undefined, { '--author': '陈晓 <chenxiao@qinghe.example>' });
  await git.checkout('main');
  const merged = await recordMerge({ root, branch: 'chenxiao/dongri', approvals: [{ name: '林一', level: '编辑' }, { name: '周文', level: '审稿' }] });
  if (!merged.merged) throw new Error(`审核合并失败：${merged.problems.join('；')}`);
  return root;
}

/**
 * Publishing `count` articles of five images each against the fake WeChat on 127.0.0.1, with the real client:
 * the first push (uploads and drafts), an unchanged re-run (which must call nothing that uploads or drafts), then
 * publishing them all. Polls wait on a virtual clock, so the figures are mpdesk's and the loopback's, not WeChat's.
 */
export async function benchPublish(repoRoot: string, count: number, log: (text: string) => void): Promise<Array<readonly [string, string, string]>> {
  log(`生成 ${count} 篇、每篇 ${imagesPerArticle} 张图和一张封面的已审核文章 …`);
  const root = await approvedRepository(repoRoot, count, log);
  let fake: FakeWechat | undefined;
  try {
    let now = Date.parse('2026-12-03T20:00:05+08:00');
    const sleep = async (ms: number) => void (now += ms);
    fake = await startFakeWechat({ clock: () => now, publishPolls: 1 });
    const client = createWechatClient({ appid: fake.appid, secret: fake.secret, baseUrl: fake.baseUrl, cacheDir: join(root, '.cache', 'mpdesk'), clock: () => now, sleep });
    const wechat = fake;
    const run = async (label: string, submit: boolean): Promise<[PublishReport, number, number]> => {
      log(label);
      const before = wechat.calls.length;
      const [report, ms] = await time(() => publishArticles({ root, paths: [], account, submit, clientFor: () => client, clock: { now: () => new Date(now), sleep } }));
      const failed = report.results.filter((r) => r.outcome === 'error' || r.outcome === 'refused');
      if (report.refusals.length || failed.length) throw new Error(`${label}：${[...report.refusals.map((f) => `${f.file}: ${f.message}`), ...failed.map((r) => `${r.file}: ${r.message}`)].slice(0, 5).join('\n')}`);
      return [report, ms, wechat.calls.length - before];
    };
    const uploadsAndDrafts = (from: number) => wechat.calls.slice(from).filter((c) => /uploadimg|add_material|draft\/(add|update)/.test(c.endpoint)).length;

    const [, firstMs, firstCalls] = await run('首次推送草稿 first push …', false);
    const mark = wechat.calls.length;
    const [, againMs, againCalls] = await run('无变化重跑 unchanged re-run …', false);
    const again = uploadsAndDrafts(mark);
    const [, submitMs, submitCalls] = await run('全部发表 submit all …', true);
    const perArticle = (calls: number) => (calls / count).toFixed(1);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const submits = wechat.calls.slice(mark + againCalls).filter((c) => c.endpoint.endsWith('freepublish/submit')).length;
    return [
      [`发布首次推送 publish first push（${count} 篇 × ${imagesPerArticle} 图）`, `${s(firstMs)}，${(count / (firstMs / 1000)).toFixed(1)} 篇/秒，每篇 ${perArticle(firstCalls)} 次调用（${wechat.state.bodyImages.length} 张正文图、${wechat.state.materials.size} 张封面、${wechat.state.drafts.size} 个草稿）`, ''],
      ['  无变化重跑 unchanged re-run', `${s(againMs)}，${againCalls} 次调用，其中上传和草稿 ${again} 次`, `上传和草稿 0 次 ${again === 0 ? '✓' : '✗ 未达标'}`],
      ['  全部发表 submit all', `${s(submitMs)}，每篇 ${perArticle(submitCalls)} 次调用（提交 ${perArticle(submits)}、查询 ${perArticle(submitCalls - submits)}）`, ''],
    ];
  } finally {
    await fake?.close();
    await rm(root, { recursive: true, force: true });
  }
}
