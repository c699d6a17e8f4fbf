/**
 * A study reporting its own results, as an abstract or a paper's summary does: it says whom it took and how
 * (本研究共纳入 1204 名确诊患者、这项回顾性队列研究纳入了 191 名成年患者、研究者随访了 3000 名参与者、本荟萃分析纳入了
 * 17 项研究、按 1:1 随机分配),
 * and the figures after it are what it measured. The study is the source a reader can look up, as a reviewer reads
 * research writing. Someone else's study left unnamed (一项研究发现、有研究表明、一项纳入 17 项研究的分析发现) names no
 * source, and neither does a seller's own “study” of its goods or customers (本研究纳入了 200 位老客户、本品组).
 */

const people =
  '(?:患者|病例|病人|参与者|受试者|研究对象|志愿者|成年人|成人|儿童|婴儿|新生儿|孕妇|产妇|老年人|居民|学生|医务人员|医护人员|密切接触者|接触者|感染者|确诊者)';
const count = '\\d[\\d,，.]*\\s*(?:万\\s*)?(?:名|例|位)';

/** Whom the study took: a verb of enrolment and a count of people or records (纳入 1,204 名确诊患者、招募了 43,548 名参与者). */
const enrolled = new RegExp(
  `(?:纳入|入组|招募|募集|随访|登记|筛选|收集|分析|追踪)了?(?:来自)?[^，,。；;：:]{0,24}?\\d[\\d,，.]*\\s*(?:万\\s*)?(?:名|例|位|人|份|对|项)[^，,。；;：:]{0,14}?(?:${people}|病例记录|病历|样本|标本|家庭|双胞胎|研究|试验)`,
  'u',
);

/** The same said the other way round (共有 138 名住院患者被纳入研究、2,143 名参与者完成了随访). */
const enrolledPassive = new RegExp(`${count}[^，,。；;：:]{0,14}?${people}(?:均|全部)?(?:被)?(?:纳入|入选|入组|参加了?|参与了?)(?:本|该|这项)?(?:研究|试验|分析)?|${count}[^，,。；;：:]{0,14}?${people}完成了?(?:随访|试验)`, 'u');
/** The study's act on its sample (对 138 例住院患者进行了回顾性分析、研究对象为 452 名医护人员). */
const studiedSample = new RegExp(
  `(?:对|针对)(?:来自)?[^，,。；;：:]{0,12}?${count}[^，,。；;：:]{0,14}?${people}(?:的[^，,。；;：:]{0,8}?)?(?:进行了?|开展了?)[^，,。；;：:]{0,8}?(?:分析|研究|调查|随访|检测|评估|筛查)|研究对象(?:为|是|包括)[^，,。；;：:]{0,8}?${count}`,
  'u',
);
/** The sample described from within (在这 1,099 名患者中、上述 72 例病例中): the study's own population. */
const withinSample = new RegExp(`^(?:在|于)?(?:这|该|上述|所有)?\\s*${count}[^，,。；;：:]{0,14}?${people}中`, 'u');

/** How it took them: randomisation into arms (按 1:1 随机分配、随机分为两组、随机分配接受疫苗或安慰剂). */
const randomised = /随机(?:分配|分为|分成|分入|分组)|按\s*\d\s*[:：]\s*\d\s*(?:的比例)?随机/u;

/** The study's arms compared, either way round (治疗组……对照组、与对照组相比，治疗组……): a trial's own results. */
const arm = '(?:治疗|试验|干预|疫苗|用药|暴露|观察|实验)组';
const control = '(?:对照|安慰剂|空白|常规治疗|非暴露)组';
const arms = new RegExp(`${arm}[^。；;]{0,40}?${control}|${control}[^。；;]{0,40}?${arm}`, 'u');

/** Someone else's study left unnamed: 一项研究发现、有研究表明、多项研究显示、一项纳入 17 项研究的荟萃分析发现. */
const unnamedStudy = /(?:一项|一份|一些|多项|某项|有|有的|国外|最新的?)[^，,。；;]{0,30}?(?:研究|试验|分析|调查|综述)(?:结果)?(?:发现|显示|表明|证实|指出|认为|提示)/u;

/** The seller's own goods, customers or shop: a “study” of them is a pitch, not research. */
const sellerSide = /本品|本店|本产品|这款|该产品|我们的(?!研究|分析|模型|队列|样本|试验)|老客户|客户|顾客|用户|会员|粉丝|学员|宝妈|买家|消费者|使用者|试用者|体验者/u;

export function reportsOwnStudy(sentence: string): boolean {
  if (sellerSide.test(sentence) || unnamedStudy.test(sentence)) return false;
  return [enrolled, enrolledPassive, studiedSample, withinSample, randomised, arms].some((pattern) => pattern.test(sentence));
}
