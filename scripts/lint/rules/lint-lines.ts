import { loadContent } from '../../content/index.ts';
import type { Finding } from '../../shared/finding.ts';
import { accountYaml, makeRepo } from '../../testing/fixture-repo.ts';
import type { Rule } from '../define-rule.ts';
import { lintContent } from '../index.ts';

/** Where a test line stands in its article. */
export type LinePlace = 'body' | 'title' | 'alt';

function articleWith(line: string, place: LinePlace): string {
  const title = place === 'title' ? JSON.stringify(line) : '示例';
  const body = place === 'alt' ? `![${line}](./pic.jpg)` : place === 'title' ? '正文从略。' : line;
  return `---\ntitle: ${title}\nstatus: draft\n---\n\n${body}\n`;
}

/**
 * Lints each line as its own article (one repository for all of them, so a table of cases stays fast) and returns,
 * per line, the messages the rule gave. For tests of the sentence-pattern rules.
 */
export async function lintLines(rule: Rule, lines: readonly string[], place: LinePlace = 'body'): Promise<Finding[][]> {
  const files: Record<string, string> = { 'content/shanye/account.yaml': accountYaml };
  lines.forEach((line, i) => {
    files[`content/shanye/articles/2026/line-${i}/index.md`] = articleWith(line, place);
  });
  const root = await makeRepo(files);
  const { findings } = await lintContent(await loadContent(root), { rules: [rule] });
  return lines.map((_, i) => findings.filter((f) => f.ruleId === rule.id && f.file.includes(`/line-${i}/`)));
}

/** The lines that got no finding, and those that got one, for readable failures. */
export async function caughtAndQuiet(rule: Rule, lines: readonly string[], place: LinePlace = 'body') {
  const results = await lintLines(rule, lines, place);
  return {
    missed: lines.filter((_, i) => results[i]!.length === 0),
    flagged: lines.filter((_, i) => results[i]!.length > 0),
    results,
  };
}
