// Real estate (广告法第二十六条): appreciation and returns, travel times instead of distances, school places and
// residence permits, planned facilities sold as certain. Sources: S01, S26–S30, S50, S51.
import { compile, has, NUM, type ClaimPattern, type MatchView } from './pattern.ts';

/** Where a project's travel time is measured to: 5 分钟到地铁站. */
const destinations = [
  '地铁', '地铁站', '地铁口', '轻轨', '高铁', '高铁站', '火车站', '汽车站', '公交站', '机场', '国际机场', '市中心', 'cbd', '商圈', '商场',
  '商超', '超市', '购物中心', '综合体', '商业综合体', '学校', '小学', '中学', '重点中学', '初中', '高中', '幼儿园', '大学', '医院',
  '三甲医院', '公园', '水景公园', '湖', '高速', '快速路', '环线', '老城区', '新区', '全城', '周边', '奥体中心', '体育馆', '景区', '码头',
  '市区', '城区', '主城', '核心区', '金融街', '科技园', '园区', '站', '商业街', '万达', '江边', '海边',
];
/** Words that make a sentence about a property, so 升值 and 翻倍 are read under art. 26 rather than art. 25. */
export const propertyWords = compile('房|楼盘|商铺|公寓|地段|板块|小区|户型|住宅|物业|业主|入住|首付|买铺|地铁盘|项目|学区|置业|样板间');

const c = (source: string) => compile(source, { destinations });
const aboutProperty = (v: MatchView) => v.industries.has('real-estate') || has(propertyWords, v.sentence);
/**
 * A facility that is itself a destination as the subject (商场坐落……，与轻铁站相距仅 5 分钟步程): the time between two
 * public places, not the location of a project for sale. A property word or the seller keeps it a claim.
 */
const destinationSubject = c('^[^,。!?]{0,6}?(?:{destinations})(?:坐落|位于|座落|地处|在)');
const projectLocation = (v: MatchView) => aboutProperty(v) && (v.advertised || has(propertyWords, v.sentence) || !has(destinationSubject, v.sentence));

const returns = '房地产广告不得含有升值或者投资回报的承诺（广告法第二十六条第（一）项）。';
const travel = '不得以项目到达某一具体参照物的所需时间表示项目位置，请写实际距离（广告法第二十六条第（二）项）。';
const planned = '不得对规划或者建设中的交通、商业、文化教育设施作误导宣传；入学、落户以主管部门政策为准（广告法第二十六条第（四）项）。';
const TIME = `(?:${NUM}|半|1刻)(?:分钟|小时|刻钟|站)`;

export const realEstatePatterns: ClaimPattern[] = [
  { label: '升值、投资回报承诺', family: 'real-estate', requires: 'always', message: returns,
    regex: c(`(?:升值|增值)(?:了)?(?:${NUM}%|${NUM}成|${NUM}倍|多倍|至少)|(?:明年|未来|至少|就|必|即|会|将|保证)(?:涨价|涨)(?:了)?(?:${NUM}%|${NUM}成|${NUM}倍|至少)|(?:涨价|涨)至少|${NUM}年[^,。!?]{0,4}?(?:升值|增值|涨了?${NUM})|升值(?:潜力|空间|快|红利|多倍)|增值(?:潜力|空间|红利)|(?:即买即|入手即|买入即|1买就)(?:增值|升值|赚)|买(?:下|到)?就(?:是)?赚(?:到)?|转手就(?:能)?赚|身价(?:倍增|翻倍)|价值(?:1夜)?飙涨|坐享(?:增值|升值)|保值增值|价值洼地|硬通货|只赚不亏|最好的理财产品|明年涨价|投资收益|投资回报|高回报|回报高|租金回报|月收租|收(?:${NUM}份)?租(?!时|的时候|子|人)|固定到账租金|包租|返租|承诺回购|原价回收|双投资|坐收钱|坐收|拆迁补偿翻倍|现在买正当时|自住投资两相宜|投资自住两相宜`) },
  { label: '以时间表示位置', family: 'real-estate', requires: 'always', accept: projectLocation, message: travel,
    regex: c(`${TIME}(?:车程)?(?:即可|就能|就|即|可)?(?:到达?|直达|抵达|上|即达|通达|畅达|联通|连接|就是|到达最近的|步入|进入)[^,。!?]{0,4}?(?:{destinations})|(?:距离?|(?:步行|开车|驾车|骑车|乘车|坐车)(?:至|到))[^,。!?]{0,8}?(?:仅|只需|只要|不到)${TIME}|距离?(?:{destinations})[^,。!?]{0,4}?${TIME}|${TIME}(?:生活圈|通勤圈|交通圈|车程)`) },
  { label: '学位、户口与规划配套误导', family: 'real-estate', requires: 'always', message: planned,
    regex: c('(?:买房|购房|入住|买我们的房子?)(?:就|即|即可|就能|可)?(?:送|享|上|读|能上|入读|落户|入户|办理|获得|享受|直接)?[^。!?]{0,8}?(?:学位|名校|重点(?:小学|中学|初中|高中)|入学资格|户口|落户|入户|居住证|学区|教育资源)(?:学位|资源|名额|入学资格)?|学区房|学位(?:有保障|保障|名额)|对口(?:划片)?[^,。!?]{0,10}?(?:小学|中学|已确定)|划片已确定|名校资源|直升重点|送学位|学区名额|送户口|本市户口|积分落户') },
  { label: '学位、户口与规划配套误导', family: 'real-estate', requires: 'always', message: planned,
    regex: c(`规划(?:中)?的?[^,。!?]{0,8}?(?:地铁|轻轨|学校|小学|中学|医院|三甲|商业|购物中心|大学城)[^。!?]{0,12}?(?:明年|即将|就在|已获批|开通|通车|建成|落户|开学|开业|不用愁|身价)|(?:小学|中学|学校|校区)[^,。!?]{0,4}?${NUM}月份?开学|新校区[^,。!?]{0,4}?(?:明年|即将)建成|(?:购物中心|商场|医院|地铁|轻轨)[^,。!?]{0,6}?(?:即将|明年)(?:开业|通车|开通|建成)|(?:线路|地铁|轻轨)已获批|落户本项目|未来的?(?:城市)?(?:副中心|新中心|cbd|核心)|生活配套1步到位|看病不用愁|上学不用愁`) },
];
