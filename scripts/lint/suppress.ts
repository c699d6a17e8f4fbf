import type { Root } from 'mdast';
import { visit } from '../shared/visit.ts';
import type { SourceFile } from '../content/index.ts';
import { didYouMean } from '../shared/did-you-mean.ts';
import type { Finding } from '../shared/finding.ts';
import type { Range } from '../shared/text-locator.ts';
import {
  bareSuppression,
  complianceFamilies,
  engineFinding,
  type EngineRule,
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
  const reader = new DirectiveReader(source, known);
  // A comment's text is the file's, line by line: a file without the word has none (most files; no walk of the tree).
  if (!source.text.includes('mpdesk-')) return reader.finish();
  visit(tree, 'html', (node) => {
    const base = (node.position?.start.offset ?? 0) + source.bomLength;
    const line = node.position?.start.line ?? 1;
    for (const match of node.value.matchAll(directive)) {
      const at = source.locator.range(base + match.index, base + match.index + match[0].length);
      reader.read(match[1] ?? '', match[2] ?? '', at, line, node.position?.end.line ?? line);
    }
  });
  return reader.finish();
}

class DirectiveReader {
  private readonly suppressions: Suppression[] = [];
  private readonly notices: Finding[] = [];
  /** Ranges not enabled again yet, by rule id (`*` for every rule). */
  private readonly open = new Map<string, Omit<Suppression, 'toLine'>>();

  constructor(
    private readonly source: SourceFile,
    private readonly known: ReadonlySet<string>,
  ) {}

  read(name: string, rest: string, at: Range, line: number, endLine: number): void {
    const kind = kinds.find((k) => k === name);
    if (!kind) {
      const guess = didYouMean(name, kinds);
      const message = `不认识的注释 mpdesk-${name}${guess ? `，是不是想写 mpdesk-${guess}？` : '。'}可用：mpdesk-disable-next-line、mpdesk-disable、mpdesk-enable。`;
      this.notice(unknownDirective, at, message, guess ? [`mpdesk-${guess}`] : undefined);
      return;
    }
    const [list = '', ...reasons] = rest.split(/\s--(?:\s|$)/);
    const reason = reasons.join(' -- ').trim();
    const ids = this.knownIds(kind, list, at);
    // Every id was unknown: the comment silences nothing rather than everything.
    if (list.trim() && !ids.length) return;
    const rules = ids.length ? ids : ['*'];
    if (kind === 'disable-next-line') {
      for (const rule of rules) this.suppressions.push({ rule, fromLine: endLine + 1, toLine: endLine + 1, reason, kind, at });
    } else if (kind === 'disable') {
      // A second disable of a rule already off keeps the first, which starts earlier.
      for (const rule of rules) if (!this.open.has(rule)) this.open.set(rule, { rule, fromLine: endLine, reason, kind, at });
    } else this.enable(ids, at, line);
  }

  finish(): Directives {
    for (const opened of this.open.values()) this.suppressions.push({ ...opened, toLine: Infinity });
    return { suppressions: this.suppressions, notices: this.notices };
  }

  private knownIds(kind: DirectiveKind, list: string, at: Range): string[] {
    const ids: string[] = [];
    for (const id of list.split(/[\s,]+/).filter(Boolean)) {
      if (this.known.has(id)) {
        ids.push(id);
        continue;
      }
      const guess = didYouMean(id, [...this.known]);
      const why = id.startsWith('lint/') ? 'lint/ 开头的是检查工具自己的发现，不能跳过。' : guess ? `是不是想写 ${guess}？` : '请检查拼写。';
      this.notice(unknownRule, at, `mpdesk-${kind} 里的规则“${id}”不存在，${why}Unknown rule id.`, guess ? [guess] : undefined);
    }
    return ids;
  }

  /** Closes the named ranges (all open ones without ids); an enable with nothing to close is a warning. */
  private enable(ids: readonly string[], at: Range, line: number): void {
    if (!ids.length && !this.open.size) this.notice(unmatchedEnable, at, 'mpdesk-enable 前面没有对应的 mpdesk-disable。');
    for (const rule of ids.length ? ids : [...this.open.keys()]) {
      const opened = this.open.get(rule);
      if (opened) {
        this.suppressions.push({ ...opened, toLine: line });
        this.open.delete(rule);
        continue;
      }
      const hint = this.open.has('*') ? '（前面的 mpdesk-disable 不带规则 id，要用不带规则 id 的 mpdesk-enable 结束）' : '';
      this.notice(unmatchedEnable, at, `mpdesk-enable ${rule} 前面没有对应的 mpdesk-disable ${rule}${hint}。`);
    }
  }

  private notice(rule: EngineRule, at: Range, message: string, suggestions?: string[]): void {
    this.notices.push(engineFinding(rule, this.source.file, at, message, suggestions));
  }
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
  const refused = new Map<Suppression, { rule: EngineRule; findings: Finding[] }>();
  for (const finding of findings) {
    const covering = isEngineFinding(finding) ? [] : directives.suppressions.filter((s) => covers(s, finding));
    let silenced = false;
    const refusals: Array<[Suppression, EngineRule]> = [];
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

function refusalNotices(file: string, refused: ReadonlyMap<Suppression, { rule: EngineRule; findings: Finding[] }>): Finding[] {
  return [...refused].map(([s, { rule, findings }]) => {
    const what = findings.map((f) => `第 ${f.line} 行的 ${f.ruleId}`).join('、');
    const example = `<!-- mpdesk-${s.kind} ${findings[0]!.ruleId} -- 理由 -->`;
    const message =
      rule === bareSuppression
        ? `不带规则 id 的 mpdesk-${s.kind} 不能跳过合规类错误（${what}）：请写明规则 id 和理由，如 ${example}。`
        : `跳过错误级别的发现要在 -- 后写明理由（未跳过：${what}），如 ${example}。`;
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
    const message = `这条 mpdesk-${kind}${ids.length ? `（${ids.join('、')}）` : ''}在${scope}没有跳过任何发现，可以删掉。`;
    notices.push(engineFinding(unusedSuppression, file, at, message));
  }
  return notices;
}
