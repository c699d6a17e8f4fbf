import { beijingIso } from '../shared/beijing-time.ts';
import type { Finding } from '../shared/finding.ts';
import type { PreviewBuild } from './index.ts';

const duration = (ms: number) => (ms < 1000 ? `${Math.round(ms)} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`);

function counts(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return `${errors} 个错误，${warnings} 个警告`;
}

/** What one changed article came to: its findings' counts, or why it did not build. */
function outcome({ file, page }: PreviewBuild['changed'][number]): string {
  if (!page) return `${file}：已不存在，预览已删除`;
  if (page.built) return `${page.dir}：${counts(page.findings)}`;
  const first = page.findings.find((f) => f.severity === 'error');
  return `${page.dir}：构建失败${first ? `，${first.file}:${first.line}:${first.column} ${first.ruleId} ${first.message}` : ''}`;
}

/** The line printed for one build of the preview, with the Beijing time and how long it took. */
export function buildLine(build: PreviewBuild, now = new Date()): string {
  const clock = beijingIso(now).slice(11, 19);
  const took = duration(build.ms);
  if (build.error !== undefined) return `${clock} 构建出错（${took}）：${build.error}${build.trigger === 'change' ? '页面保持上一次的结果。' : ''}`;
  const report = build.report!;
  if (build.trigger === 'start') {
    return `${clock} 构建完成（${took}）：渲染 ${report.rendered.length} 篇，未变化 ${report.unchanged.length} 篇，失败 ${report.failed.length} 篇。`;
  }
  const lint = build.lintMissing ? '（这次检查出错，页面上缺少检查结果）' : '';
  const paths = build.paths.length > 3 ? `${build.paths.slice(0, 3).join('、')} 等 ${build.paths.length} 个文件` : build.paths.join('、');
  if (!build.changed.length) return `${clock} 没有页面变化（${paths}，${took}）${lint}`;
  if (build.changed.length === 1) return `${clock} 已重建 ${outcome(build.changed[0]!)}（${took}）${lint}`;
  const failed = build.changed.filter((one) => one.page && !one.page.built).length;
  return `${clock} 已重建 ${build.changed.length} 篇${failed ? `，其中 ${failed} 篇构建失败` : ''}（${took}）${lint}`;
}
