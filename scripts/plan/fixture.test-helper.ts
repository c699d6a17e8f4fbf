import { loadContent } from '../content/index.ts';
import { makeRepo, type FixtureFiles } from '../testing/fixture-repo.ts';

// A small coffee account that publishes on Tuesday and Friday evenings, with plans and articles written the way its
// editors write them. Tests add or replace files to make the case they need.

export const accountYaml = (extra = `cadence:\n  - {weekday: 二, time: "20:00"}\n  - {weekday: 五, time: "20:00"}\nbest_hours: [12, 20, 21]\n`) => `name: 山野咖啡
description: 一家在大理的小咖啡馆，讲咖啡豆、手冲和云南的山。
default_author: 阿禾
review:
  levels:
    - name: 编辑
      approvers: [a-he]
    - name: 审稿
      approvers: [shanye/reviewers]
${extra}`;

export interface EntrySpec {
  id: string;
  topic: string;
  publish_at: string;
  format?: string;
  owner?: string;
  goal?: string;
}

/** A plan file as an editor writes it: quoted month and ids, one key a line. */
export function planFile(month: string, entries: readonly EntrySpec[]): string {
  const lines = entries.map((entry) =>
    [
      `  - id: "${entry.id}"`,
      `    topic: ${entry.topic}`,
      ...(entry.format ? [`    format: ${entry.format}`] : []),
      ...(entry.owner ? [`    owner: ${entry.owner}`] : []),
      `    publish_at: ${entry.publish_at}`,
      ...(entry.goal ? [`    goal: ${entry.goal}`] : []),
    ].join('\n'),
  );
  return `---\nmonth: "${month}"\ntheme: 冬天的咖啡\nentries:\n${lines.join('\n')}\n---\n\n十二月以冬季饮品和产区故事为主。\n`;
}

export interface ArticleSpec {
  title: string;
  status: string;
  publish_at?: string;
  plan?: string;
  url?: string;
}

export function articleFile(spec: ArticleSpec): string {
  const lines = [
    `title: ${spec.title}`,
    'author: 阿禾',
    `status: ${spec.status}`,
    ...(spec.publish_at ? [`publish_at: ${spec.publish_at}`] : []),
    ...(spec.plan ? [`plan: ${spec.plan}`] : []),
    'original: true',
    ...(spec.url ? ['wechat:', '  state: published', `  url: ${spec.url}`, `  published_at: ${spec.publish_at}`] : []),
  ];
  return `---\n${lines.join('\n')}\n---\n\n冬天水温掉得快，手冲时可以先温杯。\n`;
}

export const decemberEntries: EntrySpec[] = [
  { id: '01', topic: '冬天的手冲怎么调水温', format: '图文', owner: '阿禾', publish_at: '2026-12-01T20:00:00+08:00', goal: '拉新' },
  { id: '02', topic: '云南咖啡产区巡礼：保山与普洱', format: '视频', owner: '小满', publish_at: '2026-12-04T20:00:00+08:00' },
  { id: '03', topic: '圣诞特调：桂皮拿铁', format: '图文', owner: '阿禾', publish_at: '2026-12-08T20:00:00+08:00', goal: '到店' },
];

export const articlePath = (slug: string) => `content/shanye/articles/2026/${slug}/index.md`;

/** The coffee account with its December plan and one article for its first entry. */
export function coffeeFiles(): FixtureFiles {
  return {
    'content/shanye/account.yaml': accountYaml(),
    'content/shanye/plans/2026-12.md': planFile('2026-12', decemberEntries),
    [articlePath('dongtian-shouchong')]: articleFile({ title: '冬天的手冲，水温要高一点', status: 'scheduled', publish_at: '2026-12-01T20:00:00+08:00', plan: '2026-12/01' }),
  };
}

export async function coffeeRepo(files: FixtureFiles = {}): Promise<string> {
  return makeRepo({ ...coffeeFiles(), ...files });
}

export async function coffeeSet(files: FixtureFiles = {}) {
  return loadContent(await coffeeRepo(files));
}
