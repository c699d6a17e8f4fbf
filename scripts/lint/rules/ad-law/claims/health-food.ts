// Health food (广告法第十八条): the 24 functions of 《允许保健食品声称的保健功能目录 非营养素补充剂（2023 年版）》 (S11),
// in the catalogue's wording. A health-food account stating a registered function this way is not making a banned claim.
import type { AccountFacts } from './context.ts';
import { fold, type MatchView } from './pattern.ts';

const catalogue = [
  '有助于增强免疫力', '有助于抗氧化', '辅助改善记忆', '缓解视觉疲劳', '清咽润喉', '有助于改善睡眠', '缓解体力疲劳', '耐缺氧',
  '有助于控制体内脂肪', '有助于改善骨密度', '改善缺铁性贫血', '有助于改善痤疮', '有助于改善黄褐斑', '有助于改善皮肤水分状况',
  '有助于调节肠道菌群', '有助于消化', '有助于润肠通便', '辅助保护胃黏膜', '有助于维持血脂健康水平', '有助于维持血糖健康水平',
  '有助于维持血压健康水平', '对化学性肝损伤有辅助保护作用', '对电离辐射危害有辅助保护作用', '有助于排铅',
].map(fold);

/** True when a health-food account words a function as the 2023 catalogue does (有助于增强免疫力), around this match. */
export function approvedFunction(view: MatchView, facts: AccountFacts): boolean {
  if (!facts.industries.has('health-food')) return false;
  return catalogue.some((phrase) => {
    for (let at = view.sentence.indexOf(phrase); at >= 0; at = view.sentence.indexOf(phrase, at + 1)) {
      if (at <= view.start && at + phrase.length >= view.end) return true;
    }
    return false;
  });
}
