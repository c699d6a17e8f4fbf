import { describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { loadContent } from './index.ts';
import { tooDeeplyNested } from './nesting.ts';

const deepQuote = `${'>'.repeat(10_000)} 很深的引用\n`;
const deepList = Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 层`).join('\n');

describe('nesting depth', () => {
  it('finds the first line that nests too deep, and ignores fenced code', () => {
    expect(tooDeeplyNested(`正文\n\n${'> '.repeat(70)}太深\n`)).toBe(3);
    expect(tooDeeplyNested(`${'> '.repeat(30)}还可以\n`)).toBeUndefined();
    // The space after each > belongs to the marker: 64 levels written `> > >` are within the limit, 65 are not.
    expect(tooDeeplyNested(`${'> '.repeat(64)}刚好\n`)).toBeUndefined();
    expect(tooDeeplyNested(`${'> '.repeat(65)}太深\n`)).toBe(1);
    // 65 list levels: the 65th item is indented 64 levels and opens one more.
    expect(tooDeeplyNested(Array.from({ length: 65 }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 层`).join('\n'))).toBe(65);
    expect(tooDeeplyNested(Array.from({ length: 64 }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 层`).join('\n'))).toBeUndefined();
    expect(tooDeeplyNested(`\`\`\`\n${' '.repeat(400)}代码里的缩进\n\`\`\`\n`)).toBeUndefined();
  });

  it('reports a 10,000-level blockquote and a 1,000-level list with their line, and the rest still loads', async () => {
    const root = await makeRepo({
      ...baseFiles(),
      'content/shanye/articles/2026/shen-yin/index.md': article('title: 深引用\nstatus: draft', `第一段。\n\n${deepQuote}`),
      'content/shanye/articles/2026/shen-lie/index.md': article('title: 深列表\nstatus: draft', deepList),
    });
    const set = await loadContent(root);
    expect(set.findings.map((f) => [f.file.split('/')[4], f.ruleId, f.line])).toEqual([
      ['shen-lie', 'schema/nesting-depth', 70],
      ['shen-yin', 'schema/nesting-depth', 8],
    ]);
    expect(set.articles.filter((a) => a.doc).map((a) => a.place.slug)).toEqual(['dongtian-shouchong']);
  });

  it('validate, lint and build of the whole repository finish and name the file', { timeout: 60_000 }, async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/shanye/articles/2026/shen-yin/index.md': article('title: 深引用\nstatus: draft', deepQuote) });
    for (const command of ['validate', 'lint', 'build']) {
      const started = performance.now();
      const result = await runCli([command, '--format', 'json'], root);
      expect({ command, code: result.code }).toEqual({ command, code: 1 });
      expect(result.stdout).toContain('schema/nesting-depth');
      expect(result.stdout).toContain('shen-yin/index.md');
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  });

  it('inline and HTML nesting count too: validate names the line and column, lint and render never meet the tree', { timeout: 60_000 }, async () => {
    const spans = `${'<span>'.repeat(3000)}很深的标签${'</span>'.repeat(3000)}`;
    const stars = `${'*'.repeat(5000)}很深的强调${'*'.repeat(5000)}`;
    const root = await makeRepo({
      ...baseFiles(),
      'content/shanye/articles/2026/shen-biaoqian/index.md': article('title: 深标签\nstatus: draft', `第一段。\n\n${spans}\n`),
      'content/shanye/articles/2026/shen-qiangdiao/index.md': article('title: 深强调\nstatus: draft', `第一段。\n\n${stars}\n`),
      'content/shanye/articles/2026/qian-qiantao/index.md': article('title: 不深\nstatus: draft', `${'<span>'.repeat(30)}${'**'.repeat(10)}可以${'**'.repeat(10)}${'</span>'.repeat(30)}\n`),
    });
    const validate = await runCli(['validate', '--format', 'json'], root);
    expect(validate.code).toBe(1);
    const found: Array<{ file: string; line: number; column: number; ruleId: string; message: string }> = JSON.parse(validate.stdout);
    // The 65th <span> opens at column 6 × 64 + 1; the 65th level of ** and * at column 2 × 64 + 1.
    expect(found.map((f) => [f.file.split('/')[4], f.ruleId, f.line, f.column])).toEqual([
      ['shen-biaoqian', 'schema/nesting-depth', 8, 385],
      ['shen-qiangdiao', 'schema/nesting-depth', 8, 129],
    ]);
    expect(found[0]!.message).toContain('第 8 行嵌套超过 64 层');
    const render = await runCli(['render', 'content/shanye/articles/2026/shen-qiangdiao/index.md'], root);
    expect(render.code).toBe(1);
    expect(render.stdout + render.stderr).toContain('schema/nesting-depth');
    expect(render.stdout + render.stderr).not.toContain('Maximum call stack');
    const lint = await runCli(['lint', '--format', 'json'], root);
    expect(lint.code).toBe(1);
    expect(lint.stdout).not.toContain('lint/rule-crashed');
  });
});
