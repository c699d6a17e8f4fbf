import { compile } from './pattern.ts';

// Names that hold claim words but claim nothing: health bodies, laws, institutions named after a person or a saint.

// 中国疾病预防控制中心传染病预防控制所、美国疾病预防与控制中心将……、列入《传染病防治法》法定传染病: a match that runs into
// a health body's or a law's name was not written as a claim.
// Lint's folding drops the title marks, so the law is found by its last words (防治法、法定传染病).
const names = compile('(?:疾病)?预防(?:与|和)?控制(?:中心|所)|疾控中心|卫生(?:健康)?委员会|防治法|法定传染病');

export function inBodyName(sentence: string, start: number, end: number): boolean {
  names.lastIndex = 0;
  for (let found = names.exec(sentence); found; found = names.exec(sentence)) {
    if (found.index < end && found.index + found[0].length > start) return true;
  }
  return false;
}


// 圣保禄医院、若望保禄二世: a short word ending a name, right before the kind of body it is or a regnal number.
const nameEnd = /^(?:医院|大学|学院|书院|中学|小学|教堂|基金会|研究所|[1-9一二三四五六七八九十]{1,2}世)/u;

export function endsName(sentence: string, start: number, end: number): boolean {
  return end - start <= 2 && start > 0 && /\p{Script=Han}/u.test(sentence[start - 1]!) && nameEnd.test(sentence.slice(end));
}
