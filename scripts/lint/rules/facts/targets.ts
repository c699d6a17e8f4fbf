/**
 * A plan's targets and a law's definitions are not statistics about the world (SOURCES.md decision 3): 到2030年……
 * 总体癌症5年生存率提高15%、力争实现道路交通万车死亡率下降30%、a targets table (指标：…… 2030年：比2015年降低30%)
 * set what is to be reached; （一）主要健康指标，是指人均预期寿命…… says what a word means. A forecast (到2030年，
 * 患者将达到1.5亿、预计) is a claim about the world to come, and 截至 or 已 a record up to then: both keep their figures.
 */
const targetYear = /^\s*(?:到|至)\s*20\d{2}\s*年(?:底|末)?\s*[，,]/u;
const striving = /力争|目标(?:是|为)|(?:指标|目标值?)\s*[：:]/u;
// 到2024年底，已有……、累计 report a record up to that year, not a target.
const forecast = /将(?!其|之|本|该|这)|预计|预测|估计|有望|或将|可能|已|累计|共有/u;
const definition = /是指|系指|所称|[：:]\s*指(?![出导定挥南标数甲])/u;

/** True when the sentence sets a target of a plan (到 2030 年…、力争…、a targets table row), not a forecast. */
export function setsTarget(sentence: string): boolean {
  return (targetYear.test(sentence) || striving.test(sentence)) && !forecast.test(sentence);
}

/** True when the sentence defines a word (是指、本法所称、X：指……). */
export function definesTerm(sentence: string): boolean {
  return definition.test(sentence);
}
