import { describe, expect, it } from 'vitest';
import type { Finding } from '../shared/finding.ts';
import { formatGithub, formatSarif } from './ci-formats.ts';

const findings: Finding[] = [
  {
    file: 'content/qinghe-tea/articles/2026/dongri-pao-cha/index.md',
    line: 12,
    column: 5,
    endLine: 12,
    endColumn: 7,
    ruleId: 'ad-law/absolute-terms',
    severity: 'error',
    message: '“最佳”属于绝对化用语，依据《广告法》第九条第（三）项。\n第二行: 100%',
    suggestions: ['很好'],
  },
  { file: 'a,b.md', line: 1, column: 1, endLine: 1, endColumn: 2, ruleId: 'links/links', severity: 'info', message: '外链' },
];

describe('github annotations', () => {
  it('prints one workflow command per finding, escaped', () => {
    expect(formatGithub(findings)).toBe(
      '::error file=content/qinghe-tea/articles/2026/dongri-pao-cha/index.md,line=12,col=5,endLine=12,endColumn=7,title=ad-law/absolute-terms::“最佳”属于绝对化用语，依据《广告法》第九条第（三）项。%0A第二行: 100%25（建议：很好）\n' +
        '::notice file=a%2Cb.md,line=1,col=1,endLine=1,endColumn=2,title=links/links::外链\n',
    );
  });
});

describe('SARIF', () => {
  it('is a SARIF 2.1.0 log with rules, levels and code-point regions', () => {
    const log = JSON.parse(formatSarif(findings, [{ id: 'ad-law/absolute-terms', description: '绝对化用语' }]));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('mpdesk');
    expect(run.columnKind).toBe('unicodeCodePoints');
    expect(run.tool.driver.rules).toEqual([
      { id: 'ad-law/absolute-terms', shortDescription: { text: '绝对化用语' } },
      { id: 'links/links', shortDescription: { text: 'links/links' } },
    ]);
    expect(run.results[0]).toMatchObject({
      ruleId: 'ad-law/absolute-terms',
      ruleIndex: 0,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: findings[0]!.file }, region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 7 } } }],
    });
    expect(run.results[1]).toMatchObject({ level: 'note', ruleIndex: 1 });
  });
});
