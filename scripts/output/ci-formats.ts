import type { Finding } from '../shared/finding.ts';

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff. */
export function formatGithub(findings: readonly Finding[]): string {
  const command = { error: 'error', warning: 'warning', info: 'notice' } as const;
  return findings
    .map((f) => {
      const properties = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      const suggestion = f.suggestions?.length ? `（建议：${f.suggestions.join(' / ')}）` : '';
      return `::${command[f.severity]} ${properties}::${escapeData(f.message + suggestion)}\n`;
    })
    .join('');
}

export interface SarifRule {
  id: string;
  description: string;
}

/** SARIF 2.1.0, for code-scanning dashboards. Columns are code points, as the run says. */
export function formatSarif(findings: readonly Finding[], rules: readonly SarifRule[]): string {
  const level = { error: 'error', warning: 'warning', info: 'note' } as const;
  const used = new Set(findings.map((f) => f.ruleId));
  const known = new Map(rules.map((r) => [r.id, r.description]));
  const ruleList = [...used].sort().map((id) => ({ id, shortDescription: { text: known.get(id) ?? id } }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mpdesk', informationUri: 'https://github.com/mpdesk/mpdesk', rules: ruleList } },
        columnKind: 'unicodeCodePoints',
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleList.findIndex((r) => r.id === f.ruleId),
          level: level[f.severity],
          message: { text: f.suggestions?.length ? `${f.message}（建议：${f.suggestions.join(' / ')}）` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
