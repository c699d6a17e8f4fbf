import { clauseAround, has, type Sentence, type Token } from './clauses.ts';
import { isAsked } from './inducement.ts';
import { voteRequest } from './patterns.ts';

/** A vote or like-collecting campaign in a sentence, and what makes it one. */
export interface VoteCampaign {
  token: Token;
  /** The reward or request that turns a mention of votes into a campaign; absent for 集赞、拉票, campaigns by name. */
  because?: Token | 'request';
}

/**
 * 集赞、拉票、刷票 are campaigns by themselves (S34 3.3.1: 集赞; S35 2.1.2: 集赞、设置收集任务); 投票、票数、点赞最多
 * only with a reward or a request to vote (请帮我家孩子投票、给 3 号作品投票), so 投票结果出来了 stays clean.
 */
/**
 * Votes in an election or an assembly, as news reports them (已登记的选民、委员会的投票没有获得全院表决): citizens' and
 * members' votes, not a campaign for readers' votes. 集赞、拉票 stay campaigns whatever the sentence is about.
 */
const civicVote = /选民|选举|大选|初选|竞选|总统|议会|国会|议员|参议|众议|表决|公投|全民投票|投票站|投票率|政党|执政党|反对党|共和党|民主党|工党/u;

/**
 * The speaker casting their own vote (我今天来到这里是为了国家的未来而投票): a voter's act, not a request; 请为我投票、给我
 * 投一票 ask for the reader's.
 */
function ownVote(before: string): boolean {
  const clause = /[^，。；！？]*$/u.exec(before)?.[0] ?? '';
  return /^\s*[“"]?\s*我(?!们)/u.test(clause) && !/[为给帮替]我/u.test(clause);
}

export function voteIn(sentence: Sentence): VoteCampaign | undefined {
  for (const token of sentence.tokens) {
    const strong = has(token, 'collect') || has(token, 'canvass');
    if (!(strong || has(token, 'vote')) || !isAsked(sentence, token)) continue;
    if (strong) return { token };
    if (civicVote.test(sentence.text) || ownVote(sentence.text.slice(sentence.start, token.start))) continue;
    const reward = sentence.tokens.find((t) => has(t, 'reward') || has(t, 'gate'));
    if (reward) return { token, because: reward };
    const [from] = clauseAround(sentence, token.start);
    if (voteRequest.test(sentence.text.slice(from, token.start)) || sentence.text.slice(token.end, sentence.end).includes('拜托')) return { token, because: 'request' };
  }
  return undefined;
}
