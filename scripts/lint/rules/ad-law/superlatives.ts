/**
 * Superlatives the word list does not name: 最 and the word it grades (最嫩、最显白、最不脱妆、最适合). The guideline
 * (SOURCES.md S02) treats any 最 comparison of the goods as 最高级, and the punished cases use words no list foresees
 * (S45 “最好的炒货店铺”; S51 “最适合居住”“最有价值区域”), so the form is found, and the reading decides.
 */

/** Words after 最 that grade time, order, place, feeling, ease or amount, not the goods (最近、最后、最喜欢、最重要、最多). */
const notGrading =
  /^(?:近|后|终|初|早|晚|先|末|前|上|下|里|外|左|右|东|西|南|北|中间|底|顶端|喜欢|爱|怕|想|恨|关心|关注|看重|担心|讨厌|在意|推荐|满意|常|容易|易|难|忙|需要|重要|主要|基本|简单|要紧|明显|直接|可能|起码|多|少|可爱|美|亲|迟|该|怕|懂|会|能|要|让|令|值钱)/;

/** Words after 最 that begin a longer grade: 最有面子、最不脱妆、最受好评; 最适合、最值得 are three characters. */
const longGrade = /^(?:有|不|受)/;
const threeGrade = /^(?:适合|合适|值得)/;

/** One-character grades, often followed straight by a noun (最新设备、最嫩牛肉): the grade is that character alone. */
const shortGrade = /^[新正嫩浓贵甜足值纯鲜真软脆香亮暖稳准快全省酷辣细滑润净盛](?!鲜|宗|净|实|糯|甜|浓|滑)/;

export interface Superlative {
  /** Half-open range in the text. */
  from: number;
  to: number;
}

const han = /\p{Script=Han}/u;
const stop = /[的地得了是和与及或在也都就还很更，。、！？!?,.；;：:（）()“”"\s]/;
/** Inside a grade only particles and punctuation end it (实在、自在 are words). */
const inner = /[的地得了是和与及或也都就还很更，。、！？!?,.；;：:（）()“”"\s]/;

/**
 * Every 最 + grading word in `text` outside `covered` (ranges the word list already matched or allowed), with the
 * grade's extent: one or two characters, up to four after 有/不/受.
 */
export function findSuperlatives(text: string, covered: ReadonlyArray<readonly [number, number]>): Superlative[] {
  const found: Superlative[] = [];
  for (let i = text.indexOf('最'); i >= 0; i = text.indexOf('最', i + 1)) {
    if (covered.some(([a, b]) => i >= a && i < b)) continue;
    const rest = text.slice(i + 1, i + 6);
    if (!rest || !han.test(rest[0]!) || stop.test(rest[0]!) || notGrading.test(rest) || rest[0] === '最') continue;
    const max = longGrade.test(rest) ? 4 : threeGrade.test(rest) ? 3 : shortGrade.test(rest) ? 1 : 2;
    let to = i + 1;
    while (to < text.length && to - i - 1 < max && han.test(text[to]!) && !(to > i + 1 && inner.test(text[to]!)) && text[to] !== '最') to++;
    found.push({ from: i, to });
  }
  return found;
}
