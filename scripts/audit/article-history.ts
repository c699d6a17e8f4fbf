import { createHash } from 'node:crypto';
import { classify } from '../content/layout.ts';
import { readFrontmatter } from '../content/frontmatter.ts';
import { accountOf } from '../review/changed-content.ts';
import { isTeam, reviewLevelsOf } from '../review/policy.ts';
import { parseTrailers, type ReviewRecord } from '../review/trailers.ts';
import { blobReader, fileAtCommit, type Commit, type ContentHistory, type FileChange } from './git-history.ts';

export interface Who {
  commit: string;
  author: string;
  email: string;
  date: string;
}

export interface ChangeEntry extends Who {
  subject: string;
  /** merge: a merge into the audited branch; direct: a commit made on it; branch: a commit on a merged branch. */
  via: 'merge' | 'direct' | 'branch';
  kind: 'added' | 'edited' | 'renamed' | 'deleted';
  path: string;
  previousPath?: string;
}

export interface StatusChange extends Who {
  from?: string;
  to?: string;
}

export interface Approval extends Who {
  reviewers: ReviewRecord['reviewers'];
  reviewedOn: string;
  approvedHead: string;
  /** The branch head the merge brought in (its second parent). */
  mergedHead?: string;
}

export interface Receipt extends Who {
  media_id?: string;
  url?: string;
}

export type AnomalyKind = 'unapproved-status' | 'missing-levels' | 'head-mismatch' | 'unreviewed-change';

export interface Anomaly {
  kind: AnomalyKind;
  severity: 'error' | 'warning';
  commit: string;
  date: string;
  path: string;
  /** 1-based line of the `status` field in that version, where the anomaly is about a status. */
  line?: number;
  message: string;
}

export interface ArticleAudit {
  /** The article's path now (or when it was deleted). */
  path: string;
  account: string;
  title?: string;
  status?: string;
  deleted: boolean;
  /** Every path the article has had, oldest first. */
  paths: string[];
  created?: Who;
  changes: ChangeEntry[];
  statusChanges: StatusChange[];
  approvals: Approval[];
  receipts: Receipt[];
  anomalies: Anomaly[];
}

/** Statuses that say the content was approved; reaching one needs a reviewed merge of that very content. */
const approvedStatuses = new Set(['approved', 'scheduled', 'published']);
/** Fields that publishing and scheduling change after approval; changing them is not a content change. */
const bookkeeping = new Set(['status', 'publish_at', 'wechat']);

interface Version {
  text: string;
  data: Record<string, unknown>;
  /** Hash of everything but the bookkeeping fields. */
  contentHash: string;
}

/** Follows each article through history (renames included) and works out its audit record. */
export async function auditArticles(history: ContentHistory): Promise<ArticleAudit[]> {
  const readBlob = blobReader(history.git);
  const readFile = fileAtCommit(history.git);
  const idOf = new Map<string, string>();
  const byId = new Map<string, { audit: ArticleAudit; approvedHash?: string }>();

  const relevant = history.changes.filter((change) => isArticle(change.path) || (change.oldPath && isArticle(change.oldPath)));
  // Start every read now: simple-git runs several at once, and the loop below takes them in history order.
  for (const change of relevant) {
    if (change.commit.mainline) for (const blob of [change.oldBlob, change.newBlob]) readBlob(blob).catch(() => undefined);
  }
  for (const change of relevant) {
    const id = (change.oldPath && idOf.get(change.oldPath)) ?? idOf.get(change.path) ?? change.path;
    idOf.set(change.path, id);
    let entry = byId.get(id);
    if (!entry) {
      entry = { audit: emptyAudit(change.path) };
      byId.set(id, entry);
    }
    const { audit } = entry;
    if (change.status !== 'D' && audit.paths.at(-1) !== change.path) audit.paths.push(change.path);
    const who: Who = { commit: change.commit.sha, author: change.commit.author, email: change.commit.email, date: change.commit.date };
    const kind = change.status === 'D' ? 'deleted' : change.status === 'A' ? 'added' : change.oldPath ? 'renamed' : 'edited';
    audit.created ??= who;
    const via = !change.commit.mainline ? 'branch' : change.commit.parents.length > 1 ? 'merge' : 'direct';
    audit.changes.push({ ...who, subject: change.commit.subject, via, kind, path: change.path, ...(change.oldPath ? { previousPath: change.oldPath } : {}) });
    if (change.commit.mainline) await judgeMainline(entry, change, who, readBlob, readFile);
  }

  return [...byId.values()].map(({ audit }) => audit).sort((a, b) => a.path.localeCompare(b.path));
}

function emptyAudit(path: string): ArticleAudit {
  return { path, account: accountOf(path) ?? '', deleted: false, paths: [], changes: [], statusChanges: [], approvals: [], receipts: [], anomalies: [] };
}

const isArticle = (path: string) => classify(path)?.kind === 'article';

/** What a change on the audited branch means: approvals, status moves, receipts, and anything out of process. */
async function judgeMainline(
  entry: { audit: ArticleAudit; approvedHash?: string },
  change: FileChange,
  who: Who,
  readBlob: (blob: string | undefined) => Promise<string | undefined>,
  readFile: (commit: string, path: string) => Promise<string | undefined>,
): Promise<void> {
  const { audit } = entry;
  const before = versionOf(await readBlob(change.oldBlob));
  const after = versionOf(await readBlob(change.newBlob));
  audit.path = change.path;
  audit.deleted = after === undefined;
  if (after) {
    audit.title = typeof after.data.title === 'string' ? after.data.title : audit.title;
    audit.status = typeof after.data.status === 'string' ? after.data.status : undefined;
  }
  const anomaly = (kind: AnomalyKind, severity: Anomaly['severity'], message: string, line?: number) =>
    audit.anomalies.push({ kind, severity, commit: who.commit, date: who.date, path: change.path, message, ...(line ? { line } : {}) });
  const short = who.commit.slice(0, 7);

  const record = parseTrailers(change.commit.trailers);
  const reviewed = record !== undefined && record.articles.includes(change.path);
  if (reviewed && after) {
    const mergedHead = change.commit.parents[1];
    audit.approvals.push({ ...who, reviewers: record.reviewers, reviewedOn: record.reviewedOn, approvedHead: record.approvedHead, ...(mergedHead ? { mergedHead } : {}) });
    const missing = await missingLevels(record, change.commit, audit.account, readFile);
    if (missing.length) anomaly('missing-levels', 'error', `合并 ${short} 的审核记录不完整：${missing.join('；')}。`);
    if (mergedHead && record.approvedHead && !mergedHead.startsWith(record.approvedHead) && !record.approvedHead.startsWith(mergedHead)) {
      anomaly('head-mismatch', 'error', `批准针对提交 ${record.approvedHead.slice(0, 7)}，合并进来的却是 ${mergedHead.slice(0, 7)}。`);
    }
    if (!missing.length) entry.approvedHash = after.contentHash;
  } else if (after && before?.contentHash !== after.contentHash) {
    const how = change.commit.parents.length > 1 ? `合并 ${short} 没有审核记录（不是经 mpdesk review merge/record 合并的）` : `提交 ${short} 直接改在主干上，没有经过审核合并`;
    anomaly('unreviewed-change', 'warning', `${how}，改动了内容。`);
  }

  const from = stringField(before, 'status');
  const to = stringField(after, 'status');
  if (from !== to && after) {
    audit.statusChanges.push({ ...who, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    if (to && approvedStatuses.has(to) && entry.approvedHash !== after.contentHash) {
      anomaly('unapproved-status', 'error', `状态改为 ${to}，但这一版内容没有经过各级审核的合并记录（提交 ${short}）。`, statusLine(after.text));
    }
  }
  const receipt = after?.data.wechat as { media_id?: unknown; url?: unknown } | undefined;
  if (receipt && JSON.stringify(receipt) !== JSON.stringify(before?.data.wechat)) {
    audit.receipts.push({
      ...who,
      ...(typeof receipt.media_id === 'string' ? { media_id: receipt.media_id } : {}),
      ...(typeof receipt.url === 'string' ? { url: receipt.url } : {}),
    });
  }
}

/** The levels of the account (as its account.yaml stood at the merge) that no trailer covers. */
async function missingLevels(
  record: ReviewRecord,
  commit: Commit,
  account: string,
  readFile: (commit: string, path: string) => Promise<string | undefined>,
): Promise<string[]> {
  const file = `content/${account}/account.yaml`;
  const text = await readFile(commit.sha, file);
  const policy = text === undefined ? undefined : reviewLevelsOf(text, file);
  if (!policy?.ok) return [`无法读取 ${file} 的审核级别`];
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return policy.levels.flatMap((level) => {
    const named = level.approvers.filter((a) => !isTeam(a));
    const anyone = level.approvers.some(isTeam);
    const ok = record.reviewers.some((r) => r.level === level.name && (anyone || named.some((n) => same(n, r.name))));
    return ok ? [] : [`缺少“${level.name}”级的批准`];
  });
}

function versionOf(text: string | undefined): Version | undefined {
  if (text === undefined) return undefined;
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const parsed = readFrontmatter(text, bom);
  const data = parsed.ok ? parsed.frontmatter.data : {};
  const kept = Object.fromEntries(Object.entries(data).filter(([key]) => !bookkeeping.has(key)));
  const body = parsed.ok ? parsed.frontmatter.body : text;
  return { text, data, contentHash: createHash('sha256').update(canonicalJson(kept)).update('\0').update(body).digest('hex') };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function stringField(version: Version | undefined, field: string): string | undefined {
  const value = version?.data[field];
  return typeof value === 'string' ? value : undefined;
}

function statusLine(text: string): number | undefined {
  const index = text.search(/^status\s*:/m);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}
