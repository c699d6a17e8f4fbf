import { relative } from 'node:path';
import type { MediaLedger } from '../content/index.ts';
import { wechatEndpoints } from '../platform/index.ts';
import type { CallRecord } from './context.ts';
import { draftHash, draftStep } from './drafts.ts';
import { draftArticle, type Prepared } from './prepare.ts';
import type { Receipt } from './receipt.ts';
import { submitStep } from './submit.ts';
import { unitState } from './unit-state.ts';
import { kilobytes, missingUploads, type PlannedUpload } from './uploads.ts';

/** What a run would do for one unit, worked out from the same decisions the run makes, without calling anything. */
export interface UnitPlan {
  uploads: PlannedUpload[];
  /** Images already in the ledger: not uploaded again. */
  known: string[];
  calls: CallRecord[];
  /** A line per step, in Chinese. */
  lines: string[];
}

export function planUnit(prepared: readonly Prepared[], ledger: MediaLedger, receipts: ReadonlyArray<Receipt | undefined>, options: { root: string; submit: boolean; imagesOnly: boolean }): UnitPlan {
  const lead = prepared[0]!.article.source.file;
  const uploads = missingUploads(prepared, ledger);
  const known = prepared.flatMap(({ rendered }) => [
    ...rendered.media.body.filter((image) => image.uploaded || ledger.body[image.sha256]).map((image) => image.url),
    ...(rendered.media.cover && ledger.cover[rendered.media.cover.sha256] ? [`${rendered.media.cover.url}（封面）`] : []),
  ]);
  const calls: CallRecord[] = uploads.map((u) => ({ endpoint: u.endpoint, what: `${u.url}（${u.section === 'cover' ? '封面，' : ''}sha256 ${u.sha256.slice(0, 12)}，${kilobytes(u.bytes)}）`, file: u.file }));
  const lines = [
    ...uploads.map((u) => `上传 ${u.endpoint}  ${relative(options.root, u.path)}（${u.url}${u.section === 'cover' ? ' 的封面' : ' 处理后'}）  sha256 ${u.sha256}  ${kilobytes(u.bytes)}`),
    ...known.map((url) => `已在素材记录，不再上传：${url}`),
  ];
  if (options.imagesOnly) return { uploads, known, calls, lines };

  const state = unitState(receipts);
  if (!state.ok) return { uploads, known, calls, lines: [...lines, state.message] };
  // Once every image is on WeChat the draft is known exactly; before, it will change.
  const hashes = uploads.length ? prepared.map(() => undefined) : prepared.map((p) => draftArticle(p, ledger)).map((d) => (d ? draftHash(d) : undefined));
  const call = (endpoint: string, what: string) => {
    calls.push({ endpoint, what, file: lead });
    lines.push(`${endpoint}：${what}`);
  };
  const step = draftStep(state.state, hashes);
  if (step.action === 'add') {
    if (step.look) call(wechatEndpoints.listDrafts, '先查找上次是否已建好这个草稿（上次运行在建草稿时中断）');
    call(wechatEndpoints.addDraft, `新建草稿（${prepared.length} 篇）`);
  } else if (step.action === 'update') {
    call(wechatEndpoints.getDraft, `草稿 ${state.state.mediaId} 是否还在`);
    for (const index of step.indexes) call(wechatEndpoints.updateDraft, `草稿 ${state.state.mediaId} 第 ${index + 1} 篇「${prepared[index]!.rendered.meta.title}」`);
  } else if (step.action === 'unchanged') lines.push(`草稿 ${state.state.mediaId} 的内容没有变化，不调用 draft/update`);
  if (!options.submit) return { uploads, known, calls, lines };
  const next = submitStep(state.state);
  if (next === 'look') call(wechatEndpoints.listPublished, '先查找上次的提交是否已经发表（上次运行在提交时中断）');
  if (next === 'submit' || next === 'look') call(wechatEndpoints.submitPublish, '提交发表');
  if (next !== 'done' && next !== 'gone') call(wechatEndpoints.getPublish, '查询发表状态，直到成功或失败（间隔 2、4、8、15、30 秒……）');
  else lines.push(next === 'done' ? '已经发表过了' : '发表后已被删除或封禁，不再发布');
  return { uploads, known, calls, lines };
}
