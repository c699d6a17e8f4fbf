import { reportsOwnStudy } from './own-study.ts';

/**
 * Whether a sentence names where its figure comes from: an institution together with a document or a date
 * (国家统计局《2023 年统计公报》、中国茶叶流通协会 2024 年发布的报告、CNNIC 第 53 次报告), a titled source it
 * cites (据《中国统计年鉴》、发表在《柳叶刀》上), or a speaker a reader can identify, as news attributes a figure
 * (审计署副审计长董大胜表示、古特雷斯说、据新华网报道、他对美国之音说). “据权威机构统计”“相关部门”“某研究所”“专家
 * 指出”“受访者表示” are not a source a reader can check (广告法第十一条第二款“表明出处”; 上海市工商局对“引证内容”的审查
 * 要求, S42).
 */
const institution =
  /[\p{Script=Han}A-Za-z]{2,20}?(?:统计局|卫健委|卫生健康委员会|委员会|发改委|网信办|国务院|部(?![分门位])|局|署|协会|学会|研究会|研究院|研究所|研究中心|信息中心|中心|组织|联合会|大学|学院|银行|集团|公司|基金会|商会|交易所|医院|杂志社|日报|通讯社|政府|海关|气象台)|CNNIC|WHO|OECD|IMF|UNICEF|本公司|本集团/gu;
const generic = /权威|相关|有关|某|一家|多家|知名|国外|海外|专业|第三方|业内|行业/u;
const documentOrDate =
  /《[^》]{2,40}》|报告|公报|年报|白皮书|年鉴|蓝皮书|发布会|通报|公告|统计数据库|第\s*[\d一二三四五六七八九十]+\s*次|(?:19|20)\d{2}\s*年|\d{1,2}\s*月/u;
const citedTitle =
  /(?:据|根据|依据|来自|援引|引用|发表(?:在|于)|刊登(?:在|于)|刊发(?:在|于)?|在|(?:发布|公布|出版|印发)的)\s*《[^》]{2,40}》|《[^》]{2,40}》(?:显示|指出|称|中|的数据|的统计|公布|发布)/u;

/**
 * A study reported with its test statistics (15.3% 比 9.5%，p=0.034、从 4.1±2.9cm 增加到 7.9±3.1cm、平均下降 31%（范围
 * 6～63%）、95% CI、n=120、四分位距、OR=2.1、风险比 0.68): the form a paper's results take, which a reader can look up in the literature the text
 * reviews. Marketing copy gives a bare figure; the seller's own (本品、这款、我们的) is not read this way.
 */
const testStatistic =
  /\bp\s*[=<＜≤]\s*0?\.\d|\d\s*±\s*\d|95\s*%\s*(?:CI|置信区间|可信区间)|\bn\s*=\s*\d|[（(]范围\s*\d|\d(?:\.\d+)?\s*%\s*比\s*\d|四分位(?:距|数间距)|\bIQR\b|\b(?:a?OR|a?HR|RR)\s*[=＝:：为]?\s*\d|(?:比值比|危险比|风险比|相对危险度)[^，,。；;]{0,6}?\d/iu;
const sellerOwn = /本品|本店|这款|我们的/u;
/** 我们的研究、我们的模型: the authors of a paper speak of their own work; 我们的 before anything else is the seller's. */
const sellerOwnFigures = /本品|本店|这款|我们的(?!研究|分析|模型|估计|队列|样本|试验)/u;
const reportsStatistics = (sentence: string) => testStatistic.test(sentence) && !sellerOwnFigures.test(sentence);

/**
 * The figures read off the text's own table or chart (我们从上文的图表知道、从上表可以得知): the exhibit carries them,
 * as a table in a reference does; 如上图所示 and the seller's own chart (本品、这款、我们的) are not read this way.
 */
const exhibit = /(?:从|由)(?:上文|下文|前文|本文|上|下)的?(?:图表|表格|图|表)(?:中|里)?(?:可知|可以得知|可以看到|可以看出|看出|知道)/u;
const readsExhibit = (sentence: string) => exhibit.test(sentence) && !sellerOwn.test(sentence);

/**
 * A paragraph that is the title of an official document (“健康中国2030”规划纲要、某某诊疗方案（试行第七版）、
 * 中华人民共和国传染病防治法): the text that follows is the document, and its issuer the source of its figures.
 */
const officialTitle =
  /^\s*(?:中华人民共和国[^，,。；;：:]{2,24}法|[“"「]?[^，,。；;：:]{2,30}?[”"」]?[^，,。；;：:]{0,20}?(?:规划纲要|条例|白皮书|公报|年鉴|诊疗方案|诊疗指南|防治指南)(?:[（(][^）)]{1,20}[）)])?)\s*$/u;

/** A speaker and a verb of saying at the start of a clause, or after a quotation (古特雷斯说、……，”史密斯说). */
const saying =
  /(?:^|[，,：:；;”」』])\s*([^，,。；;：:“”"「」]{2,30}?)(?:在声明中|在接受采访时|在记者会上)?(?:说|表示|指出|称|透露|介绍|宣布|披露|强调|估计|预计|告诉|写道|证实|承认|补充)(?!明|法|服|不|话|成|为|之)/gu;
/** 据 and a named reporter (据新华网报道、据美国政府调查人员称). */
const reportedBy = /(?:据|根据)([^，,。；;]{2,20}?)(?:的)?(?:报道|报导|消息|介绍|称|披露|公布|发布|通报|统计)/gu;
/** A news organisation by name: 新华社、新华网、美国之音、路透社、BBC. */
const media = /[\p{Script=Han}]{1,10}(?:社|网|日报|晚报|时报|周刊|杂志|电视台|广播|之音|之声)|[A-Z]{2,6}|路透|美联|法新|彭博/u;
/**
 * A government side as news names it (大陆方面、美方), or a public body the story has named (警方、检方、当局、法院、白宫、
 * 联合国): their statements are on the record.
 */
const officialSide =
  /^(?:中国|大陆|台湾|香港|澳门|美国|日本|韩国|朝鲜|俄罗斯|英国|法国|德国|欧盟)方面$|^[中美日韩朝俄英法德欧]方$|(?:警方|检方|当局|法院|法庭|议会|国会|白宫|五角大楼|克里姆林宫|联合国|世卫组织|北约|欧盟委员会)(?:发言人)?$/u;
/**
 * An official or a public service of a place or body the story names (伊朗官员、当地卫生官员、消防部门): on the record,
 * as news attributes them. 相关官员、一名官员 name no place.
 */
const officialOf = /^(.{2,10}?)(?:卫生|军方|警方|边境|移民|安全)?(?:官员|当局)(?:们)?$/u;
const publicService = /^(?:当地|该市|该州|该国)?(?:消防部门|消防局|救援人员|急救人员|海岸警卫队|气象部门|气象局)$/u;
/** A name in Latin letters (Sutopo 先生、John Goldsmith). */
const latinName = /[A-Z][a-z]+/u;
/**
 * Speakers nobody can check: the crowd, a role with no name, the writer, the figure's own sample (受访者), and the
 * words a statistic itself is made of (调查、数据、报告). A figure in the speaker (近半数受访者表示) is the claim, not its source.
 */
const vague =
  /有人|有专家|专家|业内|人士|网友|大家|很多|不少|许多|一些|某|有关|相关|权威|官方|媒体|外媒|消息|据悉|据了解|研究|调查|数据|报告|统计|民调|测试|试验|实验|资料|文章|说法|传言|网传|坊间|市场|分析|机构|单位|部门|方面|我|你|受访|被访|被/u;
/** A phrase that opens on a pronoun or a particle (这也说明、那就表示、还有人称) names nobody. */
const noSubject = /^(?:这|那|此|其|它|该|有|也|还|又|都|就|可|会|要|能|将|并|而|但|则|即|如|若)/u;
const figure = /[\d一二两三四五六七八九十百千万半成%]/u;
/** Role nouns that stand for a person without naming one (老板说、李医生说、一位营养师表示). */
const roleEnd =
  /(?:人|者|员|家|师|生|长|官|手|工|客|友|民|众|方|们|老板|店主|医生|大夫|老师|律师|发言人|负责人|主任|经理|总监|教练|阿姨|叔叔|大爷|大妈|奶奶|爷爷|妈妈|爸爸|朋友|同事|邻居|他|她|它)$/u;

/** Whether a speaker phrase names someone a reader can look up: an institution, a news organisation, a person. */
function identifiable(speaker: string, personNames: boolean): boolean {
  const phrase = speaker.trim();
  for (const match of phrase.matchAll(institution)) {
    if (!generic.test(phrase.slice(Math.max(0, match.index - 8), match.index + match[0].length))) return true;
  }
  if (officialSide.test(phrase)) return !vague.test(phrase.replace(officialSide, ''));
  if (publicService.test(phrase)) return true;
  const official = officialOf.exec(phrase)?.[1];
  if (official !== undefined) return !vague.test(official) && !figure.test(official) && !noSubject.test(official);
  if (media.test(phrase) || latinName.test(phrase)) return !vague.test(phrase.replace(media, ''));
  if (!personNames || vague.test(phrase) || figure.test(phrase) || noSubject.test(phrase)) return false;
  // A role named by whom it serves is someone in particular (开枪警察的律师、该公司的发言人); a bare role is not.
  if (roleEnd.test(phrase)) return /\p{Script=Han}{2}的[^的]{1,6}$/u.test(phrase) && !/^(?:一位|一名|有位|有个|某)/u.test(phrase);
  // What is left ends in a name: 戴尔、吴伯雄、古特雷斯、伊丽莎白·琼斯.
  return /[\p{Script=Han}·]{2,8}$/u.test(phrase);
}

/**
 * A study a named body made: 哈佛大学的一项研究发现、皮尤研究中心的调查显示、GitHub 的数据表明. The body must be one a
 * reader can look up (an institution, a news organisation, a name in Latin letters); 临床数据显示、有报告指出 name none.
 */
const studyBy =
  /(?:^|[，,：:；;。])\s*([^，,：:；;。“”"「」]{2,24}?)(?:的)?(?:一项|一份|最新|年度|最新一期)?(?:研究|调查|报告|数据|统计|民调|普查|研究人员|科学家|研究团队|文件|记录|档案|财报|年报|公告)(?:结果|数据)?(?:显示|发现|表明|指出|称|证实|认为)/gu;

/** 根据尼尔森公布的数据: a body that publishes data is named by its name alone, as a speaker is. */
const publishedBy = /(?:据|根据)\s*([^，,。；;]{2,12}?)(?:公布|发布)的(?:数据|报告|统计|调查)/gu;
/** 根据中国疾控中心对 44672 例确诊病例的分析: a named body's analysis of the cases or records it names. */
const analysedBy = /(?:据|根据)\s*([^，,。；;]{2,16}?)(?:对|针对)(?:\d,(?=\d)|[^，,。；;]){1,30}?的(?:分析|研究|调查|统计|监测)/gu;

/** 根据 YouGov 在 2013 年……的调查: a body named in Latin letters right after 据. */
const latinSource = /(?:据|根据)\s*[A-Z][A-Za-z]+/u;
/** A body named in Latin letters that collected the figures (……监察机构 Coffer Peach Tracker 收集并分析了 47 个部门的业绩数据). */
const compiledBy = /[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)+[^。；;]{0,20}?(?:收集|分析|统计|汇总|追踪|监测)[^。；;]{0,20}?数据/u;
/** A pull quote's credit line (— @geerlingguy, "为何我关闭了 PR"): the quotation before it is someone's. */
const creditLine = /^\s*(?:—{1,2}|-{2})\s*@?[\p{L}]/u;

/** A figure attributed to someone identifiable: 古特雷斯说、据新华网报道、他对美国之音说、哈佛大学的研究发现. */
function attributed(sentence: string): boolean {
  if (latinSource.test(sentence) || creditLine.test(sentence) || compiledBy.test(sentence)) return true;
  for (const match of sentence.matchAll(publishedBy)) if (identifiable(match[1]!, true)) return true;
  for (const match of sentence.matchAll(analysedBy)) if (identifiable(match[1]!, false)) return true;
  for (const match of sentence.matchAll(saying)) if (identifiable(match[1]!, true)) return true;
  for (const match of sentence.matchAll(reportedBy)) if (identifiable(match[1]!, false)) return true;
  for (const match of sentence.matchAll(studyBy)) if (identifiable(match[1]!, false)) return true;
  return false;
}

/** A gloss in brackets (霍莉·斯奈德（Holly Snyder）) adds no words to the speaker; without it the name is near its verb. */
const gloss = /[（(][^（）()]{1,40}[）)]/gu;

export function namesSource(sentence: string): boolean {
  if (citedTitle.test(sentence) || reportsStatistics(sentence) || readsExhibit(sentence) || officialTitle.test(sentence) || reportsOwnStudy(sentence)) return true;
  if (attributed(sentence) || attributed(sentence.replace(gloss, ''))) return true;
  if (!documentOrDate.test(sentence)) return false;
  for (const match of sentence.matchAll(institution)) {
    const around = sentence.slice(Math.max(0, match.index - 8), match.index + match[0].length);
    if (!generic.test(around)) return true;
  }
  return false;
}

/**
 * 该公司表示、这家机构称: a speaker named by pointing back, as news writes after it has named the body once (苹果公司周二
 * 公布财报。该公司表示……). It names a source when the text before it in the paragraph, or the paragraph before,
 * names an institution a reader can look up; with no such name before it, 该公司 is nobody in particular.
 */
const pointingBack =
  /(?:该|这家|这个|此|该家)(?:公司|集团|机构|组织|部门|银行|大学|医院|政府|协会|学会|委员会|研究所|研究院|中心|网站|报|媒体|平台|基金会|交易所)(?:的)?(?:发言人|负责人)?(?:在声明中|在一份声明中|在接受采访时)?(?:说|表示|称|指出|透露|宣布|披露|估计|预计|介绍)/u;

function namesInstitution(text: string): boolean {
  for (const match of text.matchAll(institution)) {
    if (!generic.test(text.slice(Math.max(0, match.index - 8), match.index + match[0].length)) && !/^(?:该|这|此)/u.test(match[0])) return true;
  }
  return false;
}

/**
 * 他说、她补充说、这位发言人表示、……，”他说: a speaker named by a pronoun, as news writes once it has named the person
 * (英国财政大臣哈蒙德周二在议会发言。他说，……). Like 该公司表示, it names a source only when the text before it names
 * someone: a person, an institution, a source.
 */
const pronounSaying =
  /(?:^|[，,：:；;。”」』])\s*(?:他们|她们|他|她|这位[^，,。；;“”]{0,10}?|该(?:名|位)?[^，,。；;“”]{0,8}?(?:官员|发言人|负责人|人士|主席|部长|总统|总理|首相|教授|经理|警官|局长|市长|州长|议员|医生|律师|执行官|总裁|董事长|创始人|主管|代表|分析师|经济学家|研究员|科学家|教练|球员))(?:还|也|则|又|随后|后来|在声明中|在接受采访时|在记者会上)?(?:补充)?(?:说|表示|指出|称|透露|介绍|强调|估计|预计|告诉|写道|证实|承认)(?!明|法|服|不|话|成|为|之)/u;
/** A person's name as translated news writes it: 约翰·史密斯, or in Latin letters (Sutopo). */
const personName = /\p{Script=Han}{1,6}·\p{Script=Han}{1,8}|[A-Z][a-z]+/u;

/** An office of a named country or body (英国财政大臣、苹果公司首席执行官): one person a reader can look up. */
const officeHolder =
  /(?:国|省|州|市|部|局|委|署|公司|集团|银行|大学|政府|联合会|协会)[^，,。；;“”]{0,6}?(?:大臣|部长|总统|总理|首相|主席|市长|州长|局长|发言人|主任|总裁|执行官|董事长|行长|秘书长|大使)/u;

function namesSomeone(earlier: readonly string[]): boolean {
  const text = earlier.join('。');
  return namesInstitution(text) || personName.test(text) || officeHolder.test(text) || earlier.some(namesSource) || earlier.some((s) => [...s.matchAll(saying)].some((m) => identifiable(m[1]!, true)));
}

/** Whether a paragraph names the source of its figures, given its sentences and the paragraph before it (if any). */
export function paragraphNamesSource(sentences: readonly string[], before: readonly string[] = []): boolean {
  return sentences.some((sentence, i) => {
    if (namesSource(sentence)) return true;
    const back = pointingBack.exec(sentence);
    if (back && namesInstitution([...before, ...sentences.slice(0, i), sentence.slice(0, back.index)].join('。'))) return true;
    const pronoun = pronounSaying.exec(sentence);
    return pronoun !== null && namesSomeone([...before, ...sentences.slice(0, i), sentence.slice(0, pronoun.index)]);
  });
}
