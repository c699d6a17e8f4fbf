import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/index.ts';
import type { Finding } from '../../shared/finding.ts';
import { accountYaml, declaredPng, makeRepo, type FixtureFiles } from '../../testing/fixture-repo.ts';
import type { Rule } from '../define-rule.ts';
import { lintContent } from '../index.ts';
import { allRules } from './index.ts';

const account = `${accountYaml}glossary:
  - preferred: 山野咖啡
    avoid: [山野咖啡馆]
  - preferred: 公众号
    avoid: [公号]
`;

/** The lines of frontmatter (and the blank line) put before a body that has none of its own. */
const frontmatterLines = 7;

/** Each example becomes one article; a body without its own frontmatter gets a minimal one with a cover. */
function asArticle(markdown: string): string {
  return markdown.startsWith('---\n') ? markdown : `---\ntitle: 示例\nstatus: draft\ndigest: 示例摘要。\ncover: ./cover.jpg\n---\n\n${markdown}\n`;
}

/** Per example, the rule's findings and the engine's (a crash, a suppression notice), lines as in the example. */
async function lintExamples(rule: Rule, examples: readonly string[]): Promise<Finding[][]> {
  const cover = await sharp({ create: { width: 1800, height: 766, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const bomb = declaredPng(30_000, 30_000);
  const small = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#7a9' } }).png().toBuffer();
  // A photo cut off in the middle of its upload: its header is whole, its data is not.
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
  const half = photo.subarray(0, photo.length / 2);
  const files: FixtureFiles = { 'content/shanye/account.yaml': account };
  examples.forEach((markdown, i) => {
    const dir = `content/shanye/articles/2026/example-${i}`;
    Object.assign(files, { [`${dir}/index.md`]: asArticle(markdown), [`${dir}/cover.jpg`]: cover, [`${dir}/cup.jpg`]: cover, [`${dir}/small.png`]: small, [`${dir}/a.webp`]: cover, [`${dir}/cup.gif`]: cover, [`${dir}/broken.jpg`]: '不是图片', [`${dir}/half.jpg`]: half, [`${dir}/bomb.png`]: bomb });
  });
  const root = await makeRepo(files);
  const { findings } = await lintContent(await loadContent(root), { rules: [rule] });
  return examples.map((markdown, i) => {
    const offset = markdown.startsWith('---\n') ? 0 : frontmatterLines;
    return findings
      .filter((f) => (f.ruleId === rule.id || f.ruleId.startsWith('lint/')) && f.file.includes(`/example-${i}/`))
      .map((f) => ({ ...f, line: f.line - offset, endLine: f.endLine - offset }));
  });
}

describe.each(allRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it('has a description and examples', () => {
    expect(rule.description.length).toBeGreaterThan(5);
    expect(rule.examples.valid.length + rule.examples.invalid.length).toBeGreaterThan(0);
  });

  if (rule.examples.valid.length > 0) it('finds nothing in the valid examples', async () => {
    const results = await lintExamples(rule, rule.examples.valid);
    expect(results.map((found) => found.map((f) => f.message))).toEqual(rule.examples.valid.map(() => []));
  });

  // A rule about several articles (originality) keeps its invalid cases in lint.test.ts; no example, no test.
  if (rule.examples.invalid.length > 0) it('finds each problem in the invalid examples where they say, with their message', async () => {
    const results = await lintExamples(rule, rule.examples.invalid.map((e) => e.markdown));
    results.forEach((found, i) => {
      const example = rule.examples.invalid[i]!;
      const actual = found.map((f) => ({ rule: f.ruleId, line: f.line, column: f.column, message: f.message, suggestions: f.suggestions }));
      const expected = example.findings.map((e) => ({
        rule: e.rule ?? rule.id,
        line: e.line,
        column: e.column,
        message: expect.stringContaining(e.message),
        ...(e.suggestions ? { suggestions: e.suggestions } : {}),
      }));
      expect({ example: example.markdown, findings: actual }).toMatchObject({ example: example.markdown, findings: expected });
      for (const finding of found) {
        expect(finding.message).toMatch(/\p{Script=Han}/u);
        for (const suggestion of finding.suggestions ?? []) expect(suggestion.trim()).not.toBe('');
      }
    });
  });
});
