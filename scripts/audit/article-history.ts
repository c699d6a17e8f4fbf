import { createHash } from 'node:crypto';
import { accountOf, articleOf, classify, readFrontmatter, typedFields } from '../content/index.ts';
import { approvalProblems, parseTrailers, reviewLevelsOf, type ReviewRecord } from '../review/index.ts';
import { blobReader, fileAtCommit, mergedAuthors, mergedCommits, type Commit, type ContentHistory, type FileChange } from '../shared/git-history.ts';
import { labelsByKind, type ChangedFile, type ChangeKind } from './file-labels.ts';

export interface Who {
  commit: string;
  author: string;
  email: string;
  /** Author date. */
  date: string;
  /** Committer date. */
  committed: string;
}

export interface ChangeEntry extends Who {
  subject: string;
  /** merge: a merge into the audited branch; direct: a commit made on it; branch: a commit on a merged branch. */
  via: 'merge' | 'direct' | 'branch';
  kind: ChangeKind;
  /** The file changed: the article, or an image or other file in its folder. */
  path: string;
  previousPath?: string;
  /** For a merge: the commits of the merged branch, among this article's changes, that it brought in. */
  merged?: string[];
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
  mergedHead: string;
}

export interface Receipt extends Who {
  draft_media_id?: string;
  state?: string;
  url?: string;
}

/** The approval that still covers an article at the head of the audited branch. */
export interface StandingApproval {
  /** The reviewed merge. */
  commit: string;
  /** `contentHash` of the approved version: publishing compares the text it is about to send with it. */
  contentHash: string;
}

export type AnomalyKind = 'unapproved-status' | 'incomplete-approval' | 'head-mismatch' | 'unreviewed-change';

export interface Anomaly {
  kind: AnomalyKind;
  severity: 'error' | 'warning';
  commit: string;
  date: string;
  committed: string;
  path: string;
  /** 1-based line of the `status` field in that version, where the anomaly is about a status. */
  line?: number;
  message: string;
  /** For an unreviewed change: every file of the article the commit changed. */
  files?: ChangedFile[];
  /** Made before the review process began on the branch (see AuditReport.processStart). */
  predatesProcess?: true;
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
  /** The last complete reviewed merge of this article, when no unreviewed change to it came after. */
  approved?: StandingApproval;
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

interface Entry {
  audit: ArticleAudit;
  /** The last complete reviewed merge and the content hash it approved; cleared by any unreviewed change. */
  approved?: StandingApproval;
}

interface Readers {
  blob: (blob: string | undefined) => Promise<string | undefined>;
  file: (commit: string, path: string) => Promise<string | undefined>;
  authors: (base: string, head: string) => Promise<string[]>;
  merged: (base: string, head: string) => Promise<Set<string>>;
}

/** Follows each article through history (renames included) and works out its audit record. */
export async function auditArticles(history: ContentHistory): Promise<ArticleAudit[]> {
  const read: Readers = { blob: blobReader(history.git), file: fileAtCommit(history.git), authors: mergedAuthors(history.git), merged: mergedCommits(history.git) };
  const idOf = new Map<string, string>();
  const byId = new Map<string, Entry>();
  const relevant = articlesFirst(history.changes.filter((change) => articleOf(change.path) || (change.oldPath && articleOf(change.oldPath))));
  // Start every read now: simple-git runs several at once, and the loop below takes them in history order.
  for (const change of relevant) {
    if (change.commit.mainline && isArticle(change.path)) for (const blob of [change.oldBlob, change.newBlob]) read.blob(blob).catch(() => undefined);
  }
  for (const change of relevant) {
    const who: Who = { commit: change.commit.sha, author: change.commit.author, email: change.commit.email, date: change.commit.date, committed: change.commit.committed };
    const kind = changeKind(change);
    const via = !change.commit.mainline ? 'branch' : change.commit.parents.length > 1 ? 'merge' : 'direct';
    const entryOf = (id: string | undefined) => (id === undefined ? undefined : byId.get(id));

    if (!isArticle(change.path) && !(change.oldPath && isArticle(change.oldPath))) {
      // An image or other file in an article's folder: a change to what the article shows.
      const entry = entryOf(idOf.get(articleOf(change.path) ?? '') ?? idOf.get(articleOf(change.oldPath ?? '') ?? ''));
      if (!entry) continue;
      entry.audit.changes.push(changeEntry(who, change, via, kind));
      if (change.commit.mainline && !reviewedMergeOf(change.commit, entry.audit.path)) {
        unreviewed(entry.audit, who, change);
        entry.approved = undefined;
      }
      continue;
    }

    const id = (change.oldPath && idOf.get(change.oldPath)) ?? idOf.get(change.path) ?? change.path;
    idOf.set(change.path, id);
    let entry = byId.get(id);
    if (!entry) byId.set(id, (entry = { audit: emptyAudit(change.path) }));
    const { audit } = entry;
    if (change.status !== 'D' && audit.paths.at(-1) !== change.path) audit.paths.push(change.path);
    audit.created ??= who;
    audit.changes.push(changeEntry(who, change, via, kind));
    if (change.commit.mainline) await judgeMainline(entry, change, who, read);
  }

  const merges = new Map(relevant.filter((c) => c.commit.mainline && c.commit.parents.length > 1).map((c) => [c.commit.sha, c.commit]));
  for (const { audit } of byId.values()) await markMerged(audit, merges, read);
  return [...byId.values()].map(({ audit, approved }) => (approved ? { ...audit, approved } : audit)).sort((a, b) => a.path.localeCompare(b.path));
}

function changeEntry(who: Who, change: FileChange, via: ChangeEntry['via'], kind: ChangeKind): ChangeEntry {
  return { ...who, subject: change.commit.subject, via, kind, path: change.path, ...(change.oldPath ? { previousPath: change.oldPath } : {}) };
}

/**
 * A merge repeats, against its first parent, what the branch's commits already changed: each merge entry names the
 * branch commits it brought in, so the report can say so instead of listing the same files twice.
 */
async function markMerged(audit: ArticleAudit, merges: ReadonlyMap<string, Commit>, read: Readers): Promise<void> {
  const branch = [...new Set(audit.changes.filter((c) => c.via === 'branch').map((c) => c.commit))];
  for (const change of audit.changes) {
    const commit = merges.get(change.commit);
    if (change.via !== 'merge' || !commit) continue;
    const brought = await read.merged(commit.parents[0]!, commit.parents[1]!);
    const merged = branch.filter((sha) => brought.has(sha));
    if (merged.length) change.merged = merged;
  }
}

/**
 * git lists a commit's files by path, so `cover.jpg` comes before the `index.md` it belongs to; within each commit the
 * articles go first, so that images added together with their article are recorded with it.
 */
function articlesFirst(changes: readonly FileChange[]): FileChange[] {
  const out: FileChange[] = [];
  for (let start = 0; start < changes.length; ) {
    let end = start;
    while (end < changes.length && changes[end]!.commit === changes[start]!.commit) end++;
    const commit = changes.slice(start, end);
    const article = (c: FileChange) => isArticle(c.path) || (c.oldPath !== undefined && isArticle(c.oldPath));
    out.push(...commit.filter(article), ...commit.filter((c) => !article(c)));
    start = end;
  }
  return out;
}

function emptyAudit(path: string): ArticleAudit {
  return { path, account: accountOf(path) ?? '', deleted: false, paths: [], changes: [], statusChanges: [], approvals: [], receipts: [], anomalies: [] };
}

const isArticle = (path: string) => classify(path)?.kind === 'article';

const changeKind = (change: FileChange): ChangeKind => (change.status === 'D' ? 'deleted' : change.status === 'A' ? 'added' : change.oldPath ? 'renamed' : 'edited');

/** The review record of a merge into the audited branch that lists `article`; trailers anywhere else count for nothing. */
function reviewedMergeOf(commit: Commit, article: string): ReviewRecord | undefined {
  if (commit.parents.length < 2) return undefined;
  const record = parseTrailers(commit.trailers);
  return record?.articles.includes(article) ? record : undefined;
}

function bypass(commit: Commit): string {
  const short = commit.sha.slice(0, 7);
  if (commit.parents.length > 1) return `合并 ${short} 没有这篇文章的审核记录（不是经 mpdesk review merge/record 合并的）`;
  return parseTrailers(commit.trailers)
    ? `提交 ${short} 直接改在主干上；其中的审核 trailer 不算数，审核记录只能出现在合并提交里`
    : `提交 ${short} 直接改在主干上，没有经过审核合并`;
}

/**
 * A change outside a reviewed merge: one anomaly per commit and article, naming every file of the article the commit
 * changed, not one anomaly per file.
 */
function unreviewed(audit: ArticleAudit, who: Who, change: FileChange): void {
  const file: ChangedFile = { path: change.path, ...(change.oldPath ? { previousPath: change.oldPath } : {}), kind: changeKind(change) };
  const same = audit.anomalies.find((a) => a.kind === 'unreviewed-change' && a.commit === who.commit);
  const files = [...(same?.files ?? []), file];
  const message = `${bypass(change.commit)}，${describeFiles(files)}。`;
  if (same) Object.assign(same, { files, message });
  else anomaly(audit, who, change.path, 'unreviewed-change', 'warning', message, undefined, files);
}

const verbs = { added: '新增了', edited: '改动了', renamed: '改名了', deleted: '删除了' } as const;

/** `改动了 index.md、cover.jpg，删除了 old.png`, named from the article's folder; a deleted article is 这篇文章. */
function describeFiles(files: readonly ChangedFile[]): string {
  const gone = files.some((f) => f.kind === 'deleted' && isArticle(f.path));
  return labelsByKind(files)
    .map(([kind, labels]) => (kind === 'deleted' && gone ? `${verbs[kind]}${['这篇文章', ...labels.filter((l) => l !== 'index.md')].join('、')}` : `${verbs[kind]} ${labels.join('、')}`))
    .join('，');
}

function anomaly(audit: ArticleAudit, who: Who, path: string, kind: AnomalyKind, severity: Anomaly['severity'], message: string, line?: number, files?: Anomaly['files']): void {
  audit.anomalies.push({ kind, severity, commit: who.commit, date: who.date, committed: who.committed, path, message, ...(line ? { line } : {}), ...(files ? { files } : {}) });
}

/** What a change on the audited branch means: approvals, status moves, receipts, and anything out of process. */
async function judgeMainline(entry: Entry, change: FileChange, who: Who, read: Readers): Promise<void> {
  const { audit } = entry;
  const before = versionOf(await read.blob(change.oldBlob));
  const after = versionOf(await read.blob(change.newBlob));
  audit.path = change.path;
  audit.deleted = after === undefined;
  if (after) {
    audit.title = typeof after.data.title === 'string' ? after.data.title : audit.title;
    audit.status = typeof after.data.status === 'string' ? after.data.status : undefined;
  }
  const short = who.commit.slice(0, 7);
  const record = reviewedMergeOf(change.commit, change.path);
  if (record && after) {
    const mergedHead = change.commit.parents[1]!;
    audit.approvals.push({ ...who, reviewers: record.reviewers, reviewedOn: record.reviewedOn, approvedHead: record.approvedHead, mergedHead });
    const problems = await recordProblems(record, change.commit, audit.account, read);
    if (problems.length) anomaly(audit, who, change.path, 'incomplete-approval', 'error', `合并 ${short} 的审核记录不成立：${problems.join('；')}。`);
    const headOk = record.approvedHead === mergedHead;
    if (!headOk) {
      const said = record.approvedHead ? `批准针对提交 ${record.approvedHead.slice(0, 7)}，合并进来的却是 ${mergedHead.slice(0, 7)}` : `没有 Approved-head，无法确认批准的就是合并进来的 ${mergedHead.slice(0, 7)}`;
      anomaly(audit, who, change.path, 'head-mismatch', 'error', `${said}。`);
    }
    entry.approved = !problems.length && headOk ? { commit: who.commit, contentHash: after.contentHash } : undefined;
  } else if (!after) {
    unreviewed(audit, who, change);
  } else if (before?.contentHash !== after.contentHash || change.oldPath !== undefined) {
    // A new folder is a new slug, so a new address for the article: as much a change as new text.
    unreviewed(audit, who, change);
    entry.approved = undefined;
  }

  const from = stringField(before, 'status');
  const to = stringField(after, 'status');
  if (from !== to && after) {
    audit.statusChanges.push({ ...who, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    if (to && approvedStatuses.has(to) && entry.approved?.contentHash !== after.contentHash) {
      anomaly(audit, who, change.path, 'unapproved-status', 'error', `状态改为 ${to}，但这一版内容没有经过各级审核的合并记录（提交 ${short}）。`, statusLine(after.text));
    }
  }
  const receipt = after ? typedFields('article', after.data).wechat : undefined;
  if (receipt && JSON.stringify(after?.data.wechat) !== JSON.stringify(before?.data.wechat)) {
    const { draft_media_id, state, url } = receipt;
    audit.receipts.push({ ...who, ...(draft_media_id ? { draft_media_id } : {}), ...(state ? { state } : {}), ...(url ? { url } : {}) });
  }
}

/**
 * Holds a merge's record to the same rules the gate and `review record` apply, against the account's levels as they
 * stood before the merge (a branch cannot rewrite its own approvers) and the authors of what it merged.
 */
async function recordProblems(record: ReviewRecord, commit: Commit, account: string, read: Readers): Promise<string[]> {
  const file = `content/${account}/account.yaml`;
  const [base, head] = commit.parents as [string, string];
  const text = (await read.file(base, file)) ?? (await read.file(commit.sha, file));
  const policy = text === undefined ? undefined : reviewLevelsOf(text, file);
  if (!policy?.ok) return [`无法读取 ${file} 的审核级别`];
  return approvalProblems(policy.levels, record.reviewers, await read.authors(base, head), 'trust');
}

function versionOf(text: string | undefined): Version | undefined {
  if (text === undefined) return undefined;
  const parsed = readFrontmatter(text, text.startsWith('\uFEFF') ? 1 : 0);
  return { text, data: parsed.ok ? parsed.frontmatter.data : {}, contentHash: contentHash(text) };
}

/**
 * What an approval is of: an article's text without the bookkeeping fields that scheduling and publishing change
 * (`status`, `publish_at`, the `wechat` receipt), so writing a receipt never voids the approval.
 */
export function contentHash(text: string): string {
  const parsed = readFrontmatter(text, text.startsWith('\uFEFF') ? 1 : 0);
  const data = parsed.ok ? parsed.frontmatter.data : {};
  const kept = Object.fromEntries(Object.entries(data).filter(([key]) => !bookkeeping.has(key)));
  const body = parsed.ok ? parsed.frontmatter.body : text;
  return createHash('sha256').update(canonicalJson(kept)).update('\0').update(body).digest('hex');
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
