import { cp, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { recordMerge } from '../review/index.ts';
import { makeGitRepo, type Author, type TestRepo } from './git-repo.ts';

const styles = fileURLToPath(new URL('../../styles', import.meta.url));

export const writer: Author = { name: '陈晓', email: 'chenxiao@qinghe.example' };
export const operator: Author = { name: '王芳', email: 'wangfang@qinghe.example' };
export const approvals = [
  { name: '林一', level: '编辑' },
  { name: '周文', level: '审稿' },
];

export const accountYaml = `name: 青禾茶事
description: 一家从杭州出发的小茶铺，分享泡茶、存茶和茶空间里的故事。
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

/** The folder of an article of the test account. */
export const articleDir = (slug: string) => `content/qinghe-tea/articles/2026/${slug}`;

export interface ArticleSpec {
  slug: string;
  title: string;
  status?: string;
  /** Extra frontmatter lines. */
  extra?: string;
  /** Body images, by file name; each is a distinct picture. */
  images?: string[];
  plan?: string;
  /** Default 2026-12-03T20:00:00+08:00. */
  publishAt?: string;
  /** The cover and body images of two articles with the same seed are the same pictures, byte for byte. */
  imageSeed?: number;
}

export function articleText(spec: ArticleSpec): string {
  const images = (spec.images ?? ['weilu.jpg', 'chaxi.png']).map((name, i) => `\n![茶席第 ${i + 1} 张：炭炉上的陶壶](./${name})\n`).join('');
  return [
    '---',
    `title: ${spec.title}`,
    'author: 陈晓',
    'cover: ./cover.jpg',
    `status: ${spec.status ?? 'approved'}  # 审核通过后由编辑改`,
    `publish_at: ${spec.publishAt ?? '2026-12-03T20:00:00+08:00'}`,
    ...(spec.plan ? [`plan: ${spec.plan}`] : []),
    'tags: [冬季, 煮茶]',
    'original: true',
    'sponsored: false',
    'comments: open',
    ...(spec.extra ? [spec.extra.trim()] : []),
    '---',
    '',
    '冬至前后，杭州的早晚已经很冷了。茶空间里这几天最常被问的一句话是：围炉煮茶要准备些什么？',
    images,
    '## 准备',
    '',
    '一只耐热的陶壶，一个小炭炉，再配一点老白茶或者熟普。先把水烧到将开未开，再投茶，小火慢慢煮上五六分钟。',
    '',
    '煮好的茶汤颜色像琥珀，捧在手里，人也跟着暖和起来。',
    '',
  ].join('\n');
}

/** A picture sharp can process, different for each `seed`, in the format its name says. */
export async function picture(name: string, seed: number, width = 900, height = 600): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: (seed * 53) % 256, g: (seed * 97) % 256, b: (seed * 31) % 256 } } });
  return name.endsWith('.png') ? image.png().toBuffer() : image.jpeg({ quality: 80 }).toBuffer();
}

/** The article's files: its text, its cover and body images. */
export async function articleFiles(spec: ArticleSpec, seed: number): Promise<Record<string, string | Buffer>> {
  const dir = articleDir(spec.slug);
  const files: Record<string, string | Buffer> = { [`${dir}/index.md`]: articleText(spec), [`${dir}/cover.jpg`]: await picture('cover.jpg', spec.imageSeed ?? seed, 1200, 800) };
  for (const [i, name] of (spec.images ?? ['weilu.jpg', 'chaxi.png']).entries()) files[`${dir}/${name}`] = await picture(name, (spec.imageSeed ?? seed) * 10 + i + 1);
  return files;
}

/**
 * A repository where the articles were written on a branch and merged with `mpdesk review record` (林一 编辑, 周文
 * 审稿): approved, their approval on record. `plan` is an extra plan file to commit with the account.
 */
export async function approvedRepo(specs: readonly ArticleSpec[], plan?: string): Promise<TestRepo> {
  const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': accountYaml, ...(plan ? { 'content/qinghe-tea/plans/2026-12.md': plan } : {}) }, operator, '2026-11-20T10:00:00+08:00');
  // The themes, as in a real repository; committed with the articles, which is how they arrive there too.
  await cp(styles, join(repo.root, 'styles'), { recursive: true });
  await repo.git.checkoutLocalBranch('chenxiao/dongzhi');
  const files: Record<string, string | Buffer> = {};
  for (const [i, spec] of specs.entries()) Object.assign(files, await articleFiles(spec, i + 1));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(repo.root, file)), { recursive: true });
    await writeFile(join(repo.root, file), content);
  }
  await repo.as(writer, '2026-11-25T10:00:00+08:00', (git) => git.add(['-A']).then(() => git.commit('新稿：冬至围炉煮茶')));
  await repo.git.checkout('main');
  const merged = await recordMerge({ root: repo.root, branch: 'chenxiao/dongzhi', approvals, reviewedOn: 'https://gitee.com/qinghe/content/pulls/7' });
  if (!merged.merged) throw new Error(`审核合并没有成功：${merged.problems.join('；')}`);
  return repo;
}
