import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent, toPortable } from '../content/index.ts';
import { accountYaml, article, makeRepo, type FixtureFiles } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { shareJobs } from '../shared/worker-pool.ts';
import { defineRule, type Rule } from './define-rule.ts';
import { lintContent } from './index.ts';
import { groupLinter, type LintJob, type LintJobResult } from './lint-group.ts';
import type { LintTaskSetup } from './worker.ts';
import { LintResources } from './resources.ts';
import { loadRuleModules } from './rule-modules.ts';
import { allRules } from './rules/index.ts';

const defineRuleUrl = pathToFileURL(new URL('./define-rule.ts', import.meta.url).pathname).href;

/** A team rule that reports 提示 and then, in a file that mentions 炸, throws (as a link decoder would on %E4). */
function brittleRule(async: boolean): string {
  return `import { defineRule } from '${defineRuleUrl}';
export default defineRule({
  id: 'team/brittle',
  severity: 'warning',
  description: '测试用：提到“提示”就提示，提到“炸”就出错的规则。',
  examples: { valid: [], invalid: [] },
  ${async ? 'async ' : ''}check(context) {
    ${async ? 'await new Promise((resolve) => setTimeout(resolve, 1));' : ''}
    for (const block of context.blocks) {
      const at = block.text.indexOf('提示');
      if (at >= 0) context.report({ span: [block.offsets[at], block.offsets[at] + 2], message: '这里有一处提示。' });
    }
    if (context.source.text.includes('炸')) throw new URIError('URI malformed');
  },
});
`;
}

const articles = (count: number): FixtureFiles => {
  const files: FixtureFiles = { 'content/shanye/account.yaml': accountYaml };
  for (let i = 0; i < count; i++) {
    files[`content/shanye/articles/2026/a${String(i).padStart(3, '0')}/index.md`] = article(`title: 第 ${i} 篇\nstatus: draft`, i === 1 ? '这里炸了，还有一处提示。用Python统计。\n' : '这里只有一处提示。\n');
  }
  return files;
};
const broken = 'content/shanye/articles/2026/a001/index.md';

async function repoWithRule(count: number, async = false) {
  const root = await makeRepo(articles(count));
  const module = join(root, 'brittle-rule.mts');
  await writeFile(module, brittleRule(async));
  return { root, module };
}

describe('a rule that throws', () => {
  it.each([
    ['sync', false, 1],
    ['async', true, 1],
    ['sync, in worker threads', false, 2],
    ['async, in worker threads', true, 2],
  ])('becomes lint/rule-crashed on that file and keeps every other finding (%s)', async (_label, async, workers) => {
    const { root, module } = await repoWithRule(12, async);
    const result = await lintContent(await loadContent(root), { ruleModules: [pathToFileURL(module).href], workers });
    const crashed = result.findings.filter((f) => f.ruleId === 'lint/rule-crashed');
    expect(crashed).toEqual([
      {
        file: broken,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        ruleId: 'lint/rule-crashed',
        severity: 'error',
        message: expect.stringContaining(`规则 team/brittle 检查 ${broken} 时出错：URI malformed。`),
      },
    ]);
    expect(result.failed).toBe(true);
    // The rule's findings for every other file, what it reported before it threw, and the other rules' findings stay.
    const brittle = result.findings.filter((f) => f.ruleId === 'team/brittle');
    expect(brittle.map((f) => f.file.split('/')[4])).toEqual(Array.from({ length: 12 }, (_, i) => `a${String(i).padStart(3, '0')}`));
    expect(result.findings.some((f) => f.file === broken && f.ruleId === 'style/cjk-latin-spacing')).toBe(true);
    expect(crashed[0]!.message).not.toMatch(/\n|at .*\.ts:\d+/);
  });

  it('is caught inside a worker thread too, and the worker goes on with its other files', async () => {
    const { root, module } = await repoWithRule(4);
    const set = await loadContent(root);
    const resources = new LintResources(root);
    const ruleModules = [pathToFileURL(module).href];
    const results = new Map<string, LintJobResult>();
    let workerFirst: () => void = () => undefined;
    const fromWorker = new Promise<void>((resolve) => (workerFirst = resolve));
    const here = groupLinter(set, resources, await loadRuleModules(ruleModules));
    await shareJobs<LintTaskSetup, LintJob, LintJobResult>({
      module: new URL('./worker.ts', import.meta.url),
      setup: { set: toPortable(set), part: { lists: await resources.wordLists(['shanye']), ruleModules } },
      jobs: set.articles.map((a) => ({ kind: 'lint', file: a.source.file })),
      groupSize: 1,
      workers: 1,
      // This thread takes the first file and waits, so the worker surely gets the second one: the broken file.
      here: async (group, emit) => {
        await fromWorker;
        await here(group, emit);
      },
      onResult: (result) => {
        results.set(result.file, result);
        workerFirst();
      },
    });
    const fromBroken = results.get(broken);
    const ids = fromBroken?.kind === 'linted' ? fromBroken.findings.map((f) => f.ruleId) : [];
    expect(ids).toEqual(expect.arrayContaining(['style/cjk-latin-spacing', 'lint/rule-crashed', 'team/brittle']));
    expect([...results.values()].flatMap((r) => (r.kind === 'linted' ? r.findings : [])).filter((f) => f.ruleId === 'team/brittle')).toHaveLength(4);
  });

  it('a file the engine itself cannot lint is lint/internal-error, and the other files are linted', async () => {
    const root = await makeRepo(articles(3));
    const set = await loadContent(root);
    const target = set.articles.find((a) => a.source.file === broken)!;
    // An engine defect on one file (here: placing its findings fails).
    target.source = { ...target.source, locator: { ...target.source.locator, range: () => { throw new RangeError('位置越界'); } } };
    const result = await lintContent(set, { cache: false });
    expect(result.findings.filter((f) => f.file === broken).map((f) => [f.ruleId, f.line, f.message])).toEqual([
      ['lint/internal-error', 1, expect.stringContaining(`检查 ${broken} 时出错：位置越界。本文件的检查结果不完整，其他文件照常检查。`)],
    ]);
    expect(result.findings.filter((f) => f.file !== broken && f.ruleId === 'meta/cover')).toHaveLength(2);
    expect(result.failed).toBe(true);
  });

  it('--fix that cannot write the file back is lint/internal-error, not a silent skip', async () => {
    const root = await makeRepo(articles(2));
    const set = await loadContent(root);
    // The file was replaced by a folder after it was read: the atomic rename onto it fails.
    await rm(join(root, broken));
    await mkdir(join(root, broken, 'x'), { recursive: true });
    const result = await lintContent(set, { fix: true });
    expect(result.fixed).toEqual([]);
    expect(result.findings.filter((f) => f.file === broken).map((f) => [f.ruleId, f.message])).toEqual([
      ['lint/internal-error', expect.stringContaining(`修正后写回 ${broken} 失败：`)],
    ]);
    expect(result.failed).toBe(true);
  });

  it('counts a plugin that throws or reports on its own, not through defineRule', async () => {
    const base = allRules.find((r) => r.id === 'style/heading-levels')!;
    const throwing: Rule = { ...base, id: 'team/raw-throw', plugin: () => () => { throw new TypeError('读不到属性 type'); } };
    const plain: Rule = { ...base, id: 'team/raw-message', plugin: () => (_tree, file) => void file.message('原样的消息') };
    const fine = defineRule({ ...base, id: 'team/fine', check: (context) => context.report({ span: [0, 3], message: '照常报告。' }) });
    const root = await makeRepo(articles(1));
    const { findings, failed } = await lintContent(await loadContent(root), { rules: [throwing, plain, fine] });
    expect(findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([
      ['lint/rule-crashed', 1, expect.stringContaining('规则 team/raw-throw 检查 content/shanye/articles/2026/a000/index.md 时出错：读不到属性 type。')],
      ['team/fine', 1, '照常报告。'],
      ['team/raw-message', 1, '原样的消息'],
    ]);
    expect(failed).toBe(true);
  });

  it('makes mpdesk lint exit 2 in every output format, naming the rule and the file', async () => {
    const { root, module } = await repoWithRule(3);
    for (const format of ['pretty', 'json', 'github', 'sarif']) {
      const { code, stdout, stderr } = await runCli(['lint', '--rule', module, '--format', format], root);
      expect({ format, code }).toEqual({ format, code: 2 });
      expect(stdout).toContain('lint/rule-crashed');
      expect(stdout).toContain('team/brittle');
      expect(stdout).toContain('URI malformed');
      expect(stderr).toContain('检查出错，结果不完整');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    const sarif = JSON.parse((await runCli(['lint', '--rule', module, '--format', 'sarif'], root)).stdout);
    expect(sarif.runs[0].tool.driver.rules).toContainEqual({ id: 'lint/rule-crashed', shortDescription: { text: expect.stringContaining('规则运行出错') } });
  });

  it('makes a cold lint of 100+ files (worker threads) exit 2 as well', async () => {
    const { root, module } = await repoWithRule(110);
    const { code, stdout } = await runCli(['lint', '--rule', module, '--format', 'json'], root);
    expect(code).toBe(2);
    const findings: Array<{ ruleId: string; file: string }> = JSON.parse(stdout);
    expect(findings.filter((f) => f.ruleId === 'lint/rule-crashed').map((f) => f.file)).toEqual([broken]);
    expect(findings.filter((f) => f.ruleId === 'team/brittle')).toHaveLength(110);
  }, 60_000);

  it('refuses a rule module that is not a rule, with exit 2 and no stack trace', async () => {
    const root = await makeRepo(articles(1));
    await writeFile(join(root, 'not-a-rule.mts'), 'export default { id: 42 };\n');
    const { code, stderr } = await runCli(['lint', '--rule', 'not-a-rule.mts'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('默认导出不是 defineRule 定义的规则');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says where a rule module failed to load, by the path typed, and what the runtime said, marked as its words', async () => {
    const root = await makeRepo(articles(1));
    await writeFile(join(root, 'broken-rule.mjs'), 'function check() {\n  return null.x;\n}\ncheck();\n');
    const broken = await runCli(['lint', '--rule', 'broken-rule.mjs'], root);
    expect(broken).toMatchObject({ code: 2, stdout: '' });
    expect(broken.stderr).toBe("mpdesk: 运行出错：无法加载规则模块 broken-rule.mjs：broken-rule.mjs 第 2 行第 15 列：（运行时原文：TypeError: Cannot read properties of null (reading 'x')）\n");
    const missing = await runCli(['lint', '--rule', 'missing-rule.mjs'], root);
    expect(missing.stderr).toBe('mpdesk: 运行出错：无法加载规则模块 missing-rule.mjs：文件不存在。\n');
    // For the team's developer: the module's own stack, with its line.
    const debug = await runCli(['lint', '--rule', 'broken-rule.mjs'], root, { MPDESK_DEBUG: '1' });
    expect(debug.stderr).toMatch(/原因 caused by: TypeError[^\n]*\n\s+at check \(file:\/\/[^)]*broken-rule\.mjs:2:15\)/);
  });
});
