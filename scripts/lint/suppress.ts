import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Finding } from '../shared/finding.ts';

export interface Suppression {
  /** Rule ids, or empty for every rule. */
  rules: string[];
  fromLine: number;
  toLine: number;
}

const directive = /<!--\s*mpdesk-(disable-next-line|disable|enable)\b([^]*?)-->/g;

/**
 * `<!-- mpdesk-disable-next-line rule -- reason -->` silences the next line; `<!-- mpdesk-disable rule -->` …
 * `<!-- mpdesk-enable rule -->` a range (to the end of the file when not enabled again). No rule means every rule.
 */
export function suppressions(tree: Root): Suppression[] {
  const result: Suppression[] = [];
  const open = new Map<string, number>();
  visit(tree, 'html', (node) => {
    const line = node.position?.start.line ?? 0;
    const endLine = node.position?.end.line ?? line;
    for (const match of node.value.matchAll(directive)) {
      const [, kind, rest] = match;
      const rules = (rest ?? '').split(/\s--\s|\s--$/)[0]!.split(/[\s,]+/).filter(Boolean);
      if (kind === 'disable-next-line') result.push({ rules, fromLine: endLine + 1, toLine: endLine + 1 });
      else if (kind === 'disable') for (const rule of rules.length ? rules : ['*']) open.set(rule, endLine);
      else {
        for (const rule of rules.length ? rules : [...open.keys()]) {
          const from = open.get(rule);
          if (from === undefined) continue;
          result.push({ rules: rule === '*' ? [] : [rule], fromLine: from, toLine: line });
          open.delete(rule);
        }
      }
    }
  });
  for (const [rule, from] of open) result.push({ rules: rule === '*' ? [] : [rule], fromLine: from, toLine: Infinity });
  return result;
}

export function isSuppressed(finding: Finding, list: readonly Suppression[]): boolean {
  return list.some(
    (s) =>
      finding.line >= s.fromLine &&
      finding.line <= s.toLine &&
      (s.rules.length === 0 || s.rules.includes(finding.ruleId) || s.rules.includes(finding.ruleId.split('/')[0]!)),
  );
}
