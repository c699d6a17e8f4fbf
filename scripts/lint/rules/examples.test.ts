import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/index.ts';
import { accountYaml, makeRepo, type FixtureFiles } from '../../testing/fixture-repo.ts';
import { lintContent } from '../index.ts';
import { allRules } from './index.ts';

const account = `${accountYaml}glossary:
  - preferred: 山野咖啡
    avoid: [山野咖啡馆]
  - preferred: 公众号
    avoid: [公号]
`;

/** Each example becomes one article; a body without its own frontmatter gets a minimal one with a cover. */
function asArticle(markdown: string): string {
  return markdown.startsWith('---\n') ? markdown : `---\ntitle: 示例\nstatus: draft\ndigest: 示例摘要。\ncover: ./cover.jpg\n---\n\n${markdown}\n`;
}

async function lintExamples(ruleId: string, examples: readonly string[]) {
  const cover = await sharp({ create: { width: 1800, height: 766, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const small = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#7a9' } }).png().toBuffer();
  const files: FixtureFiles = { 'content/shanye/account.yaml': account };
  examples.forEach((markdown, i) => {
    const dir = `content/shanye/articles/2026/example-${i}`;
    Object.assign(files, { [`${dir}/index.md`]: asArticle(markdown), [`${dir}/cover.jpg`]: cover, [`${dir}/cup.jpg`]: cover, [`${dir}/small.png`]: small, [`${dir}/a.webp`]: cover, [`${dir}/cup.gif`]: cover });
  });
  const root = await makeRepo(files);
  const rule = allRules.find((r) => r.id === ruleId)!;
  const { findings } = await lintContent(await loadContent(root), { rules: [rule] });
  return examples.map((_, i) => findings.filter((f) => f.ruleId === ruleId && f.file.includes(`/example-${i}/`)));
}

describe.each(allRules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it('has a description and examples', () => {
    expect(rule.description.length).toBeGreaterThan(5);
    expect(rule.examples.valid.length + rule.examples.invalid.length).toBeGreaterThan(0);
  });

  if (rule.examples.valid.length > 0) it('finds nothing in the valid examples', async () => {
    const results = await lintExamples(id, rule.examples.valid);
    expect(results.map((found) => found.map((f) => f.message))).toEqual(rule.examples.valid.map(() => []));
  });

  // A rule about several articles (originality) keeps its invalid cases in lint.test.ts; no example, no test.
  if (rule.examples.invalid.length > 0) it('finds each problem in the invalid examples, positioned and in Chinese', async () => {
    const results = await lintExamples(id, rule.examples.invalid.map((e) => e.markdown));
    results.forEach((found, i) => {
      expect({ example: rule.examples.invalid[i]!.markdown, count: found.length }).toEqual({ example: rule.examples.invalid[i]!.markdown, count: rule.examples.invalid[i]!.count ?? 1 });
      for (const finding of found) {
        expect(finding.line).toBeGreaterThan(0);
        expect(finding.message).toMatch(/\p{Script=Han}/u);
      }
    });
  });
});
