import { compile, matches as test } from './pattern.ts';

// Readings for epidemic reporting that sells nothing: counts of the cured, measures against an outbreak's spread, an
// epidemic's course, a briefing or a belief reported, a call to stand together. The caller has already kept every sentence the seller
// speaks in (本品、我们、本院、a price) and every remedy taken (喝、服用).

// 累计治愈 2 例、治愈出院 5911 例、治愈病例出院、痊愈的武汉肺炎患者: the cured counted in a tally of cases, or named as a
// group of cases, as a health body reports them. A count with no tally around it (本院已治愈患者 3000 例、治愈患者无数)
// is a clinic's boast and stays.
const curedCount = compile('^(?:治愈|痊愈)(?:出院)?\\s*[0-9]+\\s*(?:例|人|名|宗)');
const tally = compile('确诊|死亡|出院|累计|累积|新增|通报');
const curedGroup = compile('^(?:治愈|痊愈)(?:的[^,。!?;]{0,8}?)?(?:出院)?(?:病例|患者|病人|者)(?!\\s*(?:[0-9]|无数|上万|数万|数千|众多|过万))');
// 患者经过治疗大多已康复: what became of the cases reported, not a remedy's promise.
const casesBefore = compile('(?:患者|病人|病例|确诊者)[^,。!?;]{0,12}?(?:已|均|大多|陆续)$');

export function countsCases(sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(start);
  if (test(curedCount, after) && test(tally, sentence.slice(0, start) + sentence.slice(end))) return true;
  if (test(curedGroup, after)) return true;
  return /^(?:康复|好转|痊愈|治愈)/u.test(sentence.slice(start, end)) && test(casesBefore, sentence.slice(0, start));
}

// 以防止病毒传播、为防范新型肺炎扩散、实施封锁措施防止病毒蔓延、采取严厉措施来抑制病毒: a measure against an outbreak's
// spread, or a public body acting against it; and 提升新冠肺炎的检测能力, a health service's capacity.
const spread = compile('^[^。!?;]{0,16}?(?:传播|蔓延|扩散|流行(?![性病])|反弹|输入|疫情)');
// 隔离霜 is a cosmetic, 流行性感冒 a disease: neither is a measure or a spread.
const measure = compile('政府|内阁|当局|首相|总统|总理|部长|官员|卫生部门|措施|封锁|封城|隔离(?![霜乳])|管控|防控|疫区|援助');
const capacity = compile('^[^,。!?;]{0,12}?(?:检测|诊断|筛查|监测|救治|收治|防控)(?:能力|水平|效率|工作)');
const fightWord = /^(?:防止|防范|预防|抑制|抗击|战胜|控制|阻止|遏制|提升|提高|加强)/u;

// A public body acts against an outbreak, not against a complaint a remedy is sold for (官员推荐……预防感冒 stays).
const outbreak = compile('病毒|疫情|新冠|肺炎|非典|sars|mers|流感|传染病|疫病|瘟疫');

export function fightsEpidemic(sentence: string, start: number, end: number): boolean {
  if (!fightWord.test(sentence.slice(start, end))) return false;
  const after = sentence.slice(end);
  if (test(spread, after) || test(capacity, after)) return true;
  return test(measure, sentence) && test(outbreak, sentence.slice(start, end + 6));
}

// 新增发病数在持续下降、传染病将会逐渐消失: the course of an epidemic in a population, no product's effect.
const course = /^(?:新增)?(?:发病|病例|确诊|感染|死亡|重症)(?:人?数|率)|^(?:传染病|疫情|流行病)/u;

export const tellsCourse = (term: string): boolean => course.test(term);

// 都对这种新病毒起不了作用: the claim's own words deny the effect; hACE2 对冠状病毒有介导作用 is how a virus works.
export const deniesEffect = (term: string): boolean => /起不了|不起作用|没有作用|没有效果|无效|介导/u.test(term);

// 北京举行新闻发布会，向中外媒体通报……防治……情况、由官方更新的诊疗方案中……、报告建议……、科技部……等科研攻关组……研究判断认为:
// a briefing, a guideline or a public body's judgement reported.
const briefing = compile('(?:新闻发布会|记者会|发布会)[^。!?]{0,30}?(?:通报|介绍|表示|称)|诊疗方案|防控方案|报告建议|(?:中医药管理局|卫生厅|卫生局|卫生署)[^,。!?]{0,8}?(?:发布|表示|称|通报)|(?:科技部|卫健委|药监局|疾控中心|中医药管理局)[^。!?]{0,30}?(?:研究判断|论证|认为)');
// 骆驼尿在中东地区被认为有药用价值: a belief told as a place's, as a custom is.
const belief = compile('(?:地区|民间|当地人?)[^,。!?]{0,6}?被认为');

export const reportsBriefing = (sentence: string): boolean => test(briefing, sentence);
export const reportsBelief = (sentence: string): boolean => test(belief, sentence);

// 我们……一起抗击病毒的时刻、我们将努力战胜病毒: a call to stand together against an outbreak claims nothing for goods, even
// in a first person; a product, a remedy taken or a sale in the sentence (我们的口罩帮您一起抗击病毒，下单立减) keeps it a claim.
const together = compile('(?:一起|共同|携手|团结|齐心|努力|全力)(?:来)?(?:抗击|战胜|对抗|抵御)');
const goods = compile('本品|本店|本院|这款|此款|产品|口罩|药|茶|[¥￥]|[0-9]+元|下单|购买|抢购|优惠');

export function standsTogether(sentence: string, start: number): boolean {
  together.lastIndex = 0;
  const found = together.exec(sentence.slice(Math.max(0, start - 4), start + 4));
  return found !== null && !test(goods, sentence);
}
