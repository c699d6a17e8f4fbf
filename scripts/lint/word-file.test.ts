import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { accountYaml, article, makeRepo, type FixtureFiles } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { lintContent } from './index.ts';
import { readWordFile } from './word-file.ts';

// A solicitation, not a warning: sensitive/words leaves “别刷单返利” (advice against it) alone.
const body = '别提竞品咖啡和团队禁词。本店支持刷单返利。\n';

function repo(words: Record<string, string>, articles = 1): FixtureFiles {
  const files: FixtureFiles = { 'content/shanye/account.yaml': accountYaml, ...words };
  for (let i = 0; i < articles; i++) files[`content/shanye/articles/2026/a${i}/index.md`] = article(`title: 第 ${i} 篇\nstatus: draft`, body);
  return files;
}

async function lintWith(words: Record<string, string>, options: { articles?: number; workers?: number; cache?: boolean } = {}) {
  const root = await makeRepo(repo(words, options.articles));
  const result = await lintContent(await loadContent(root), { workers: options.workers ?? 1, cache: options.cache ?? false });
  const about = (file: string) => result.findings.filter((f) => f.file === file).map((f) => [f.line, f.column, f.ruleId, f.field]);
  return { ...result, root, about };
}

describe('words.yaml', () => {
  it('is checked against schemas/words.schema.json, with file, line, column and field, and the good entries still work', async () => {
    const words = [
      'entries:',
      '  - {term: 竞品咖啡, category: 竞品, severity: warning}',
      '  - trem: 团队禁词',
      '  - term: 限量款',
      '    severity: fatal',
      '  - 42',
      'alow: [极致咖啡馆]',
      '',
    ].join('\n');
    const { findings, about } = await lintWith({ 'content/shanye/words.yaml': words });
    expect(about('content/shanye/words.yaml')).toEqual([
      [3, 5, 'schema/additionalProperties', 'entries[1].trem'],
      [3, 5, 'schema/required', 'entries[1].term'],
      [5, 5, 'schema/enum', 'entries[2].severity'],
      [6, 5, 'schema/anyOf', 'entries[3]'],
      [7, 1, 'schema/additionalProperties', 'alow'],
    ]);
    const messages = findings.filter((f) => f.file.endsWith('words.yaml')).map((f) => f.message);
    expect(messages[0]).toContain('未知字段 entries[1].trem，是不是想写 term？');
    expect(messages[2]).toContain('的值“fatal”无效，应为以下之一：error、warning、info');
    expect(messages[4]).toContain('未知字段 alow，是不是想写 allow？');
    expect(findings.every((f) => !f.file.endsWith('words.yaml') || f.severity === 'error')).toBe(true);
    // The good entry is used; the article is linted as usual (the built-in list too).
    const article = findings.filter((f) => f.file.endsWith('index.md')).map((f) => f.message.slice(0, 7));
    expect(article).toEqual(expect.arrayContaining(['“竞品咖啡”是', '“刷单返利”是']));
  });

  it('does not use an entry the schema rejects: it is reported on the list and matches nothing', async () => {
    const words = [
      'entries:',
      '  - {term: 竞品咖啡, severity: fatal}',
      '  - {term: 团队禁词, categroy: 竞品}',
      '  - {term: 刷单, suggestions: [1]}',
      '  - 限量款',
      'allow: [限量款式, 7]',
      '',
    ].join('\n');
    const root = await makeRepo({
      'content/shanye/account.yaml': accountYaml,
      'content/shanye/words.yaml': words,
      'content/shanye/articles/2026/a0/index.md': article('title: 冬日\nstatus: draft', '别提竞品咖啡和团队禁词，也别说刷单，限量款要少写。\n'),
    });
    const { findings } = await lintContent(await loadContent(root), { cache: false, workers: 1 });
    expect(findings.filter((f) => f.file === 'content/shanye/words.yaml').map((f) => [f.line, f.ruleId, f.field])).toEqual([
      [2, 'schema/enum', 'entries[0].severity'],
      [3, 'schema/additionalProperties', 'entries[1].categroy'],
      [4, 'schema/type', 'entries[2].suggestions[0]'],
      [6, 'schema/type', 'allow[1]'],
    ]);
    // Only the well-formed 限量款 is looked for; the three rejected entries match nothing, not even as errors.
    const matched = findings.filter((f) => f.ruleId === 'sensitive/words' && f.file.endsWith('index.md')).map((f) => [f.column, f.message.slice(0, 5)]);
    expect(matched).toEqual([[19, '“限量款”']]);
  });

  it('with a YAML error is an error on the file at the place, and the rest of the lint runs', async () => {
    const { about, findings } = await lintWith({ 'content/words.yaml': 'entries:\n  - term: 团队禁词\n    category: [竞品\n' });
    // At the [ that never closes.
    expect(about('content/words.yaml')).toEqual([[3, 15, 'schema/yaml-syntax', undefined]]);
    expect(findings.find((f) => f.file === 'content/words.yaml')!.message).toContain('词表没有生效');
    expect(findings.some((f) => f.ruleId === 'sensitive/words' && f.message.startsWith('“刷单返利”'))).toBe(true);
  });

  it('that is not a mapping, or not UTF-8, is an error on the file', async () => {
    const list = await lintWith({ 'content/words.yaml': '- 团队禁词\n- 竞品咖啡\n' });
    expect(list.about('content/words.yaml')).toEqual([[1, 1, 'schema/type', undefined]]);
    const root = await makeRepo({ ...repo({}), 'content/shanye/words.yaml': Buffer.from([0x65, 0x6e, 0x74, 0x72, 0x69, 0x65, 0x73, 0x3a, 0x0a, 0x20, 0x20, 0x2d, 0x20, 0xc4, 0xe3]) });
    const { findings } = await lintContent(await loadContent(root), { cache: false });
    expect(findings.filter((f) => f.file === 'content/shanye/words.yaml').map((f) => [f.line, f.ruleId])).toEqual([[2, 'schema/encoding']]);
  });

  it('warns about a one-character term, which is ignored', async () => {
    const { about, findings } = await lintWith({ 'content/words.yaml': 'entries:\n  - 赌\n  - {term: 賭, category: 违禁}\n' });
    expect(about('content/words.yaml')).toEqual([
      [2, 5, 'lint/word-too-short', 'entries[0]'],
      [3, 12, 'lint/word-too-short', 'entries[1]'],
    ]);
    expect(findings.find((f) => f.ruleId === 'lint/word-too-short')!.message).toContain('词条“赌”归一化后（统一全半角和繁简、去掉夹杂的符号、折叠重复的字）只剩“赌”一个字');
  });

  it('is reported once per run, from the cache too, and in worker threads', async () => {
    const words = { 'content/words.yaml': 'entries:\n  - {term: 团队禁词, severity: fatal}\n' };
    const parallel = await lintWith(words, { articles: 3, workers: 2 });
    expect(parallel.about('content/words.yaml')).toEqual([[2, 18, 'schema/enum', 'entries[0].severity']]);
    const here = await lintWith(words, { articles: 3, workers: 1 });
    expect(parallel.findings).toEqual(here.findings);

    const first = await lintContent(await loadContent(here.root));
    const cached = await lintContent(await loadContent(here.root));
    expect(cached.cached).toBe(3);
    expect(cached.findings).toEqual(first.findings);
    expect(cached.findings.filter((f) => f.file === 'content/words.yaml')).toHaveLength(1);
  });

  it('fails mpdesk lint with exit 1 and names the file', async () => {
    const root = await makeRepo(repo({ 'content/words.yaml': 'entries:\n  - {term: 团队禁词, severty: warning}\n' }));
    const { code, stdout } = await runCli(['lint'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('content/words.yaml\n  2:18');
    expect(stdout).toContain('未知字段 entries[0].severty，是不是想写 severity？');
  });

  it('prints each mistake at its line and column, in Chinese written as the other messages are', async () => {
    const words = ['entries:', '  - term：竞品咖啡', '  - {term: 团队禁词, severity: fatal}', '  - {term: 限量款, tags: 限量}', '  - ""', 'allow: [""]', ''].join('\n');
    const root = await makeRepo({ ...repo({ 'content/shanye/words.yaml': words }), 'content/words.yaml': 'entries: [刷单返利]\n' });
    const { code, stdout } = await runCli(['lint'], root);
    expect(code).toBe(1);
    const printed = stdout.split('content/shanye/words.yaml\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(printed).toEqual([
      '  2:5     错误  词条“term：竞品咖啡”会被当成一个要查的词，没有生效：“term”后面用了全角冒号“：”，YAML 只认半角冒号加空格。应写成：- term: 竞品咖啡 [entries[0]]  schema/yaml-syntax',
      '  3:18    错误  级别（entries[1].severity）的值“fatal”无效，应为以下之一：error、warning、info。 [entries[1].severity]  schema/enum',
      '                建议：error / warning / info',
      '  4:17    错误  标签（entries[2].tags）类型不对：应为列表，实际是文本。 [entries[2].tags]  schema/type',
      '  5:5     错误  词（entries[3]）不能为空。 [entries[3]]  schema/minLength',
      '  6:9     错误  放行短语（allow[0]）不能为空。 [allow[0]]  schema/minLength',
    ]);
    // The term written with a full-width colon matches nothing; the team list's term is named with its list.
    expect(stdout).not.toContain('“竞品咖啡”是敏感词');
    expect(stdout).toContain('“刷单返利”是敏感词（敏感词，来自团队词表 content/words.yaml）。');
  });

  it('has a draft 2020-12 schema whose every field is described in Chinese and English', async () => {
    const schema: unknown = JSON.parse(await readFile(new URL('../../schemas/words.schema.json', import.meta.url), 'utf8'));
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://mpdesk.dev/schemas/words.schema.json' });
    const described: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'properties' || key === '$defs') && value && typeof value === 'object') {
          for (const [name, child] of Object.entries(value)) {
            const description: unknown = child && typeof child === 'object' ? Reflect.get(child, 'description') : undefined;
            expect({ field: `${path}/${name}`, description }).toEqual({ field: `${path}/${name}`, description: expect.stringMatching(/\p{Script=Han}.*[A-Za-z]{3}/u) });
            described.push(name);
          }
        }
        walk(value, `${path}/${key}`);
      }
    };
    walk(schema, '');
    expect(described).toEqual(expect.arrayContaining(['entries', 'allow', 'term', 'category', 'severity', 'basis', 'message', 'suggestions', 'tags']));
  });

  it('matches the built-in lists, which follow the same schema', async () => {
    const dir = fileURLToPath(new URL('./dictionaries/', import.meta.url));
    for (const name of await readdir(dir)) {
      const { findings, list } = await readWordFile(`${dir}${name}`, `scripts/lint/dictionaries/${name}`, name);
      expect({ name, findings }).toEqual({ name, findings: [] });
      expect(list.entries.length).toBeGreaterThan(50);
    }
  });

  it('is parsed again in the same process when its bytes change, even at the same size (mpdesk preview lints again and again)', async () => {
    const root = await makeRepo(repo({ 'content/shanye/words.yaml': 'entries:\n  - 竞品咖啡\n' }));
    const lint = async () => (await lintContent(await loadContent(root), { workers: 1, cache: false })).findings.filter((f) => f.ruleId === 'sensitive/words').map((f) => f.message.slice(0, 7));
    expect(await lint()).toContain('“竞品咖啡”是');
    await writeFile(join(root, 'content/shanye/words.yaml'), 'entries:\n  - 团队禁词\n');
    const second = await lint();
    expect(second).toContain('“团队禁词”是');
    expect(second).not.toContain('“竞品咖啡”是');
    // A finding handed out is the caller's to change: the next read still gives the list's own.
    const bad = join(root, 'content/shanye/words.yaml');
    await writeFile(bad, 'entries:\n  - trem: 团队禁词\n');
    const first = await readWordFile(bad, 'content/shanye/words.yaml', '账号词表');
    first.findings[0]!.message = '改掉了';
    expect((await readWordFile(bad, 'content/shanye/words.yaml', '账号词表')).findings[0]!.message).not.toBe('改掉了');
  });
});
