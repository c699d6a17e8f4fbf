import { mkdtemp, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWechatClient, startFakeWechat, type FakeWechat } from '../wechat/index.ts';
import { loadSnapshots, pullAccount, type PullResult } from '../metrics/index.ts';
import { time } from './time.ts';

export type Row = readonly [string, string, string];

/** Loading every snapshot back must stay under this (issue 13). */
const loadAimMs = 2000;
/** Accounts pulled at once, as the scheduled workflow's jobs run side by side. */
const parallel = 8;
/** 2026-12-03 10:00 Beijing time: yesterday is ready. */
const now = Date.parse('2026-12-03T10:00:00+08:00');
const dayMs = 86_400_000;

const accountYaml = (index: number) => `name: 托管账号 ${index}
review:
  levels:
    - name: 编辑
      approvers: [editor-${index}]
wechat:
  appid: wx${index.toString(16).padStart(16, '0')}
`;

async function folderBytes(dir: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const account of await readdir(join(dir, 'reports'))) {
    for (const name of await readdir(join(dir, 'reports', account, 'metrics'))) {
      const dataset = name.replace(/-\d{4}\.csv$|\.csv$/, '');
      sizes.set(dataset, (sizes.get(dataset) ?? 0) + (await stat(join(dir, 'reports', account, 'metrics', name))).size);
    }
  }
  return sizes;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * An agency's archive: `accounts` accounts × `days` days pulled from the fake WeChat over HTTP (one fake per
 * account, its own seed), the second pull that finds nothing to ask, and every snapshot loaded back.
 */
export async function benchMetrics(accounts: number, days: number, log: (text: string) => void): Promise<Row[]> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-metrics-bench-'));
  const fakes: FakeWechat[] = [];
  try {
    for (let index = 1; index <= accounts; index++) {
      await mkdir(join(root, 'content', `account-${index}`), { recursive: true });
      await writeFile(join(root, 'content', `account-${index}`, 'account.yaml'), accountYaml(index));
      fakes.push(await startFakeWechat({ clock: () => now, datacubeSeed: index, appid: `wx${index.toString(16).padStart(16, '0')}` }));
    }
    const since = new Date(now + 8 * 3_600_000 - days * dayMs).toISOString().slice(0, 10);
    log(`拉取 ${accounts} 个账号 × ${days} 天（从 ${since} 起），同时 ${parallel} 个账号 → ${root}`);
    const pullAll = async (): Promise<PullResult[]> => {
      const results: PullResult[] = [];
      let next = 0;
      const worker = async () => {
        for (let index = next++; index < accounts; index = next++) {
          const fake = fakes[index]!;
          const client = createWechatClient({ appid: fake.appid, secret: fake.secret, baseUrl: fake.baseUrl, cacheDir: join(root, '.cache'), clock: () => now });
          results.push(await pullAccount({ root, account: `account-${index + 1}`, articles: [], client, clock: () => now, since }));
          if (results.length % 10 === 0) log(`  已拉取 ${results.length}/${accounts}`);
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, accounts) }, worker));
      return results;
    };
    const [first, pullMs] = await time(pullAll);
    const problems = first.flatMap((result) => [...result.problems, ...(result.stopped ? [result.stopped.message] : [])]);
    if (problems.length) throw new Error(`拉取出错：${problems.slice(0, 3).join('；')}`);
    const calls = first.reduce((sum, result) => sum + result.calls, 0);
    const rows = first.reduce((sum, result) => sum + result.added, 0);
    log('再拉一次（应当什么都不问）…');
    const [second, againMs] = await time(pullAll);
    const againCalls = second.reduce((sum, result) => sum + result.calls, 0);
    const sizes = await folderBytes(root);
    const total = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
    log('读回全部快照 …');
    // Warm once, as a report run reading the snapshots is a warm process by then; the figure is the second load.
    await loadSnapshots(root);
    const cpuBefore = process.cpuUsage();
    const [loaded, loadMs] = await time(() => loadSnapshots(root));
    const cpu = process.cpuUsage(cpuBefore);
    const loadCpuMs = (cpu.user + cpu.system) / 1000;
    let loadedRows = 0;
    for (const snapshots of loaded.values()) for (const frame of Object.values(snapshots)) loadedRows += frame.length;
    if (loadedRows !== rows) throw new Error(`读回 ${loadedRows} 行，写入的是 ${rows} 行`);
    const bySize = [...sizes.entries()].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `${name} ${mb(bytes)}`).join('，');
    return [
      [`数据拉取 metrics pull（${accounts} 个账号 × ${days} 天）`, `${seconds(pullMs)}，调用 ${calls.toLocaleString('en')} 次（每秒 ${Math.round(calls / (pullMs / 1000))} 次），${rows.toLocaleString('en')} 行`, ''],
      ['  再拉一次 second pull (planning only)', `${seconds(againMs)}，调用 ${againCalls} 次`, '0 次'],
      ['  快照大小 snapshot files', `${mb(total)}（${bySize}）`, ''],
      ['读回全部快照 load all snapshots', `${seconds(loadMs)}（CPU ${seconds(loadCpuMs)}），${loadedRows.toLocaleString('en')} 行`, `< ${loadAimMs / 1000} s ${loadMs < loadAimMs ? '✓' : '✗ 未达标'}`],
    ];
  } finally {
    await Promise.all(fakes.map((fake) => fake.close()));
    await rm(root, { recursive: true, force: true });
  }
}
