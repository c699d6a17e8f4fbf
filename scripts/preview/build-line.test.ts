import { describe, expect, it } from 'vitest';
import type { Finding } from '../shared/finding.ts';
import { buildLine, type PreviewBuild } from './index.ts';

const file = 'content/qinghe-tea/articles/2026/dongri-pao-cha/index.md';
const at = new Date('2026-12-01T12:00:05Z');
const yaml: Finding = { file, line: 3, column: 1, endLine: 3, endColumn: 2, ruleId: 'schema/yaml-syntax', severity: 'error', message: 'YAML 语法错误，第 3 行：方括号 [ ] 没有闭合。' };
const report = { rendered: [file], unchanged: [], failed: [], findings: [], waitedMs: 0 };
const change = (over: Partial<PreviewBuild>): PreviewBuild => ({ trigger: 'change', paths: [file], ms: 86.4, changed: [], lintMissing: false, report, ...over });

describe('the line printed per build', () => {
  it('gives the Beijing time, what the build came to and how long it took', () => {
    expect(buildLine(change({ trigger: 'start', ms: 2345 }), at)).toBe('20:00:05 构建完成（2.3 秒）：渲染 1 篇，未变化 0 篇，失败 0 篇。');
    const failed = { file, dir: 'qinghe-tea/dongri-pao-cha', built: false, preview: '', findings: [yaml] };
    expect(buildLine(change({ changed: [{ file, page: failed }] }), at)).toBe(`20:00:05 已重建 qinghe-tea/dongri-pao-cha：构建失败，${file}:3:1 schema/yaml-syntax YAML 语法错误，第 3 行：方括号 [ ] 没有闭合。（86 毫秒）`);
    expect(buildLine(change({ changed: [{ file }] }), at)).toBe(`20:00:05 已重建 ${file}：已不存在，预览已删除（86 毫秒）`);
    const built = { ...failed, built: true, findings: [{ ...yaml, severity: 'warning' as const }] };
    expect(buildLine(change({ changed: [{ file, page: built }, { file: 'b', page: failed }], lintMissing: true }), at)).toBe('20:00:05 已重建 2 篇，其中 1 篇构建失败（86 毫秒）（这次检查出错，页面上缺少检查结果）');
    expect(buildLine(change({ paths: ['a', 'b', 'c', 'd'] }), at)).toBe('20:00:05 没有页面变化（a、b、c 等 4 个文件，86 毫秒）');
    expect(buildLine(change({ error: '无法创建目录 dist：没有权限（EACCES）。' }), at)).toBe('20:00:05 构建出错（86 毫秒）：无法创建目录 dist：没有权限（EACCES）。页面保持上一次的结果。');
  });
});
