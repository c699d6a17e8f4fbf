import pc from 'picocolors';
import type { Finding, Severity } from '../shared/finding.ts';

export type FindingsFormat = 'pretty' | 'json';

const severityLabel: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const severityColor: Record<Severity, (text: string) => string> = { error: pc.red, warning: pc.yellow, info: pc.blue };

export interface Summary {
  /** What was checked, e.g. "1 个账号、2 个计划、7 篇文章". */
  checked: string;
}

export function formatFindings(findings: readonly Finding[], format: FindingsFormat, summary: Summary): string {
  if (format === 'json') return `${JSON.stringify(findings, null, 2)}\n`;
  return formatPretty(findings, summary);
}

function formatPretty(findings: readonly Finding[], summary: Summary): string {
  const lines: string[] = [];
  let current: string | undefined;
  for (const finding of findings) {
    if (finding.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(pc.underline(finding.file));
      current = finding.file;
    }
    const where = pc.dim(`${finding.line}:${finding.column}`.padEnd(7));
    const label = severityColor[finding.severity](severityLabel[finding.severity]);
    const field = finding.field ? pc.dim(` [${finding.field}]`) : '';
    lines.push(`  ${where} ${label}  ${finding.message}${field}  ${pc.dim(finding.ruleId)}`);
    if (finding.suggestions?.length) lines.push(`  ${' '.repeat(7)}       ${pc.green('建议：')}${finding.suggestions.join(' / ')}`);
  }
  const counts = countBySeverity(findings);
  if (lines.length) lines.push('');
  if (counts.error + counts.warning + counts.info === 0) {
    lines.push(pc.green(`✓ 检查了 ${summary.checked}，没有发现问题。`));
  } else {
    const parts = [`${counts.error} 个错误`, `${counts.warning} 个警告`];
    if (counts.info) parts.push(`${counts.info} 个提示`);
    const mark = counts.error ? pc.red('✖') : pc.yellow('!');
    lines.push(`${mark} 检查了 ${summary.checked}：${parts.join('，')}。`);
  }
  return `${lines.join('\n')}\n`;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
