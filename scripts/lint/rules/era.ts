/**
 * When a passage dates what it tells: long ago (1347 年、17 世纪、中世纪、元朝), recently (2019 届、21 世纪、去年), or not at
 * all. A figure or a claim about a time before 1950 is history (黑死病使挪威六成人口死亡、中世纪的药典记载了治疗小病的
 * 方法): nothing an account sells today, and no statistic an advertisement could cite (广告法第十一条第二款 is about
 * the data an advertisement uses). The year is fixed, not counted back from today, so a reading never changes with the
 * calendar.
 */
export type Era = 'long-past' | 'recent';

const lastHistoricalYear = 1949;

/** A year: 1348 年、1620-21 年间、2019 年; not a span of years (500 年来、近 300 年、长达 1000 年之久). */
const year = /(?<![近约逾超过长达数几多\d.])(\d{3,4})\s*(?:[-–—~至到]\s*\d{1,4}\s*)?年(?!来|前|后|之久|的历史|历史|左右|以上)/gu;
/** 19 世纪、十七世纪 (十1世纪 as lint folds 一); 公元前; 中世纪、古代; a dynasty. Not 20 世纪 or 二十世纪. */
const oldPeriod =
  /(?<![\d二十])1?\d\s*世纪|(?<!二)十[一二三四五六七八九1-9]?\s*世纪|(?<![\d二十])[一二三四五六七八九]\s*世纪|公元前|中世纪|古代|古时|远古|上古|(?:秦|汉|隋|唐|宋|元|明|清)(?:代|朝)/u;
/** 21 世纪、本世纪、20 世纪 90 年代; this year or last; the present (如今、目前) a sentence turns to after its history. */
const newPeriod =
  /(?:21|二十[一1])\s*世纪|本世纪|20\s*世纪\s*[5-9]0\s*年代|二十世纪[五六七八九]十年代|今年|去年|前年|近年|近几年|近些年|最近|如今|现在|目前|当今|现今|当前|今天/u;

/** The era a text dates itself in, or undefined when it names no year or period. */
export function eraOf(text: string): Era | undefined {
  if (newPeriod.test(text)) return 'recent';
  let past = oldPeriod.test(text);
  for (const match of text.matchAll(year)) {
    if (Number(match[1]) > lastHistoricalYear) return 'recent';
    past = true;
  }
  return past ? 'long-past' : undefined;
}

/** A sentence about the long past: its own dates say so, or, undated, its paragraph's do. */
export function tellsLongPast(sentence: string, paragraph: string): boolean {
  return (eraOf(sentence) ?? eraOf(paragraph)) === 'long-past';
}
