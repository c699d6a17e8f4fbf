import { describe, expect, it } from 'vitest';
import { buildCounts, findingCount, parsePasses } from './cli-output.ts';

describe('buildCounts', () => {
  it('counts what a build rendered, left unchanged and failed', () => {
    const report = {
      rendered: ['content/qinghe-tea/articles/2026/cha-dongri-0009/index.md'],
      unchanged: ['content/qinghe-tea/articles/2026/cha-huolu-0005/index.md', 'content/qinghe-tea/articles/2026/kafei-laojie-0002/index.md'],
      failed: [],
      findings: [],
      waitedMs: 0,
    };
    expect(buildCounts(JSON.stringify(report, null, 2))).toEqual({ rendered: 1, unchanged: 2, failed: 0 });
  });

  it('gives nothing for output that is not a build report', () => {
    expect(buildCounts('mpdesk: 找不到仓库根目录')).toBeUndefined();
    expect(buildCounts('[]')).toBeUndefined();
    expect(buildCounts('{"rendered": 3}')).toBeUndefined();
  });
});

describe('findingCount', () => {
  it('counts the findings of a JSON lint report', () => {
    const finding = { file: 'content/qinghe-tea/articles/2026/kafei-dongri-0078/index.md', line: 49, column: 206, ruleId: 'ad-law/absolute-terms', severity: 'error', message: '“最合适”属于绝对化用语' };
    expect(findingCount(JSON.stringify([finding, finding]))).toBe(2);
    expect(findingCount('[]')).toBe(0);
    expect(findingCount('')).toBeUndefined();
  });
});

describe('parsePasses', () => {
  it('reads the time of each pass from the runner\'s last line', () => {
    expect(parsePasses('{"files":200,"passesMs":[13865.2,8761.9]}\n')).toEqual([13865.2, 8761.9]);
  });

  it('gives nothing for a crash or a pass that is not a number', () => {
    expect(parsePasses('Error: 主题不存在: default')).toBeUndefined();
    expect(parsePasses('{"passesMs":[1, "快"]}')).toBeUndefined();
    expect(parsePasses('{"files":3}')).toBeUndefined();
  });
});
