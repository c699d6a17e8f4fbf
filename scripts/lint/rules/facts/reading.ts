/**
 * What a sentence is doing, which decides whether its numbers are claims about the world (SOURCES.md decision 3):
 * the writer's own life or measurements, a promise in an offer (广告法第二十五、二十六条的事, not a statistic), a
 * how-to step, kitchen doneness (油温六成热), or a quoted rumour the sentence refutes.
 */
export interface Reading {
  /** About the writer or one person: 我今年的体重、他的工资是我的两倍. */
  personal: boolean;
  /** A promise in an offer: 买到就赚、保你涨薪、年化 8%. */
  offer: boolean;
  /** Past performance or a reported change: 去年、过去十年、同比、以来. */
  historical: boolean;
  /** A how-to step: 建议减少 10% 时间、如果人多分量翻倍. */
  instruction: boolean;
  /** Cooking, where 成 is oil heat or doneness. */
  cooking: boolean;
  /** The writer's own tests: 经过若干次测试、亲测、实测. */
  ownMeasure: boolean;
  /** Index ranges of quotations that the sentence says are rumours or baseless. */
  refutedQuotes: Array<[number, number]>;
}

const personal = /(?:我|他|她|你)(?!们|国|校|院|司|市|省|县|区|厂|店|行|军|方|人|乡)(?:的|今年|去年|这个月|上个月|自己|本人|每天|每月|每个月)/u;
const offer =
  /保你|包你|保证|承诺|确保|稳赚|稳拿|稳定|保底|固定|返租|包租|年化|预期收益|买到|买下|入手|投资|认购|购入|跟着|跟投|带你|只会|必涨|坐享|现在买|早买|收益|转发|分享|快去|赶紧|马上|立即|领取/u;
const historical = /去年|前年|过去|以往|历史|曾经|以来|同比|环比|近[一二两三四五六七八九十\d]+年|[一二两三四五六七八九十\d]+年(?:来|间|里|前)|上半年|下半年|一季度|今年/u;
const instruction = /建议|如果|如需|若|即可|酌情|按比例|可根据|根据个人|根据口味|在此基础上|试着|尝试|首次/u;
const cooking = /油温|热油|温油|旺油|油烧|火候|下锅|入锅|锅|炸|煎|炒|蒸|烤|煮|熟/u;
const ownMeasure = /(?:若干|多|几|数|[一二两三四五六七八九十\d]+)次(?:测试|实验|尝试|试验|实测)|亲测|实测|我们?(?:测|测试|测量|称|量)了|^经(?:过)?(?:我们的?)?测试/u;
const refutation = /没有(?:任何)?(?:科学)?(?:依据|根据)|毫无依据|谣言|辟谣|不实|不可信|伪科学|误传|以讹传讹|站不住脚|并不成立|不是真的/u;
const quotation = /[“「『"]([^”」』"]*)[”」』"]/gu;

export function readSentence(sentence: string): Reading {
  const refutedQuotes: Array<[number, number]> = [];
  if (refutation.test(sentence)) {
    for (const m of sentence.matchAll(quotation)) refutedQuotes.push([m.index, m.index + m[0].length]);
  }
  return {
    personal: personal.test(sentence),
    offer: offer.test(sentence),
    historical: historical.test(sentence),
    instruction: instruction.test(sentence),
    cooking: cooking.test(sentence),
    ownMeasure: ownMeasure.test(sentence),
    refutedQuotes,
  };
}

export function inRefutedQuote(reading: Reading, from: number): boolean {
  return reading.refutedQuotes.some(([a, b]) => from >= a && from < b);
}
