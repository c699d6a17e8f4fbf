import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { SourceFile } from '../content/index.ts';
import { didYouMean } from '../shared/did-you-mean.ts';
import type { Finding } from '../shared/finding.ts';
import type { Range } from '../shared/text-locator.ts';
import {
  bareSuppression,
  complianceFamilies,
  engineFinding,
  isEngineFinding,
  suppressionWithoutReason,
  unknownDirective,
  unknownRule,
  unmatchedEnable,
  unusedSuppression,
} from './engine-findings.ts';

type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';
const kinds: readonly DirectiveKind[] = ['disable-next-line', 'disable', 'enable'];

/** One rule id (or family, or `*` for every rule) silenced over a range of lines by one comment. */
export interface Suppression {
  rule: string;
  fromLine: number;
  toLine: number;
  /** The text after ` -- `; empty when there is none. */
  reason: string;
  kind: 'disable-next-line' | 'disable';
  /** Where the comment stands. */
  at: Range;
}

/** A file's suppression comments, read, and what is wrong with the comments themselves. */
export interface Directives {
  suppressions: Suppression[];
  notices: Finding[];
}

const directive = /<!--\s*mpdesk-([A-Za-z-]*)([^]*?)-->/g;

/**
 * `<!-- mpdesk-disable-next-line rule -- reason -->` silences the next line; `<!-- mpdesk-disable rule -->` …
 * `<!-- mpdesk-enable rule -->` a range (to the end of the file when not enabled again). No rule means every rule.
 * `known` holds the rule ids that exist; ids and families outside it are reported, not silently ignored.
 */
export function readDirectives(source: SourceFile, tree: Root, known: ReadonlySet<string>): Directives {
  const suppressions: Suppression[] = [];
  const notices: Finding[] = [];
  const open = new Map<string, Omit<Suppression, 'toLine'>>();
  const notice = (...args: Parameters<typeof engineFinding>) => notices.push(engineFinding(...args));
  visit(tree, 'html', (node) => {
    const line = node.position?.start.line ?? 1;
    const endLine = node.position?.end.line ?? line;
    const base = (node.position?.start.offset ?? 0) + source.bomLength;
    for (const match of node.value.matchAll(directive)) {
      const at = source.locator.range(base + match.index, base + match.index + match[0].length);
      const kind = kinds.find((k) => k === match[1]);
      if (!kind) {
        const guess = didYouMean(match[1] ?? '', kinds);
        notice(unknownDirective, source.file, at, `不认识的注释 mpdesk-${match[1]}${guess ? `，是不是想写 mpdesk-${guess}？` : '。'}可用：mpdesk-disable-next-line、mpdesk-disable、mpdesk-enable。Not an mpdesk directive.`, guess ? [`mpdesk-${guess}`] : undefined);
        continue;
      }
      const [list = '', ...rest] = (match[2] ?? '').split(/\s--(?:\s|$)/);
      const reason = rest.join(' -- ').trim();
      const ids: string[] = [];
      for (const id of list.split(/[\s,]+/).filter(Boolean)) {
        if (known.has(id)) ids.push(id);
        else {
          const guess = didYouMean(id, [...known]);
          const why = id.startsWith('lint/') ? 'lint/ 开头的是检查工具自己的发现，不能跳过。' : guess ? `是不是想写 ${guess}？` : '';
          notice(unknownRule, source.file, at, `mpdesk-${kind} 里的规则 “${id}” 不存在，${why || '请检查拼写。'}Unknown rule id.`, guess ? [guess] : undefined);
        }
      }
      // Every id was unknown: the comment silences nothing rather than everything.
      if (list.trim() && !ids.length) continue;
      if (kind === 'disable-next-line') {
        for (const rule of ids.length ? ids : ['*']) suppressions.push({ rule, fromLine: endLine + 1, toLine: endLine + 1, reason, kind, at });
      } else if (kind === 'disable') {
        // A second disable of a rule already off keeps the first, which starts earlier.
        for (const rule of ids.length ? ids : ['*']) if (!open.has(rule)) open.set(rule, { rule, fromLine: endLine, reason, kind, at });
      } else {
        if (!ids.length && !open.size) notice(unmatchedEnable, source.file, at, 'mpdesk-enable 前面没有对应的 mpdesk-disable。An enable without a matching disable.');
        for (const rule of ids.length ? ids : [...open.keys()]) {
          const opened = open.get(rule);
          if (opened) {
            suppressions.push({ ...opened, toLine: line });
            open.delete(rule);
            continue;
          }
          const hint = open.has('*') ? '（前面的 mpdesk-disable 不带规则 id，要用不带规则 id 的 mpdesk-enable 结束）' : '';
          notice(unmatchedEnable, source.file, at, `mpdesk-enable ${rule} 前面没有对应的 mpdesk-disable ${rule}${hint}。An enable without a matching disable.`);
        }
      }
    }
  });
  for (const opened of open.values()) suppressions.push({ ...opened, toLine: Infinity });
  return { suppressions, notices };
}

function covers(s: Suppression, finding: Finding): boolean {
  return finding.line >= s.fromLine && finding.line <= s.toLine && (s.rule === '*' || s.rule === finding.ruleId || s.rule === familyOf(finding.ruleId));
}

function familyOf(ruleId: string): string {
  return ruleId.split('/')[0]!;
}

/**
 * Drops the findings the file's comments silence and reports on the comments: an error needs a reason, a comment
 * without rule ids cannot silence a compliance error, and a comment that silences nothing is a warning. Engine
 * findings (`lint/`) are never silenced.
 */
export function applySuppressions(file: string, findings: readonly Finding[], directives: Directives): { kept: Finding[]; notices: Finding[] } {
  const kept: Finding[] = [];
  const used = new Set<Suppression>();
  const refused = new Map<Suppression, { rule: typeof bareSuppression; findings: Finding[] }>();
  for (const finding of findings) {
    const covering = isEngineFinding(finding) ? [] : directives.suppressions.filter((s) => covers(s, finding));
    let silenced = false;
    const refusals: Array<[Suppression, typeof bareSuppression]> = [];
    for (const s of covering) {
      used.add(s);
      if (finding.severity === 'error' && s.rule === '*' && complianceFamilies.has(familyOf(finding.ruleId))) refusals.push([s, bareSuppression]);
      else if (finding.severity === 'error' && !s.reason) refusals.push([s, suppressionWithoutReason]);
      else silenced = true;
    }
    if (silenced) continue;
    kept.push(finding);
    for (const [s, rule] of refusals) {
      const entry = refused.get(s) ?? { rule, findings: [] };
      entry.findings.push(finding);
      refused.set(s, entry);
    }
  }
  return { kept, notices: [...directives.notices, ...refusalNotices(file, refused), ...unusedNotices(file, directives.suppressions, used)] };
}

function refusalNotices(file: string, refused: ReadonlyMap<Suppression, { rule: typeof bareSuppression; findings: Finding[] }>): Finding[] {
  return [...refused].map(([s, { rule, findings }]) => {
    const what = findings.map((f) => `第 ${f.line} 行的 ${f.ruleId}`).join('、');
    const example = `<!-- mpdesk-${s.kind} ${findings[0]!.ruleId} -- 理由 -->`;
    const message =
      rule === bareSuppression
        ? `不带规则 id 的 mpdesk-${s.kind} 不能跳过合规类错误（${what}）：请写明规则 id 和理由，如 ${example}。A suppression without rule ids cannot silence compliance errors.`
        : `跳过错误级别的发现要在 -- 后写明理由（未跳过：${what}），如 ${example}。Suppressing an error needs a reason after --.`;
    return engineFinding(rule, file, s.at, message, [example]);
  });
}

/** One warning per comment, naming the ids of it that silenced nothing. */
function unusedNotices(file: string, suppressions: readonly Suppression[], used: ReadonlySet<Suppression>): Finding[] {
  const byComment = new Map<string, Suppression[]>();
  for (const s of suppressions) {
    const key = `${s.at.line}:${s.at.column}`;
    byComment.set(key, [...(byComment.get(key) ?? []), s]);
  }
  const notices: Finding[] = [];
  for (const group of byComment.values()) {
    const unused = group.filter((s) => !used.has(s));
    if (!unused.length) continue;
    const { kind, at } = unused[0]!;
    const ids = unused.map((s) => s.rule).filter((rule) => rule !== '*');
    const scope = kind === 'disable-next-line' ? '下一行' : '这段';
    const message = `这条 mpdesk-${kind}${ids.length ? `（${ids.join('、')}）` : ''}在${scope}没有跳过任何发现，可以删掉。The suppression suppresses nothing.`;
    notices.push(engineFinding(unusedSuppression, file, at, message));
  }
  return notices;
}
