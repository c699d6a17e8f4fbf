import { compareFindings, type Finding } from '../shared/finding.ts';
import { auditArticles, type ArticleAudit } from './article-history.ts';
import { parseTrailers } from '../review/index.ts';
import { beijingDate } from '../shared/beijing-time.ts';
import { readContentHistory, type ContentHistory } from '../shared/git-history.ts';

export type { Anomaly, ArticleAudit, StandingApproval } from './article-history.ts';
export { contentHash } from './article-history.ts';
export { auditMarkdown, processStartLabel } from './audit-markdown.ts';
export { beijingDate, beijingTime } from '../shared/beijing-time.ts';
export { isCalendarDate } from '../shared/calendar-date.ts';

export interface AuditOptions {
  root: string;
  /** The branch whose history is the record; `HEAD` by default. */
  ref?: string;
  /** Which articles (repository-relative path of any name the article had); all when absent. */
  only?: (path: string) => boolean;
  /** Date (YYYY-MM-DD, Beijing time) from which records are listed; earlier history still counts. */
  since?: string;
  /** Without `since`: list records from the start of the review process on (what `review check` judges). */
  fromProcessStart?: boolean;
}

/** Where the review process began on the audited branch: before it, nothing could have been a reviewed merge. */
export interface ProcessStart {
  commit: string;
  committed: string;
  /** workflow: the commit that added the review workflow; reviewed-merge: the first merge with a review record. */
  reason: 'workflow' | 'reviewed-merge';
}

export interface AuditReport {
  ref: string;
  head: string;
  since?: string;
  processStart?: ProcessStart;
  /** Whether records were listed from `processStart` on. */
  fromProcessStart?: boolean;
  articles: ArticleAudit[];
}

/** Reads git history back as the audit trail of each article. */
export async function auditRepository(options: AuditOptions): Promise<AuditReport> {
  const ref = options.ref ?? 'HEAD';
  const history = await readContentHistory(options.root, ref);
  const all = await auditArticles(history);
  const chosen = options.only ? all.filter((a) => a.paths.some(options.only!) || options.only!(a.path)) : all;
  const processStart = findProcessStart(history);
  const position = new Map(history.mainline.map((c, i) => [c.sha, i]));
  const startAt = processStart ? position.get(processStart.commit)! : 0;
  const fromStart = options.since === undefined && options.fromProcessStart === true && processStart !== undefined;
  const inWindow = options.since !== undefined ? sinceFilter(history.mainline, options.since) : fromStart ? windowFrom(history.mainline, startAt) : () => true;
  const recent = <T extends { commit: string; committed: string }>(items: T[]) => items.filter(inWindow);
  const articles = chosen.map((a) => ({
    ...a,
    changes: recent(a.changes),
    statusChanges: recent(a.statusChanges),
    approvals: recent(a.approvals),
    receipts: recent(a.receipts),
    anomalies: recent(a.anomalies).map((x) => ((position.get(x.commit) ?? startAt) < startAt ? { ...x, predatesProcess: true as const } : x)),
  }));
  return {
    ref,
    head: history.head,
    ...(options.since ? { since: options.since } : {}),
    ...(processStart ? { processStart } : {}),
    ...(fromStart ? { fromProcessStart: true } : {}),
    articles,
  };
}

/**
 * The earliest commit on the audited branch that added the review workflow or is a merge with a review record:
 * the process was adopted there, so history before it is the record of how things were, not a breach.
 */
function findProcessStart(history: ContentHistory): ProcessStart | undefined {
  const position = new Map(history.mainline.map((c, i) => [c.sha, i]));
  const merge = history.changes.find((c) => c.commit.mainline && c.commit.parents.length > 1 && (parseTrailers(c.commit.trailers)?.reviewers.length ?? 0) > 0)?.commit.sha;
  const candidates = [
    ...(history.workflowAdded ? [{ sha: history.workflowAdded, reason: 'workflow' as const }] : []),
    ...(merge ? [{ sha: merge, reason: 'reviewed-merge' as const }] : []),
  ].sort((a, b) => position.get(a.sha)! - position.get(b.sha)!);
  const first = candidates[0];
  if (!first) return undefined;
  return { commit: first.sha, committed: history.mainline[position.get(first.sha)!]!.committed, reason: first.reason };
}

/**
 * Which records fall on or after `since` (a Beijing-time date). On the audited branch the line is drawn in its
 * first-parent order: from the first commit made on or after that day, everything after it counts, so a commit
 * cannot slip out of the window by carrying an earlier date. Branch commits go by their committer date.
 */
function sinceFilter(mainline: ReadonlyArray<{ sha: string; committed: string }>, since: string): (item: { commit: string; committed: string }) => boolean {
  const from = Date.parse(`${since}T00:00:00+08:00`);
  return windowFrom(mainline, mainline.findIndex((c) => Date.parse(c.committed) >= from), from);
}

/** Records from the `start`th commit of the branch on (none when -1); branch commits from `from` (ms) on. */
function windowFrom(mainline: ReadonlyArray<{ sha: string; committed: string }>, start: number, from = Date.parse(mainline[start]?.committed ?? '')): (item: { commit: string; committed: string }) => boolean {
  const position = new Map(mainline.map((c, i) => [c.sha, i]));
  return (item) => {
    const at = position.get(item.commit);
    if (at !== undefined) return start >= 0 && at >= start;
    return Date.parse(item.committed) >= from;
  };
}

/** The anomalies as findings, for `mpdesk review check` and its CI annotations. */
export function anomalyFindings(report: AuditReport): Finding[] {
  return report.articles.flatMap((article) =>
    article.anomalies.map((anomaly) => ({
      file: anomaly.path,
      line: anomaly.line ?? 1,
      column: 1,
      endLine: anomaly.line ?? 1,
      endColumn: 1,
      ruleId: `review/${anomaly.kind}`,
      severity: anomaly.severity,
      message: `${anomaly.message}（${beijingDate(anomaly.date)}）`,
    })),
  ).sort(compareFindings);
}
