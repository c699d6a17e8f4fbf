import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { explain, ruleDocs, rulesMarkdown } from './explain.ts';
import { rulesDocFile } from './generate-rules-doc.ts';

describe('mpdesk lint --explain', () => {
  it('shows a rule with its purpose, basis and the examples its tests run', () => {
    const result = explain('ad-law/absolute-terms', 'pretty');
    expect('text' in result && result.text).toMatch(/^ad-law\/absolute-terms  错误 error\n/);
    const text = 'text' in result ? result.text : '';
    expect(text).toContain('绝对化用语');
    expect(text).toContain('依据 basis:');
    expect(text).toContain('  │ 这是全城最香的一款手冲豆，本店烘焙。');
    expect(text).toMatch(/→ 第 1 行第 5 列：…“最香”属于绝对化用语/);
  });

  it('shows every rule of a family, and suggests the closest id for a typo', () => {
    const family = explain('style', 'json');
    const ids = 'text' in family ? (JSON.parse(family.text) as Array<{ id: string }>).map((d) => d.id) : [];
    expect(ids).toContain('style/cjk-latin-spacing');
    expect(ids.every((id) => id.startsWith('style/'))).toBe(true);
    expect(explain('ad-law/absolute-term', 'pretty')).toEqual({ error: expect.stringContaining('是不是 ad-law/absolute-terms') });
  });

  it('gives every compliance rule a basis', () => {
    const compliance = ruleDocs().filter((d) => ['ad-law', 'platform', 'sensitive', 'ad-label', 'facts', 'privacy'].includes(d.family));
    expect(compliance.filter((d) => !d.basis).map((d) => d.id)).toEqual([]);
  });

  it('keeps docs/rules.md generated from the rules (npm run gen:rules)', async () => {
    expect(await readFile(rulesDocFile, 'utf8')).toBe(rulesMarkdown());
  });

  it('works outside a repository, exit 2 for an unknown rule', async () => {
    const ok = await runCli(['lint', '--explain', 'privacy/personal-data'], '/');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('privacy/personal-data');
    const bad = await runCli(['lint', '--explain', 'nope/rule'], '/');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('没有这条规则或规则家族：nope/rule');
  });
});
