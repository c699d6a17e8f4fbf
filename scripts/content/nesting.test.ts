import { describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { loadContent } from './index.ts';
import { tooDeeplyNested } from './markdown.ts';

const deepQuote = `${'>'.repeat(10_000)} 很深的引用\n`;
const deepList = Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 层`).join('\n');

describe('nesting depth', () => {
  it('finds the first line that nests too deep, and ignores fenced code', () => {
    expect(tooDeeplyNested(`正文\n\n${'> '.repeat(70)}太深\n`)).toBe(3);
    expect(tooDeeplyNested(`${'> '.repeat(30)}还可以\n`)).toBeUndefined();
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
});
