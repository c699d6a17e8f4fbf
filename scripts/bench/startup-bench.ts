import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Row } from './lint-bench.ts';

const run = promisify(execFile);
/** Whole processes timed per command; the median is shown. */
const runs = 9;
const aimHelpMs = 150;

async function wholeProcess(args: readonly string[], cwd: string): Promise<number> {
  const started = performance.now();
  await run(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return performance.now() - started;
}

async function median(work: () => Promise<number>): Promise<number> {
  await work(); // a first run: compiles what changed, fills the lint cache, warms the file cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await work());
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** A worker thread that loads the lint pipeline and ends: how long a pool worker takes to be ready. */
async function workerStart(code: string): Promise<number> {
  const started = performance.now();
  await once(new Worker(code, { eval: true }), 'exit');
  return performance.now() - started;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/**
 * Start-up as a writer feels it: `mpdesk` run as a whole process (bin/mpdesk.js, the compiled code) on a copy of
 * the sample repository, the median of several runs; and how long a worker thread takes to load the lint
 * pipeline, compiled and through tsx.
 */
export async function benchStartup(repoRoot: string, log: (text: string) => void): Promise<Row[]> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-startup-bench-'));
  try {
    await cp(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
    await cp(join(repoRoot, 'styles'), join(root, 'styles'), { recursive: true });
    // A repository with nothing staged, as the pre-commit hook finds it after `git commit --amend -m`.
    const git = (...args: string[]) => run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root });
    await git('init', '-q');
    await git('add', '-A');
    await git('commit', '-qm', 'sample');
    const bin = join(repoRoot, 'bin/mpdesk.js');
    const mpdesk = (...args: string[]) => () => wholeProcess([bin, ...args], root);
    log(`启动时间 start-up ×${runs}（样例仓库 sample repository）…`);
    const baseline = await median(() => wholeProcess(['-e', '0'], root));
    const help = await median(mpdesk('--help'));
    const staged = await median(mpdesk('lint', '--staged'));
    const list = await median(mpdesk('list'));
    const lint = await median(mpdesk('lint'));

    log('工作线程启动 worker start …');
    const compiled = pathToFileURL(join(repoRoot, 'compiled/lint/worker.js')).href;
    const source = pathToFileURL(join(repoRoot, 'scripts/lint/worker.ts')).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const workerCompiled = await median(() => workerStart(`import(${JSON.stringify(compiled)})`));
    const workerTsx = await median(() => workerStart(`import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(source)}); })`));
    const verdict = help < aimHelpMs ? '✓' : '✗ 未达标';
    return [
      [`启动 start-up（整个进程，${runs} 次中位数）`, '', ''],
      ['  node -e 0（对照 baseline）', ms(baseline), ''],
      ['  mpdesk --help', ms(help), `< ${aimHelpMs} ms ${verdict}`],
      ['  mpdesk lint --staged（没有暂存 nothing staged）', ms(staged), ''],
      ['  mpdesk list', ms(list), ''],
      ['  mpdesk lint（已缓存 cached）', ms(lint), ''],
      ['  工作线程载入检查 worker loads lint', `编译后 compiled ${ms(workerCompiled)}；经 tsx ${ms(workerTsx)}`, ''],
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
