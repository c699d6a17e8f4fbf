import type { Inducement } from './inducement.ts';
import { quote, type PlatformFinding } from './platform-rule.ts';

export interface InducementWording {
  /** The act asked of the reader: 分享, 关注公众号, 点赞、点“在看”或点击广告. */
  act: string;
  /** The rule broken, e.g. 《微信公众平台运营规范》3.3.1 诱导分享. */
  basis: string;
  /** What to write instead. */
  advice: string;
}

const readings = {
  reward: (act: string) => `以奖励诱导${act}（利诱）`,
  gate: (act: string) => `把${act}当作查看、领取或解锁的条件（强制${act}）`,
  threat: (act: string) => `用胁迫、煽动或祝福诅咒的话术诱导${act}（胁迫煽动）`,
  task: (act: string) => `助力、砍价、集卡这类任务本身就是以奖励换${act}（利诱）`,
};

/** The finding of an inducement: the words found, the reading taken, the rule it breaks. */
export function inducementFinding(found: Inducement, wording: InducementWording): PlatformFinding {
  const { sentence, action, incentive } = found;
  const from = Math.min(action.start, incentive?.start ?? action.start);
  const to = Math.max(action.end, incentive?.end ?? action.end);
  const within = incentive && incentive.start <= action.start && incentive.end >= action.end;
  const words = within
    ? quote(sentence, from, to)
    : incentive
      ? `${quote(sentence, action.start, action.end)}与${quote(sentence, incentive.start, incentive.end)}在同一句`
      : quote(sentence, action.start, action.end);
  const question = !incentive && found.reading === 'gate' && sentence.previous ? `，前一句${quote(sentence.previous, sentence.previous.start, sentence.previous.end)}是它的条件` : '';
  const message = `${words}${question}：${readings[found.reading](wording.act)}，违反${wording.basis}，文章可能被删除、账号被限制功能。${wording.advice}`;
  return { from, to, message };
}
