import type { Severity } from '../shared/finding.ts';
import type { ExpectedFinding, Rule } from './define-rule.ts';
import { engineRules, type EngineRule } from './engine-findings.ts';
import { didYouMean } from '../shared/did-you-mean.ts';
import { allRules } from './rules/index.ts';

/** What `mpdesk lint --explain` and docs/rules.md say of one rule. */
export interface RuleDoc {
  id: string;
  family: string;
  severity: Severity;
  description: string;
  basis?: string;
  /** Findings the engine makes about the run or the suppression comments. */
  engine: boolean;
  valid: string[];
  invalid: Array<{ markdown: string; findings: ExpectedFinding[] }>;
}

const severityName: Record<Severity, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

function fromRule(rule: Rule): RuleDoc {
  return {
    id: rule.id,
    family: rule.id.split('/')[0]!,
    severity: rule.severity,
    description: rule.description,
    ...(rule.basis ? { basis: rule.basis } : {}),
    engine: false,
    valid: rule.examples.valid,
    invalid: rule.examples.invalid,
  };
}

function fromEngine(rule: EngineRule): RuleDoc {
  return { id: rule.id, family: 'lint', severity: rule.severity, description: rule.description, engine: true, valid: [], invalid: [] };
}

export function ruleDocs(rules: readonly Rule[] = allRules): RuleDoc[] {
  return [...rules.map(fromRule), ...engineRules.map(fromEngine)];
}

/** The rules a query names: one rule by id, or every rule of a family; empty when nothing matches. */
export function findRuleDocs(query: string, docs: readonly RuleDoc[] = ruleDocs()): RuleDoc[] {
  const exact = docs.filter((d) => d.id === query);
  return exact.length ? exact : docs.filter((d) => d.family === query);
}

const indent = (text: string, prefix: string) => text.split('\n').map((line) => (line ? prefix + line : prefix.trimEnd())).join('\n');
const where = (f: ExpectedFinding) => `第 ${f.line} 行第 ${f.column} 列${f.rule ? `（${f.rule}）` : ''}：…${f.message}…`;

/** One rule for the terminal. */
export function formatExplain(doc: RuleDoc): string {
  const lines = [`${doc.id}  ${severityName[doc.severity]}`, '', indent(doc.description, '  ')];
  if (doc.basis) lines.push('', '依据 basis:', indent(doc.basis, '  '));
  if (doc.valid.length) lines.push('', '不报 valid:', ...doc.valid.map((m) => indent(m, '  │ ') + '\n'));
  if (doc.invalid.length) {
    lines.push('', '报出 invalid:');
    for (const example of doc.invalid) lines.push(indent(example.markdown, '  │ '), ...example.findings.map((f) => `  → ${where(f)}`), '');
  }
  if (doc.engine) lines.push('', '（检查器自身的发现，不能用 mpdesk-disable 跳过。）');
  return `${lines.join('\n').trimEnd()}\n`;
}

const fence = (markdown: string) => {
  const longest = Math.max(2, ...[...markdown.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}markdown\n${markdown.replace(/\n$/, '')}\n${ticks}`;
};

/** docs/rules.md: every rule with its purpose, basis and the examples its tests run. */
export function rulesMarkdown(docs: readonly RuleDoc[] = ruleDocs()): string {
  const out = [
    '# 检查规则 Lint rules',
    '',
    '<!-- 由 `npm run gen:rules` 从规则模块生成，请勿手改。Generated from the rule modules by `npm run gen:rules`. -->',
    '',
    '每条规则的用途、依据，以及它的测试所用的例子（不报的、报出的及位置）。`mpdesk lint --explain <规则或家族>` 在终端里显示同样的内容。',
    '',
  ];
  for (const family of [...new Set(docs.map((d) => d.family))]) {
    out.push(`## ${family}`, '');
    for (const doc of docs.filter((d) => d.family === family)) {
      out.push(`### \`${doc.id}\``, '', `${severityName[doc.severity]}。${doc.description}`, '');
      if (doc.basis) out.push(`**依据 basis：** ${doc.basis}`, '');
      if (doc.valid.length) out.push('不报 valid:', '', ...doc.valid.flatMap((m) => [fence(m), '']));
      for (const example of doc.invalid) {
        out.push('报出 invalid:', '', fence(example.markdown), '', ...example.findings.map((f) => `- ${where(f)}`), '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** `mpdesk lint --explain`: the text to print, or why nothing matched (with the closest id or family). */
export function explain(query: string, format: 'pretty' | 'json', docs: readonly RuleDoc[] = ruleDocs()): { text: string } | { error: string } {
  const found = findRuleDocs(query, docs);
  if (found.length) return { text: format === 'json' ? `${JSON.stringify(found, null, 2)}\n` : found.map(formatExplain).join('\n') };
  const names = [...docs.map((d) => d.id), ...new Set(docs.map((d) => d.family))];
  const guess = didYouMean(query, names);
  return { error: `没有这条规则或规则家族：${query}${guess ? `（是不是 ${guess}？）` : ''}。规则一览见 docs/rules.md。` };
}
