import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadContent, toPortable } from '../content/index.ts';
import { lintContent, lintPass, type LintJob } from '../lint/index.ts';
import { article } from '../testing/fixture-repo.ts';
import { siteRepo, tree } from './fixture.test-helper.ts';
import { shareJobs } from '../shared/worker-pool.ts';
import { buildGroup, type BuildJob, type BuildResult } from './build-pass.ts';
import { buildSite, type LintStep } from './index.ts';
import { buildTask } from './parallel.ts';
import type { BuildSetup } from './worker.ts';

/** A repository of a few articles, some with lint errors or warnings, one failing validation. */
async function lintedRepo(): Promise<string> {
  return siteRepo({
    'content/shanye/articles/2026/zuijia/index.md': article('title: 全城最佳\nstatus: draft', '全城最佳的咖啡，国家级的手艺。\n'),
    'content/shanye/articles/2026/chanqu/index.md': article('title: 云南产区\nstatus: draft', '## 保山\n\n小粒咖啡,产自保山。\n'),
    'content/shanye/articles/2026/wenbei/index.md': article('title: 温杯\nstatus: draft', '冬天水温掉得快，手冲时可以先温杯。\n'),
    'content/shanye/articles/2026/huai/index.md': article('title: 坏的\nstatus: 草稿', '状态写错了。\n'),
  });
}

async function recordedCounts(outDir: string): Promise<Record<string, unknown>> {
  const record: { articles: Record<string, { lint?: unknown }> } = JSON.parse(await readFile(join(outDir, '.mpdesk-build.json'), 'utf8'));
  return Object.fromEntries(Object.entries(record.articles).map(([file, entry]) => [file, entry.lint]));
}

const lint: LintStep = (set, only) => lintPass(set, { only });

async function stderrOf<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    return { result: await run(), lines };
  } finally {
    spy.mockRestore();
  }
}

describe('a build that lints', () => {
  it('lints each article beside its render, in this thread or in worker threads, with the counts and cache mpdesk lint makes', async () => {
    const root = await lintedRepo();
    const copy = `${root}-lint`;
    await cp(root, copy, { recursive: true });
    const alone = await lintContent(await loadContent(copy), { cache: true });
    const expected: Record<string, { errors: number; warnings: number }> = {};
    for (const f of alone.findings) {
      const entry = (expected[f.file] ??= { errors: 0, warnings: 0 });
      if (f.severity === 'error') entry.errors++;
      else if (f.severity === 'warning') entry.warnings++;
    }

    const here = await buildSite({ root, outDir: join(root, 'here'), lint, workers: 1 });
    await rm(join(root, '.cache'), { recursive: true, force: true });
    const shared = await buildSite({ root, outDir: join(root, 'shared'), lint, workers: 2 });
    expect(shared).toEqual(here);
    expect(here.failed).toEqual(['content/shanye/articles/2026/huai/index.md']);
    const counts = await recordedCounts(join(root, 'shared'));
    expect(counts).toEqual(await recordedCounts(join(root, 'here')));
    for (const file of here.rendered) expect(counts[file], file).toEqual(expected[file] ?? { errors: 0, warnings: 0 });
    expect(counts['content/shanye/articles/2026/zuijia/index.md']).toMatchObject({ errors: expect.any(Number) });
    expect(await tree(join(root, 'shared'))).toEqual(await tree(join(root, 'here')));
    // The lint's cache is the one mpdesk lint writes: a lint after the build takes every article from it (the plan,
    // which a build does not lint, is linted), with the same findings.
    const after = await lintContent(await loadContent(root));
    expect(after).toMatchObject({ cached: 5, findings: alone.findings });
    await rm(copy, { recursive: true, force: true });
  });

  it('lints and renders in a worker thread exactly as in this one', async () => {
    const root = await lintedRepo();
    const set = await loadContent(root);
    const pass = await lintPass(set);
    const paths = (dir: string) => ({ root, outDir: join(root, dir), cacheDir: join(root, '.cache', 'mpdesk', 'images') });
    const jobs = pass.jobs.map((job) => ({ file: job.file, lint: job, render: job.file.endsWith('index.md') && !job.file.includes('/huai/') }));
    const collect = (results: Map<string, unknown>) => (result: BuildResult<{ file: string }>) => results.set(`${result.kind}:${result.file}`, result.kind === 'render' ? { ...result.outcome, outputs: undefined } : result);

    const expected = new Map<string, unknown>();
    await buildGroup(set, paths('here'), (group: LintJob[], emit) => pass.here(group, emit))(jobs, collect(expected));
    const results = new Map<string, unknown>();
    let workerFirst: () => void = () => undefined;
    const fromWorker = new Promise<void>((resolve) => (workerFirst = resolve));
    const here = buildGroup(set, paths('shared'), (group: LintJob[], emit) => pass.here(group, emit));
    await shareJobs<BuildSetup, BuildJob<LintJob>, BuildResult<{ file: string }>>({
      module: buildTask,
      setup: { set: toPortable(set), paths: paths('shared'), lint: { module: pass.part.module.href, setup: pass.part.setup } },
      jobs,
      groupSize: 1,
      workers: 1,
      // This thread waits for the worker's first file, so the worker surely lints and renders one.
      here: async (group, emit) => {
        await fromWorker;
        await here(group, emit);
      },
      onResult: (result) => {
        collect(results)(result);
        workerFirst();
      },
    });
    expect([...results.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(Object.fromEntries(results)).toEqual(Object.fromEntries(expected));
    expect(await tree(join(root, 'shared'))).toEqual(await tree(join(root, 'here')));
  });

  it('goes on when linting fails in a thread: everything is rendered, the front page shows no counts, one notice says why', async () => {
    const root = await lintedRepo();
    const broken: LintStep = async (set, only) => {
      const pass = await lintPass(set, { only });
      return {
        ...pass,
        here: async () => {
          throw new Error('规则模块坏了');
        },
        part: { module: new URL('./no-such-lint-part.ts', import.meta.url), setup: {} },
      };
    };
    const { result, lines } = await stderrOf(() => buildSite({ root, lint: broken, workers: 2 }));
    expect(result.rendered).toHaveLength(4);
    expect(lines.filter((line) => line.includes('检查出错'))).toHaveLength(1);
    expect(lines.join('')).toContain('检查出错，首页不显示检查结果（运行 mpdesk lint 查看）：');
    expect(Object.values(await recordedCounts(join(root, 'dist')))).toEqual([undefined, undefined, undefined, undefined]);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toContain('未检查');
  });
});
