import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accountYaml, article, makeRepo, type FixtureFiles } from '../scripts/testing/fixture-repo.ts';
import { runCli } from '../scripts/testing/run-cli.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * A small tool laid out as mpdesk is (bin/ with the real start-up and compile scripts, scripts/, tsconfig.json),
 * whose command prints a greeting and says which tree it runs from.
 */
async function makeTool(): Promise<string> {
  const tool = await mkdtemp(join(tmpdir(), 'mpdesk-tool-'));
  await mkdir(join(tool, 'bin'));
  await mkdir(join(tool, 'scripts/shared'), { recursive: true });
  for (const file of ['mpdesk.js', 'sources.js', 'compile.js', 'mapped-stack.js']) await copyFile(join(repoRoot, 'bin', file), join(tool, 'bin', file));
  await copyFile(join(repoRoot, 'tsconfig.json'), join(tool, 'tsconfig.json'));
  await writeFile(join(tool, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(repoRoot, 'node_modules'), join(tool, 'node_modules'));
  await writeFile(join(tool, 'scripts/shared/greeting.ts'), "export const greeting: string = '冬至快乐';\n");
  await writeFile(
    join(tool, 'scripts/cli.ts'),
    [
      "import { greeting } from './shared/greeting.ts';",
      "const tree: string = import.meta.url.endsWith('.ts') ? 'sources' : 'compiled';",
      'process.stdout.write(`${greeting} ${tree}\\n`);',
      "if (process.argv.includes('--crash')) throw new Error('故意出错');",
      '',
    ].join('\n'),
  );
  return tool;
}

function run(tool: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(tool, 'bin/mpdesk.js'), ...args], { cwd: tool }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr });
    });
  });
}

/** Writes a file with a time clearly after the last compile's, as an editor's save a moment later would. */
async function edit(file: string, text: string): Promise<void> {
  await writeFile(file, text);
  const later = new Date(Date.now() + 5_000);
  await utimes(file, later, later);
}

describe('bin/mpdesk.js', () => {
  it('runs the compiled code, compiling first what changed since the last compile, with one line saying so', async () => {
    const tool = await makeTool();
    // Nothing compiled yet (`npm ci --ignore-scripts`): everything is compiled once.
    const first = await run(tool);
    expect(first).toEqual({ code: 0, stdout: '冬至快乐 compiled\n', stderr: expect.stringMatching(/^mpdesk: 注意：源码在上次编译后改过，已重新编译 2 个文件（\d+\.\d 秒）。\n$/) });
    expect(await run(tool)).toEqual({ code: 0, stdout: '冬至快乐 compiled\n', stderr: '' });

    await edit(join(tool, 'scripts/shared/greeting.ts'), "export const greeting: string = '小寒快乐';\n");
    const edited = await run(tool);
    expect(edited.stdout).toBe('小寒快乐 compiled\n');
    expect(edited.stderr).toMatch(/已重新编译 1 个文件/);
    expect(await run(tool)).toEqual({ code: 0, stdout: '小寒快乐 compiled\n', stderr: '' });
  });

  it('removes the compiled module of a removed source, and compiles a new one', async () => {
    const tool = await makeTool();
    await writeFile(join(tool, 'scripts/shared/old.ts'), 'export const old = 1;\n');
    await run(tool);
    expect(existsSync(join(tool, 'compiled/shared/old.js'))).toBe(true);
    await rm(join(tool, 'scripts/shared/old.ts'));
    await writeFile(join(tool, 'scripts/shared/new.ts'), 'export const fresh = 2;\n');
    const result = await run(tool);
    expect(result.stderr).toMatch(/已重新编译 1 个文件/);
    expect(existsSync(join(tool, 'compiled/shared/old.js'))).toBe(false);
    expect(existsSync(join(tool, 'compiled/shared/old.js.map'))).toBe(false);
    expect(existsSync(join(tool, 'compiled/shared/new.js'))).toBe(true);
  });

  it('runs the sources through tsx, saying why, when a changed source does not compile', async () => {
    const tool = await makeTool();
    await run(tool);
    // A half-written module the command does not import: the command still works, from the sources.
    await edit(join(tool, 'scripts/shared/draft.ts'), 'export const draft = (;\n');
    const result = await run(tool);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('冬至快乐 sources\n');
    expect(result.stderr).toMatch(/^mpdesk: 注意：无法重新编译改过的源码（scripts\/shared\/draft\.ts:1:\d+: .+），这次通过 tsx 直接运行源码（较慢）。\n$/);
  });

  it('runs the sources when compiled/ cannot be written', async () => {
    const tool = await makeTool();
    await run(tool);
    await rm(join(tool, 'compiled/shared/greeting.js'));
    await mkdir(join(tool, 'compiled/shared/greeting.js/taken'), { recursive: true });
    await edit(join(tool, 'scripts/shared/greeting.ts'), "export const greeting: string = '大寒快乐';\n");
    const result = await run(tool);
    expect(result.stdout).toBe('大寒快乐 sources\n');
    expect(result.stderr).toMatch(/无法重新编译改过的源码（.*greeting\.js.*），这次通过 tsx 直接运行源码/);
  });

  it('reports a crash at the TypeScript line it happened on', async () => {
    const tool = await makeTool();
    await run(tool);
    const result = await run(tool, '--crash');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('故意出错');
    expect(result.stderr).toContain(`${join(tool, 'scripts/cli.ts')}:4:`);
    expect(result.stderr).not.toContain('compiled/cli.js');
  });

  it('compiles everything again when the compiler changes', async () => {
    const tool = await makeTool();
    await run(tool);
    const compiler = join(tool, 'bin/compile.js');
    await edit(compiler, `${await readFile(compiler, 'utf8')}\n`);
    expect((await run(tool)).stderr).toMatch(/已重新编译 2 个文件/);
  });
});

describe('the compiled mpdesk', () => {
  it('lints in worker threads without loading tsx or a TypeScript file in any thread', async () => {
    const files: FixtureFiles = { 'content/shanye/account.yaml': accountYaml };
    // Over the pool's threshold, so a cold lint starts worker threads.
    for (let i = 0; i < 110; i++) files[`content/shanye/articles/2026/a${String(i).padStart(3, '0')}/index.md`] = article(`title: 第 ${i} 篇\nstatus: draft`);
    const root = await makeRepo(files);
    const log = join(root, 'loaded.txt');
    const preload = join(root, 'log-loads.mjs');
    const hook = `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`;
    await writeFile(preload, `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));\n`);
    const result = await runCli(['lint', '--format', 'json'], root, { NODE_OPTIONS: `--import=${preload}` });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const loaded = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
    expect(loaded).toContain(new URL('../compiled/shared/worker-entry.js', import.meta.url).href);
    expect(loaded.filter((url) => url.endsWith('.ts') || url.includes('/node_modules/tsx/'))).toEqual([]);
  });
});
