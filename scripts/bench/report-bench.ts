import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pullAccount } from '../metrics/index.ts';
import { startFakeWechat, type FakeEvent, type WechatClient } from '../wechat/index.ts';
import { time } from './time.ts';

export type Row = readonly [string, string, string];

/** The full monthly run for every account must stay under this (issue 14). */
const aimMs = 10_000;
/** 2026-12-01 10:00 Beijing time: November is over and pulled. */
const now = Date.parse('2026-12-01T10:00:00+08:00');
const bin = fileURLToPath(new URL('../../bin/mpdesk.js', import.meta.url));

const accountYaml = (index: number) => `name: 托管账号 ${index}
review:
  levels:
    - name: 编辑
      approvers: [editor-${index}]
kpi:
  monthly_reads: ${40_000 + index * 500}
  new_followers: ${800 + index * 10}
  share_rate: 0.04
cadence:
  - {weekday: 二, time: "20:00"}
  - {weekday: 五, time: "20:00"}
`;

const planMarkdown = `---
month: "2026-11"
entries:
${[3, 6, 10, 13, 17, 20, 24, 27].map((day, i) => `  - id: "${String(i + 1).padStart(2, '0')}"\n    topic: 第 ${i + 1} 篇\n    format: 图文\n    publish_at: 2026-11-${String(day).padStart(2, '0')}T20:00:00+08:00`).join('\n')}
---
`;

/** Some accounts' Novembers carry what the anomaly rules look for. */
function eventsOf(index: number): FakeEvent[] {
  if (index % 10 === 3) return [{ day: '2026-11-12', extraReads: 5000 }];
  if (index % 10 === 7) return [{ day: '2026-11-22', extraFollowers: 300 }];
  return [];
}

function runCli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr }));
  });
}

/**
 * An agency's year: `accounts` accounts × 365 days of snapshots pulled through the metrics stage from the fake
 * WeChat's numbers (in-process, no HTTP: only the reports are timed), each with KPI targets, a cadence and a plan
 * for November; then `mpdesk report monthly --all --period 2026-11` as a user runs it, twice (the second finds
 * nothing to change).
 */
export async function benchReport(accounts: number, log: (text: string) => void): Promise<Row[]> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-report-bench-'));
  try {
    log(`生成 ${accounts} 个账号 × 365 天的快照 → ${root}`);
    for (let index = 1; index <= accounts; index++) {
      const id = `account-${index}`;
      await mkdir(join(root, 'content', id, 'plans'), { recursive: true });
      await writeFile(join(root, 'content', id, 'account.yaml'), accountYaml(index));
      await writeFile(join(root, 'content', id, 'plans', '2026-11.md'), planMarkdown);
      const fake = await startFakeWechat({ clock: () => now, datacubeSeed: index, datacubeEvents: eventsOf(index) });
      try {
        const client: Pick<WechatClient, 'post'> = { post: async (endpoint, body) => fake.state.datacubeRows(endpoint, body) };
        await pullAccount({ root, account: id, articles: [], client, clock: () => now, since: '2025-12-01', until: '2026-11-30' });
      } finally {
        await fake.close();
      }
      if (index % 10 === 0) log(`  已生成 ${index}/${accounts}`);
    }
    log('mpdesk report monthly --all --period 2026-11 …');
    const args = ['report', 'monthly', '--all', '--period', '2026-11'];
    const [first, firstMs] = await time(() => runCli(args, root));
    if (first.code !== 0) throw new Error(`report 退出码 ${first.code}：${first.stderr.slice(0, 500)}`);
    const [second, secondMs] = await time(() => runCli(args, root));
    if (second.code !== 0 || !second.stdout.includes('没有变化')) throw new Error(`第二次 report 应当没有变化：${second.stdout.slice(0, 300)}${second.stderr.slice(0, 300)}`);
    const written = (await Promise.all(Array.from({ length: accounts }, (_, i) => readdir(join(root, 'reports', `account-${i + 1}`, '2026-11'))))).reduce((sum, files) => sum + files.length, 0);
    const anomalies = [...first.stdout.matchAll(/异常 (\d+) 处/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return [
      [`月报 report monthly --all（${accounts} 个账号 × 1 年快照）`, `${seconds(firstMs)}（含启动），${accounts} 份报告 + 总览，${written} 张图，${anomalies} 处异常`, `< ${aimMs / 1000} s ${firstMs < aimMs ? '✓' : '✗ 未达标'}`],
      ['  再运行一次 unchanged re-run', `${seconds(secondMs)}，没有文件变化`, ''],
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
