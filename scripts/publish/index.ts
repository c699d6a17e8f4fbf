import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { articleFields, decodeText, loadContent, mediaLedgerFile, typedFields, type AccountSettings, type ArticleFile, type ContentSet, type MediaLedger } from '../content/index.ts';
import { removeStaleTempFiles } from '../shared/atomic-write.ts';
import type { Finding } from '../shared/finding.ts';
import { lockRepository } from '../shared/repo-lock.ts';
import type { DraftArticle, WechatClient } from '../wechat/index.ts';
import { checkArticles } from './checks.ts';
import { commitPublish } from './commit.ts';
import { systemClock, type CallRecord, type Clock, type RunContext } from './context.ts';
import { syncDraft, type WriteReceipts } from './drafts.ts';
import { loadLedger } from './ledger.ts';
import { planUnit } from './plan.ts';
import { draftArticle, prepareArticle, type Prepared } from './prepare.ts';
import { receiptIn, updateReceipt, type Receipt } from './receipt.ts';
import { selectUnits, type Unit } from './select.ts';
import { PublishStop } from './stop.ts';
import { submitAndPoll } from './submit.ts';
import { unitState } from './unit-state.ts';
import { missingUploads, uploadAll } from './uploads.ts';
import { errorKind } from './wechat-errors.ts';

export { PublishStop } from './stop.ts';
export { publishSummary } from './report-text.ts';
export type { CallRecord, Clock } from './context.ts';
export type { Receipt } from './receipt.ts';

export interface PublishOptions {
  root: string;
  /** Repository-relative articles or folders, in the order given (the order of a `--group`). */
  paths: readonly string[];
  account?: string;
  due?: boolean;
  submit?: boolean;
  dryRun?: boolean;
  commit?: boolean;
  group?: boolean;
  imagesOnly?: boolean;
  /** The WeChat client of an account, made when its first unit goes out; never on a dry run. */
  clientFor?: (account: string, settings: Partial<AccountSettings>) => WechatClient;
  clock?: Clock;
  /** Each step as it happens, in Chinese, naming the article. */
  onProgress?: (file: string, text: string) => void;
}

/**
 * refused: not sent (see the report's refusals); done: published before; planned: a dry run; images: uploaded
 * (--images-only); drafted, publishing, published: how far it went; not-published: WeChat's publish status says it
 * failed; error: a call failed or publishing stopped (the message says why and what to do).
 */
export type Outcome = 'refused' | 'done' | 'planned' | 'images' | 'drafted' | 'publishing' | 'published' | 'not-published' | 'error';

export interface ArticleResult {
  file: string;
  title: string;
  outcome: Outcome;
  message: string;
  receipt?: Receipt;
  /** A dry run: each step that would be taken. */
  plan?: string[];
}

export interface PublishReport {
  dryRun: boolean;
  results: ArticleResult[];
  refusals: Finding[];
  /** Endpoints called in order (on a dry run: those that would be). */
  calls: CallRecord[];
  commits: string[];
  /** In a folder or account given but not approved or scheduled, so left alone. */
  skipped: number;
}

/**
 * Pushes approved articles to the WeChat draft box and, with `submit`, publishes them, exactly once: every image is
 * uploaded once (the media ledger), every draft made once and then updated (the receipt), every publish submitted
 * once, with what was done written after each call so a run stopped anywhere resumes. One publish runs at a time
 * per repository.
 */
export async function publishArticles(options: PublishOptions): Promise<PublishReport> {
  const lock = options.dryRun ? undefined : await lockRepository(options.root, 'publish');
  try {
    return await publish(options);
  } finally {
    await lock?.release();
  }
}

async function publish(options: PublishOptions): Promise<PublishReport> {
  const clock = options.clock ?? systemClock;
  if (!options.dryRun) removeStaleTempFiles([join(options.root, 'content')]);
  const set = await loadContent(options.root);
  const selection = selectUnits(set, { paths: options.paths, account: options.account, due: options.due, group: options.group, imagesOnly: options.imagesOnly, now: clock.now() });
  const report: PublishReport = { dryRun: Boolean(options.dryRun), results: [], refusals: [...selection.refusals], calls: [], commits: [], skipped: selection.skipped.length };
  for (const article of selection.done) report.results.push(result(article, 'done', `已经发表过了：${articleFields(article).wechat?.url ?? ''}`.trim()));
  const submit = Boolean(options.submit || options.due);
  const members = selection.units.flatMap((unit) => unit.articles);
  const checked = await checkArticles(set, members, { root: options.root, submit, due: Boolean(options.due), imagesOnly: Boolean(options.imagesOnly), now: clock.now() });
  report.refusals.push(...checked);
  const refused = new Set(report.refusals.map((f) => f.file));
  for (const file of refused) {
    const article = set.articles.find((a) => a.source.file === file);
    if (article) report.results.push(result(article, 'refused', notPublished));
  }
  // Every account's client first: missing credentials stop that account before anything is sent anywhere.
  const clients = options.dryRun ? new Map<string, WechatClient>() : makeClients(set, selection.units, options, report, refused);
  let stopped = false;
  for (const account of [...new Set(selection.units.map((u) => u.account))]) {
    const units = selection.units.filter((u) => u.account === account);
    if (stopped || (!options.dryRun && !clients.has(account))) continue;
    stopped = await publishAccount(set, account, units, refused, { ...options, submit, clock }, report, clients.get(account));
  }
  report.refusals.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return report;
}

type RunOptions = PublishOptions & { submit: boolean; clock: Clock };

/** The client of each account with units to publish; an account whose client cannot be made fails its units. */
function makeClients(set: ContentSet, units: readonly Unit[], options: PublishOptions, report: PublishReport, refused: ReadonlySet<string>): Map<string, WechatClient> {
  const clients = new Map<string, WechatClient>();
  for (const account of new Set(units.map((u) => u.account))) {
    const file = set.accounts.find((a) => a.place.account === account);
    try {
      if (!options.clientFor) throw new Error('没有微信接口客户端（clientFor）。');
      clients.set(account, options.clientFor(account, file?.doc ? typedFields('account', file.doc.data) : {}));
    } catch (error) {
      for (const unit of units.filter((u) => u.account === account)) failUnit(unit, error, report, refused);
    }
  }
  return clients;
}

/** One account's units in order; true when publishing must stop for every account (WeChat refuses the caller). */
async function publishAccount(set: ContentSet, account: string, units: readonly Unit[], refused: ReadonlySet<string>, options: RunOptions, report: PublishReport, client: WechatClient | undefined): Promise<boolean> {
  const accountFile = set.accounts.find((a) => a.place.account === account);
  for (const [index, unit] of units.entries()) {
    // Read for each draft: the one before may have uploaded images this one shares.
    let ledger: MediaLedger;
    try {
      ledger = loadLedger(options.root, account);
    } catch (error) {
      for (const rest of units.slice(index)) failUnit(rest, error, report, refused);
      return false;
    }
    const prepared = await prepareUnit(options.root, unit, accountFile, ledger, refused, report);
    if (!prepared) continue;
    if (!client) {
      dryRunUnit(unit, prepared, ledger, options, report);
      continue;
    }
    const ctx: RunContext = { root: options.root, account, client, clock: options.clock, say: (file, text) => options.onProgress?.(file, text), called: (call) => report.calls.push(call) };
    let scope: 'unit' | 'account' | 'all' | undefined;
    try {
      await runUnit(ctx, unit, prepared, options, report);
    } catch (error) {
      scope = failUnit(unit, error, report, refused);
    }
    await commitUnit(options, unit, report);
    if (scope === 'all') return true;
    if (scope === 'account') return false;
  }
  return false;
}

/** Renders the unit's articles; a refused member refuses the whole unit (a draft goes out whole or not at all). */
async function prepareUnit(root: string, unit: Unit, accountFile: ContentSet['accounts'][number] | undefined, ledger: MediaLedger, refused: ReadonlySet<string>, report: PublishReport): Promise<Prepared[] | undefined> {
  const prepared: Prepared[] = [];
  for (const article of unit.articles) {
    if (refused.has(article.source.file)) continue;
    const ready = await prepareArticle(root, article, accountFile, ledger);
    if (ready.ok) prepared.push(ready.prepared);
    else {
      report.refusals.push(...ready.refusals);
      report.results.push(result(article, 'refused', notPublished));
    }
  }
  if (prepared.length === unit.articles.length) return prepared;
  const blocked = new Set(report.results.filter((r) => r.outcome === 'refused').map((r) => r.file));
  for (const { article } of prepared) {
    const culprit = unit.articles.find((a) => blocked.has(a.source.file));
    report.results.push(result(article, 'refused', `同组的「${culprit ? articleFields(culprit).title ?? culprit.place.slug : ''}」不能发布，这组多图文一起暂缓。`));
  }
  return undefined;
}

function dryRunUnit(unit: Unit, prepared: readonly Prepared[], ledger: MediaLedger, options: RunOptions, report: PublishReport): void {
  const receipts = unit.articles.map((a) => articleFields(a).wechat);
  const plan = planUnit(prepared, ledger, receipts, { root: options.root, submit: options.submit, imagesOnly: Boolean(options.imagesOnly) });
  report.calls.push(...plan.calls);
  unit.articles.forEach((article, index) => {
    const message = index === 0 ? `${plan.calls.length} 次调用${unit.group ? `（多图文组「${unit.group}」，${unit.articles.length} 篇）` : ''}` : `和「${articleFields(unit.articles[0]!).title}」同一个草稿`;
    report.results.push({ ...result(article, 'planned', message), ...(index === 0 ? { plan: plan.lines } : {}) });
  });
}

/** Uploads, draft, publish, for one unit: each step recorded before the next. */
async function runUnit(ctx: RunContext, unit: Unit, prepared: Prepared[], options: RunOptions, report: PublishReport): Promise<void> {
  const lead = unit.articles[0]!.source.file;
  await uploadAll(ctx, missingUploads(prepared, loadLedger(ctx.root, ctx.account)));
  if (options.imagesOnly) {
    for (const { article } of prepared) report.results.push(result(article, 'images', '图片都已在微信上，预览和复制到编辑器会带上微信图片地址（重新运行 mpdesk build 生效）。'));
    return;
  }
  const drafts = await draftsOf(ctx, prepared);
  if (!drafts.ok) {
    // The limits once more, with the images' real addresses: the uploads are recorded, no draft is made.
    report.refusals.push(...drafts.refusals);
    for (const article of unit.articles) report.results.push(result(article, 'refused', notPublished));
    return;
  }
  const state = unitState(await Promise.all(unit.articles.map(async (a) => receiptIn(await articleText(a)))));
  if (!state.ok) throw new PublishStop(state.message);
  const write = receiptWriter(unit);
  const mediaId = await syncDraft(ctx, lead, state.state, drafts.articles, write);
  if (!options.submit || !mediaId) {
    for (const article of unit.articles) report.results.push({ ...result(article, 'drafted', `在草稿箱里：草稿 ${mediaId ?? ''}`), receipt: receiptIn(await articleText(article)) });
    return;
  }
  const outcome = await submitAndPoll(ctx, lead, mediaId, state.state, drafts.articles.map((d) => d.title), write);
  const kind: Outcome = outcome.state === 'published' ? 'published' : outcome.state === 'publishing' || outcome.state === 'submitting' ? 'publishing' : 'not-published';
  ctx.say(lead, outcome.text);
  for (const article of unit.articles) {
    const receipt = receiptIn(await articleText(article));
    const message = kind === 'published' ? `发表成功：${receipt?.url ?? ''}` : kind === 'not-published' ? `没有发出：${receipt?.fail_reason ?? ''}` : outcome.text;
    report.results.push({ ...result(article, kind, message), receipt });
  }
}

/** The unit's articles as the draft API takes them, rendered again if an image was not on its WeChat URL yet. */
async function draftsOf(ctx: RunContext, prepared: readonly Prepared[]): Promise<{ ok: true; articles: DraftArticle[] } | { ok: false; refusals: Finding[] }> {
  const ledger = loadLedger(ctx.root, ctx.account);
  const stale = prepared.some((p) => p.rendered.media.body.some((image) => !image.uploaded));
  const again = stale ? await Promise.all(prepared.map((p) => prepareArticle(ctx.root, p.article, p.account, ledger))) : prepared.map((p) => ({ ok: true as const, prepared: p }));
  const refusals = again.flatMap((r) => (r.ok ? [] : r.refusals));
  if (refusals.length) return { ok: false, refusals };
  const articles = again.flatMap((r) => (r.ok ? [draftArticle(r.prepared, ledger)] : []));
  if (articles.some((d) => d === undefined)) throw new PublishStop('图片上传后，正文里仍有不在 mmbiz.qpic.cn 上的图片：没有建草稿（这是 mpdesk 的缺陷，请报告）。');
  return { ok: true, articles: articles.filter((d): d is DraftArticle => d !== undefined) };
}

function receiptWriter(unit: Unit): WriteReceipts {
  return async (change, only, status) => {
    for (const [index, article] of unit.articles.entries()) {
      if (only === undefined || only === index) await updateReceipt(article.source.path, (current) => change(current, index), status);
    }
  };
}

async function articleText(article: ArticleFile): Promise<string> {
  const decoded = decodeText(await readFile(article.source.path));
  return decoded.ok ? decoded.text : article.source.text;
}

/**
 * Records why a unit stopped. Returns how far the stop reaches: `all` when WeChat refuses the caller (its IP, the
 * day's quota), `account` for the account's own setup (ledger, credentials), `unit` otherwise.
 */
function failUnit(unit: Unit, error: unknown, report: PublishReport, refused: ReadonlySet<string>): 'unit' | 'account' | 'all' {
  const message = error instanceof Error ? error.message : String(error);
  for (const article of unit.articles) if (!refused.has(article.source.file)) report.results.push(result(article, 'error', message));
  const kind = errorKind(error);
  if (kind === 'ip-not-allowed' || kind === 'quota-daily' || (error instanceof PublishStop && error.scope === 'all')) return 'all';
  if (kind === 'credentials' || error instanceof PublishStop) return 'account';
  return 'unit';
}

/** With `--commit`: the unit's receipts and its account's ledger, if they changed, as one commit. */
async function commitUnit(options: RunOptions, unit: Unit, report: PublishReport): Promise<void> {
  if (!options.commit) return;
  const files = [...unit.articles.map((a) => a.source.file), mediaLedgerFile(unit.account)];
  const results = report.results.filter((r) => unit.articles.some((a) => a.source.file === r.file));
  const slugs = unit.articles.map((a) => `${a.place.account}/${a.place.slug}`);
  const last = results.at(-1);
  const subject = `publish: ${slugs.join(', ')} ${last ? outcomeWord[last.outcome] : ''}`.trim();
  const body = results.map((r) => `${r.file}: ${r.receipt?.state ?? r.outcome}${r.receipt?.draft_media_id ? ` draft ${r.receipt.draft_media_id}` : ''}${r.receipt?.url ? ` ${r.receipt.url}` : ''}`).join('\n');
  const sha = await commitPublish(options.root, files, subject, body || '图片已记入素材记录');
  if (sha) report.commits.push(sha);
}

const notPublished = '没有发布（原因见检查结果）。';

const outcomeWord: Record<Outcome, string> = {
  refused: '未发布', done: '已发表', planned: '', images: '图片已上传', drafted: '已进草稿箱', publishing: '发表中', published: '已发表', 'not-published': '发表未成功', error: '中断',
};

function result(article: ArticleFile, outcome: Outcome, message: string): ArticleResult {
  return { file: article.source.file, title: articleFields(article).title ?? article.place.slug, outcome, message };
}
