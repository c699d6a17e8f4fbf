import type { Receipt } from './receipt.ts';

/** How far a draft (one article, or a group of up to 8) has gone, read from its articles' receipts. */
export type Stage = 'new' | 'drafting' | 'drafted' | 'submitting' | 'publishing' | 'published' | 'failed' | 'gone';

export interface UnitState {
  stage: Stage;
  mediaId?: string;
  publishId?: string;
  /** Per article, the hash of what its place in the draft holds; undefined when unknown. */
  hashes: Array<string | undefined>;
  /** When the draft was first asked for, and when publishing was (the lower bound when looking for them). */
  draftedAt?: string;
  submittedAt?: string;
}

export type UnitStateResult = { ok: true; state: UnitState } | { ok: false; message: string };

const rank: Record<Receipt['state'], number> = {
  drafting: 1, drafted: 2, 'originality-failed': 3, failed: 3, rejected: 3, submitting: 4, publishing: 5, published: 6, deleted: 7, banned: 7,
};

const stageOf = (state: Receipt['state']): Stage =>
  state === 'originality-failed' || state === 'failed' || state === 'rejected' ? 'failed' : state === 'deleted' || state === 'banned' ? 'gone' : state;

/**
 * The articles' receipts as one state. A crash between writing two articles' receipts leaves some behind the others:
 * the most advanced wins and the ids it carries are the group's. Two different drafts or publish jobs in one group
 * cannot be reconciled and are refused.
 */
export function unitState(receipts: ReadonlyArray<Receipt | undefined>): UnitStateResult {
  const ids = (pick: (r: Receipt) => string | undefined) => [...new Set(receipts.flatMap((r) => (r && pick(r) ? [pick(r)!] : [])))];
  const media = ids((r) => r.draft_media_id);
  const publish = ids((r) => r.publish_id);
  if (media.length > 1) return { ok: false, message: `这组文章的回执指向不同的草稿（${media.join('、')}）：多图文草稿必须一起发，请核对各篇的 wechat.draft_media_id。` };
  if (publish.length > 1) return { ok: false, message: `这组文章的回执指向不同的发表任务（${publish.join('、')}），请核对各篇的 wechat.publish_id。` };
  const known = receipts.filter((r): r is Receipt => r !== undefined);
  const top = known.reduce<Receipt | undefined>((best, r) => (!best || rank[r.state] > rank[best.state] ? r : best), undefined);
  const earliest = (pick: (r: Receipt) => string | undefined) => known.map(pick).filter((v): v is string => v !== undefined).sort()[0];
  const state: UnitState = {
    stage: top ? stageOf(top.state) : 'new',
    ...(media[0] ? { mediaId: media[0] } : {}),
    ...(publish[0] ? { publishId: publish[0] } : {}),
    hashes: receipts.map((r, index) => (r && r.draft_media_id === media[0] && r.draft_index === index ? r.draft_hash : undefined)),
    ...(earliest((r) => r.drafted_at) ? { draftedAt: earliest((r) => r.drafted_at) } : {}),
    ...(earliest((r) => r.submitted_at) ? { submittedAt: earliest((r) => r.submitted_at) } : {}),
  };
  // A draft being made that has its id is made.
  if (state.stage === 'drafting' && state.mediaId) state.stage = 'drafted';
  return { ok: true, state };
}
