// The shared clause-level matcher of the WeChat inducement rules: an action the account asks of the reader (share,
// follow, like or 在看, click an ad) and, in the same sentence, what is offered or threatened for it.
// 《微信公众平台运营规范》3.3.1 names the three readings: 利诱 (a reward), 强制 (a gate: only after sharing can you see
// it) and 胁迫、煽动 (不转不是中国人、转发保平安). A plain invitation (欢迎分享、点个在看) has none of them.
import { clauseAround, cutByWords, has, mentioned, sentenceText, type Role, type Sentence, type Token } from './clauses.ts';
import {
  likeButtonAfter,
  likeButtonBefore,
  narrativeAfter,
  negationNotNegating,
  nounAfter,
  notACondition,
  offerQuestion,
  shareTarget,
  streakAfter,
} from './patterns.ts';

/** Share, follow, or click (点赞、在看、点击广告). */
export type ActionKind = 'share' | 'follow' | 'click';

/** 奖励 (利诱), 门槛 (强制), 胁迫 (胁迫、煽动), 任务 (助力、砍价、集卡: a task that is itself the lure). */
export type Reading = 'reward' | 'gate' | 'threat' | 'task';

export interface Inducement {
  sentence: Sentence;
  action: Token;
  /** What is offered or threatened; absent for a task (its own lure), 先……再 or an offer in the question before. */
  incentive?: Token;
  reading: Reading;
}

const actionRoles: Record<ActionKind, readonly Role[]> = {
  share: ['share', 'share-to', 'share-task'],
  follow: ['follow'],
  click: ['like', 'click'],
};

const incentiveRoles: ReadonlyArray<[Role, Reading]> = [
  ['threat', 'threat'],
  ['gate', 'gate'],
  ['reward', 'reward'],
];

/** The first action of this kind in the sentence that comes with a reward, a gate or a threat. */
export function inducementIn(sentence: Sentence, kind: ActionKind): Inducement | undefined {
  const actions = liveActions(sentence, kind);
  // 助力、砍一刀 say the most: the task is the lure, whatever else the sentence offers.
  const task = actions.find((a) => has(a, 'share-task'));
  if (task) return { sentence, action: task, reading: 'task' };
  for (const action of actions) {
    if (has(action, 'threat')) return { sentence, action, reading: 'threat' };
    const refusers = refusersOf(sentence, action);
    if (refusers) return { sentence, action, incentive: sentence.tokens.find((t) => has(t, 'threat')) ?? refusers, reading: 'threat' };
    const found = incentiveFor(sentence, action);
    if (found) return found;
  }
  return undefined;
}

function incentiveFor(sentence: Sentence, action: Token): Inducement | undefined {
  for (const [role, reading] of incentiveRoles) {
    const incentive = sentence.tokens.find((t) => t !== action && has(t, role) && !denied(sentence, t) && !cutByWords(sentence, t));
    if (incentive) return { sentence, action, incentive, reading };
  }
  const text = sentence.text;
  // 先关注，再回复……: the action is a precondition.
  if (text[action.start - 1] === '先' && text.slice(action.end, sentence.end).includes('再')) return { sentence, action, reading: 'gate' };
  if (sentence.previous && offerQuestion.test(sentenceText(sentence.previous))) return { sentence, action, reading: 'gate' };
  return undefined;
}

const turnWord = /(?:跳|流|旋|扭|周|运|好|辗|回|反|逆|翻|移|中|自|公|婉|宛|打|倒)$/u;

const threat: ReadonlySet<Role> = new Set(['threat']);

/** 不转发的人、不点在看的朋友……: a sentence that picks out those who do not act threatens them, whatever follows. */
function refusersOf(sentence: Sentence, action: Token): Token | undefined {
  const text = sentence.text;
  const not = action.term.startsWith('不') ? null : /不点?$/.exec(text.slice(Math.max(sentence.start, action.start - 2), action.start));
  if (!action.term.startsWith('不') && !not) return undefined;
  const who = /^[^,。!?;]{0,3}的(?:人|朋友|读者|家庭)/.exec(text.slice(action.end, sentence.end));
  if (!who) return undefined;
  // The whole phrase, 不点在看的朋友, is what is quoted.
  const start = action.start - (not?.[0].length ?? 0);
  const end = action.end + who[0].length;
  return { start, end, roles: threat, text: text.slice(start, end), term: text.slice(start, end) };
}

/** 不送、没有奖励: an incentive right after a plain negation is not offered. */
function denied(sentence: Sentence, token: Token): boolean {
  return /[不没无]$/.test(sentence.text.slice(Math.max(sentence.start, token.start - 1), token.start));
}

/** Whether a word is asked of the reader: not negated (不需要转发), narrated (转发了), passive, a noun (分享链接) or quoted. */
export function isAsked(sentence: Sentence, word: Token): boolean {
  const text = sentence.text;
  const after = text.slice(word.end, Math.min(sentence.end, word.end + 4));
  const before = text.slice(Math.max(sentence.start, word.start - 2), word.start);
  if (narrativeAfter.test(after) || nounAfter.test(after) || before.endsWith('被') || mentioned(sentence, word)) return false;
  // 你的所有关注者、他的转发者: someone's followers, a noun for people, not an act asked of the reader.
  if (after.startsWith('者') && /的(?:所有|全部|大部分)?$/u.test(text.slice(Math.max(sentence.start, word.start - 4), word.start))) return false;
  // 继续关注这些奇装异服、关注事态: keeping an eye on a topic, not following an account.
  if (word.term === '关注' && /^(?:这些|那些|此事|事态|局势|进展|动态|新闻)/u.test(after)) return false;
  // 如果有人尝试和你私聊: someone else starts the chat with the reader; the guide sends them back to the public channel.
  if (word.term === '私聊' && /(?:有人|别人|对方|陌生人)[^，。；]{0,8}(?:和|跟|与)(?:你|您)$/u.test(text.slice(Math.max(sentence.start, word.start - 14), word.start))) return false;
  // 跳转到、流转到、运转起来: 转 is part of another word, not 转发.
  if (word.term.startsWith('转') && turnWord.test(before)) return false;
  if (/^(?:三|3)连$/.test(word.term) && streakAfter.test(after)) return false;
  const [from, to] = clauseAround(sentence, word.start);
  if (notACondition.test(text.slice(from, to))) return false;
  return !sentence.tokens.some(
    (t) => has(t, 'negation') && t.start >= from && t.end <= word.start && !negationNotNegating.test(text.slice(t.end, t.end + 2)),
  );
}

/** An action word asked of the reader that also has what its kind needs: a share target, an ad, a pressed 在看. */
function isLive(sentence: Sentence, action: Token): boolean {
  if (!isAsked(sentence, action)) return false;
  const text = sentence.text;
  const [from, to] = clauseAround(sentence, action.start);
  if (has(action, 'share-to') && !has(action, 'share')) return shareTarget.test(text.slice(action.end, Math.min(to, action.end + 12)));
  if (has(action, 'click') && !has(action, 'like')) return sentence.tokens.some((t) => has(t, 'ad') && t.start >= from && t.end <= to);
  if (action.term !== '在看') return true;
  const before = text.slice(Math.max(sentence.start, action.start - 1), action.start);
  return action.start === sentence.start || likeButtonBefore.test(before) || likeButtonAfter.test(text.slice(action.end, Math.min(sentence.end, action.end + 4)));
}

/** Words of one kind in the sentence that are asked of the reader (for rules that combine kinds). */
export function liveActions(sentence: Sentence, kind: ActionKind): Token[] {
  return sentence.tokens.filter((t) => actionRoles[kind].some((role) => has(t, role)) && isLive(sentence, t));
}
