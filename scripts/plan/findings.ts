import type { SourceFile, Span } from '../content/index.ts';
import type { Finding, Severity } from '../shared/finding.ts';

export interface FindingAt {
  ruleId: string;
  severity: Severity;
  message: string;
  field?: string;
  suggestions?: string[];
}

/** A finding at a span of a loaded file, in the findings contract's positions. */
export function findingAt(source: SourceFile, span: Span, finding: FindingAt): Finding {
  const { ruleId, severity, message, field, suggestions } = finding;
  return { file: source.file, ...source.locator.range(span[0], span[1]), ruleId, severity, message, ...(field ? { field } : {}), ...(suggestions ? { suggestions } : {}) };
}

/** A finding about a whole file (a snapshot, account.yaml), at the start of a line. */
export function notice(file: string, line: number, severity: Severity, ruleId: string, message: string): Finding {
  return { file, line, column: 1, endLine: line, endColumn: 1, ruleId, severity, message };
}
