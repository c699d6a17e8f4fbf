import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export const accountYaml = `name: 山野咖啡
description: 一家在大理的小咖啡馆，讲咖啡豆、手冲和云南的山。
theme: default
default_author: 阿禾
limits:
  title: 32
  author: 8
  digest: 120
review:
  levels:
    - name: 编辑
      approvers: [a-he]
    - name: 审稿
      approvers: [shanye/reviewers]
`;

export const planMarkdown = `---
month: "2026-12"
theme: 冬天的咖啡
entries:
  - id: "01"
    topic: 冬天的手冲怎么调水温
    format: 图文
    owner: 阿禾
    publish_at: 2026-12-03T20:00:00+08:00
  - id: "02"
    topic: 云南咖啡产区巡礼
    publish_at: 2026-12-10T20:00:00+08:00
---

十二月以冬季饮品和产区故事为主。
`;

export function article(frontmatter: string, body = '冬天水温掉得快，手冲时可以先温杯。\n'): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body}`;
}

export const validArticle = article(
  `title: 冬天的手冲，水温要高一点
author: 阿禾
status: draft
plan: 2026-12/01
cover: ./cover.jpg
tags: [手冲, 冬季]
original: true
sponsored: false`,
  '## 温杯\n\n![温好的杯子](./cup.png)\n\n冬天水温掉得快，手冲时可以先温杯。\n',
);

// A real 1x1 PNG: small, and decodable by every check that opens images.
const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000970485973000003e8000003e801b57b526b0000000c49444154089963f8ffff3f0005fe02fe58f26b0e0000000049454e44ae426082',
  'hex',
);

export type FixtureFiles = Record<string, string | Uint8Array>;

/** The files of a small valid repository with one account (`shanye`), one plan and one article. */
export function baseFiles(): FixtureFiles {
  return {
    'content/shanye/account.yaml': accountYaml,
    'content/shanye/plans/2026-12.md': planMarkdown,
    'content/shanye/articles/2026/dongtian-shouchong/index.md': validArticle,
    'content/shanye/articles/2026/dongtian-shouchong/cover.jpg': png,
    'content/shanye/articles/2026/dongtian-shouchong/cup.png': png,
  };
}

/** Writes the files into a new temporary folder and returns its path. */
export async function makeRepo(files: FixtureFiles): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-test-'));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), content);
  }
  return root;
}

/** A valid PNG of a few dozen bytes whose header declares `width`×`height` pixels: a decompression bomb. */
export function declaredPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(100))), chunk('IEND', Buffer.alloc(0))]);
}
