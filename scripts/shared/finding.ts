import { isCount, isObject, isStringArray } from './json-shape.ts';

export type Severity = 'error' | 'warning' | 'info';

/** One problem in one file, in the shape every output format and outside tool relies on (DESIGN.md). */
export interface Finding {
  /** Repository-relative, POSIX separators. */
  file: string;
  line: number;
  /** 1-based, counted in Unicode code points of the original file. */
  column: number;
  endLine: number;
  endColumn: number;
  /** `family/name`. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** Frontmatter field path such as `sources[0].url`, when the finding is about one field. */
  field?: string;
  suggestions?: string[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    (a.field ?? '').localeCompare(b.field ?? '')
  );
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** A finding read back from a cache or record, or undefined when it does not have the shape above. */
export function parseFinding(value: unknown): Finding | undefined {
  if (!isObject(value)) return undefined;
  const { file, line, column, endLine, endColumn, ruleId, severity, message, field, suggestions } = value;
  if (typeof file !== 'string' || typeof ruleId !== 'string' || typeof message !== 'string') return undefined;
  if (!isCount(line) || !isCount(column) || !isCount(endLine) || !isCount(endColumn)) return undefined;
  if (severity !== 'error' && severity !== 'warning' && severity !== 'info') return undefined;
  if ((field !== undefined && typeof field !== 'string') || (suggestions !== undefined && !isStringArray(suggestions))) return undefined;
  return { file, line, column, endLine, endColumn, ruleId, severity, message, ...(field !== undefined ? { field } : {}), ...(suggestions ? { suggestions } : {}) };
}
