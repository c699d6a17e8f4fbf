import { compareFindings, type Finding } from '../shared/finding.ts';
import { auditArticles, type ArticleAudit } from './article-history.ts';
import { readContentHistory } from './git-history.ts';

export type { Anomaly, ArticleAudit } from './article-history.ts';
export { auditMarkdown } from './audit-markdown.ts';

export interface AuditOptions {
  root: string;
  /** The branch whose history is the record; `HEAD` by default. */
  ref?: string;
  /** Which articles (repository-relative path of any name the article had); all when absent. */
  only?: (path: string) => boolean;
  /** ISO date (YYYY-MM-DD, Beijing time) from which changes are listed; earlier history still counts. */
  since?: string;
}

export interface AuditReport {
  ref: string;
  head: string;
  since?: string;
  articles: ArticleAudit[];
}

/** Reads git history back as the audit trail of each article. */
export async function auditRepository(options: AuditOptions): Promise<AuditReport> {
  const ref = options.ref ?? 'HEAD';
  const history = await readContentHistory(options.root, ref);
  const all = await auditArticles(history);
  const chosen = options.only ? all.filter((a) => a.paths.some(options.only!) || options.only!(a.path)) : all;
  const from = options.since ? Date.parse(`${options.since}T00:00:00+08:00`) : -Infinity;
  const recent = <T extends { date: string }>(items: T[]) => items.filter((item) => Date.parse(item.date) >= from);
  const articles = chosen.map((a) => ({
    ...a,
    changes: recent(a.changes),
    statusChanges: recent(a.statusChanges),
    approvals: recent(a.approvals),
    receipts: recent(a.receipts),
    anomalies: recent(a.anomalies),
  }));
  return { ref, head: history.head, ...(options.since ? { since: options.since } : {}), articles };
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
      message: `${anomaly.message}（${anomaly.date.slice(0, 10)}）`,
    })),
  ).sort(compareFindings);
}
