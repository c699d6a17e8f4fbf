import type { Finding, Severity } from '../shared/finding.ts';
import type { Range } from '../shared/text-locator.ts';

/** A finding the engine itself makes (family `lint/`), about the run or the suppression comments, not the prose. */
export interface EngineRule {
  id: string;
  severity: Severity;
  description: string;
}

const rule = (id: string, severity: Severity, description: string): EngineRule => ({ id, severity, description });

export const ruleCrashed = rule('lint/rule-crashed', 'error', '规则运行出错：这条规则在该文件的结果不完整（退出码 2）。A rule crashed; its findings for the file are incomplete.');
export const internalError = rule('lint/internal-error', 'error', '检查这个文件时出错：该文件的检查结果不完整（退出码 2）。Linting the file failed; its findings are incomplete.');
export const unknownRule = rule('lint/unknown-rule', 'error', 'mpdesk-disable 注释里的规则 id 不存在。A suppression names an unknown rule.');
export const unknownDirective = rule('lint/unknown-directive', 'warning', '不认识的 mpdesk- 注释（拼写错误？）。An mpdesk- comment that is not a directive.');
export const bareSuppression = rule('lint/bare-suppression', 'error', '不带规则 id 的跳过注释不能跳过合规类（ad-law、platform、sensitive、ad-label、privacy）错误。A suppression without rule ids cannot silence compliance errors.');
export const suppressionWithoutReason = rule('lint/suppression-without-reason', 'error', '跳过错误级别的发现要在 -- 后写明理由。Suppressing an error needs a reason after --.');
export const unusedSuppression = rule('lint/unused-suppression', 'warning', '跳过注释没有跳过任何发现。A suppression that suppresses nothing.');
export const unmatchedEnable = rule('lint/unmatched-enable', 'warning', 'mpdesk-enable 前面没有对应的 mpdesk-disable。An enable without a matching disable.');
export const wordTooShort = rule('lint/word-too-short', 'warning', '词表里只有一个字（归一化后）的词条会被忽略。A word-list term of one character is ignored.');

export const engineRules: readonly EngineRule[] = [
  ruleCrashed,
  internalError,
  unknownRule,
  unknownDirective,
  bareSuppression,
  suppressionWithoutReason,
  unusedSuppression,
  unmatchedEnable,
  wordTooShort,
];

/** The compliance families: their error-severity findings can be suppressed only by rule id, with a reason. */
export const complianceFamilies: ReadonlySet<string> = new Set(['ad-law', 'platform', 'sensitive', 'ad-label', 'privacy']);

export function isEngineFinding(finding: Finding): boolean {
  return finding.ruleId.startsWith('lint/');
}

/** Findings that mean the lint itself failed rather than the content: the run exits 2. */
export function lintFailed(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.ruleId === ruleCrashed.id || f.ruleId === internalError.id);
}

export function engineFinding(rule: EngineRule, file: string, range: Range, message: string, suggestions?: string[]): Finding {
  const finding: Finding = { file, ...range, ruleId: rule.id, severity: rule.severity, message };
  if (suggestions?.length) finding.suggestions = suggestions;
  return finding;
}

/** An error's own message on one line, never its stack. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim() || '未知错误';
}

export function crashMessage(ruleId: string, file: string, error: unknown): string {
  return `规则 ${ruleId} 检查 ${file} 时出错：${errorText(error)}。这条规则在本文件的结果不完整，请把这条信息报告给规则的维护者。`;
}

export function internalErrorMessage(file: string, error: unknown): string {
  return `检查 ${file} 时出错：${errorText(error)}。本文件的检查结果不完整，其他文件照常检查。`;
}

/** Line 1, column 1: where a finding about the whole file stands. */
export const fileStart: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
