// Education and training (广告法第二十四条): guaranteed passes, admissions, certificates and score gains; exam bodies
// and setters; endorsement by schools, experts and students; anxiety sold to parents. Sources: S01, S18–S21.
import { compile, has, NUM, type ClaimPattern } from './pattern.ts';

const outcomes = [
  '通过', '过', '上岸', '拿证', '取证', '拿到证', '录取', '录', '考上', '进', '升入', '升学', '提分', '提高', '涨', '涨薪', '涨粉', '就业',
  '入职', '拿到', '学会', '进面', '通关', '考过', '考到', '进步', '拿offer', '进名校', '进重点',
];
/** What a school may not promise outright: 包过、稳过、1定上岸 (1 is how lint folds 一). */
const exams = ['通过', '上岸', '拿证', '录取', '录', '考上', '进面', '通关', '考过', '进重点', '进名校', '进985', '进211', '进大厂', '分配'];
const c = (source: string) => compile(source, { outcomes, exams });
const teaching = c('课|班|营|培训|辅导|机构|老师|学员|报名|协议');
const sells = (v: { advertised: boolean; sentence: string }) => v.advertised || has(teaching, v.sentence);

const lowRate = /新低|最低|第[2二]低|下降|降至|降到|跌至|仅为?|只有/u;
/**
 * 通过 as "by means of" (它1定通过依赖清单声明依赖、很多包通过它来判断环境) and 包 as a software package (NPM 的包):
 * how a program works, no pass promised. What follows 通过 is then a means (它、其、a name in Latin letters) and the
 * act done with it (通过依赖清单声明、通过配置文件来加载).
 */
const byMeans = (v: { sentence: string; start: number; end: number }) =>
  (v.sentence.slice(v.start, v.end).endsWith('通过') &&
    /^\s*(?:它|其|这|那|此|该|以下|下面|如下|[a-z])|^[^。;；!?]{1,16}?(?:来|去|进行|实现|声明|判断|获取|调用|访问|连接|传递|提供|定义|配置|安装|管理|加载|读取)/iu.test(v.sentence.slice(v.end))) ||
  (v.sentence[v.start] === '包' && v.sentence[v.start - 1] === '的');
/** A job interview at a company (大公司的模拟面试官、FAANG 面试官): no exam body or setter, which art. 24(2) is about. */
const jobInterview = /大公司|科技公司|互联网公司|大厂|faang|google|谷歌|facebook|meta|amazon|亚马逊|微软|microsoft|苹果公司|求职|招聘|技术面试|编程面试|系统设计面试|工程师|程序员|offer/iu;
const promise = '不得对升学、通过考试、获得学位或证书、培训效果作明示或暗示的保证性承诺（广告法第二十四条第（一）项）。';
const insiders = '不得明示或暗示考试机构、其工作人员或命题人员参与教育、培训（广告法第二十四条第（二）项）。';
const endorse = '不得利用科研单位、学术机构、教育机构、专业人士或受益者（学员、状元）的名义或形象作推荐、证明（广告法第二十四条第（三）项）。';
const anxiety = '以“输在起跑线”“不报就没希望”一类说法制造焦虑、劝诱家长，违背社会良好风尚（广告法第九条第（七）项；校外培训广告治理）。';

export const educationPatterns: ClaimPattern[] = [
  { label: '升学、考试保证', family: 'education', requires: 'always', message: promise, accept: (v) => !byMeans(v),
    regex: c('(?:(?<![面打钱书红荷腰背钱])包|(?<![确环担])保|(?<![平安])稳|1定|(?<!不)必|百分百|100%)(?:能|可以)?(?:{exams}|过(?![渡度去来程年期敏节滤夜问火头了]))') },
  { label: '升学、考试保证', family: 'education', requires: 'always', accept: sells, message: promise,
    regex: c('(?:保证|确保|保你|包你|保障)[^,。!?]{0,6}?(?:{outcomes})') },
  { label: '升学、考试保证', family: 'education', requires: 'always', message: promise,
    regex: c(`(?:不过|没过|未通过|考不过|考不到|通不过|不提分|不录取|录取不了|不满意|学不会|没考上|不到${NUM}分)(?:的?话)?[^。!?]{0,10}?(?:退款|退费|全退|退全款|全额退|免费重[读修学听]|不收费|第2年免费|免费学|学费全退|退学费)`) },
  // A rate reported as low (录取率为 5.3%，创历史新低) promises nobody a place.
  { label: '升学、考试保证', family: 'education', requires: 'always', message: promise, accept: (v) => !lowRate.test(v.sentence.slice(v.start, v.end + 12)),
    regex: c(`(?:通过率|录取率|上岸率|过关率|入职率|就业率|提分率|升学率|拿证率)[^,。!?]{0,4}?(?:${NUM}%|百分之|约等于|≈|高达|100)|(?:100%|百分之百|百分百)(?:的)?(?:学员|毕业生|孩子|同学)?(?:都)?(?:通过|拿到|拿证|上岸|录取|进了|就业|考上|拿到了)`) },
  { label: '升学、考试保证', family: 'education', requires: 'always', message: promise,
    regex: c(`(?:报了?|报名)(?:就|即)(?:能|可|稳)?(?:拿证|发证|通过|过|上岸|录取|提)|无需考试|免考(?:拿证|取证)|1次性取证|毕业即就业|包就业|内推直通车|(?:月薪|年薪)[^,。!?]{0,4}?(?:有保障|保证|保底)|签约保(?:障|分|录)|协议班|签(?:订|了)?协议[^,。!?]{0,4}?保证|包教包会`) },
  { label: '培训效果保证', family: 'education', requires: 'always', accept: sells, message: promise,
    regex: c('不用考(?!虑|究|察)|学不会[^,。!?]{0,6}?(?:重学|退)|直到学会') },
  { label: '培训效果保证', family: 'education', requires: 'always', accept: sells, message: promise,
    regex: c(`(?:提|提高|涨|进步)了?${NUM}(?:分|名)|提分${NUM}分?|从[^,。!?]{1,6}考到了?[^,。!?]{1,6}|成绩(?:突飞猛进|暴涨|直线上升|明显提高)`) },
  { label: '培训效果保证', family: 'education', requires: 'always', message: promise,
    regex: c(`从${NUM}分(?:提|涨|考)(?:到|至|高到)?了?${NUM}分|${NUM}(?:天|周|个月|小时)[^。!?]{0,12}?(?:说1口流利|全会做|全都会|精通|达到母语|母语水平|通关|拿证|上岸)`) },
  { label: '考试机构或命题人员参与', family: 'education', requires: 'always', message: insiders,
    regex: c('(?:前|原|资深)?(?:命题|出题|阅卷|评卷)(?:组)?(?:专家|老师|人|组长|人员|组)|参与(?:过)?(?:今年|历年)?的?命题|命题动向|(?:来自|出自)(?:省|市)?(?:教育)?考试院|考试(?:院|中心)(?:有)?(?:合作|关系|内部)|考务中心|押中|押题|密卷|内部资料|考前点题|真题重合|考什么讲什么|考官亲授|导师提前沟通') },
  { label: '考试机构或命题人员参与', family: 'education', requires: 'always', accept: (v) => v.advertised || (/亲授|亲自|带你|授课|模拟|坐镇/u.test(v.sentence) && !jobInterview.test(v.sentence)), message: insiders,
    regex: c('(?:前|原|资深|省考|国考)?(?:面试)?考官|面试官') },
  { label: '专业人士、受益者推荐证明', family: 'education', requires: 'always', message: endorse,
    regex: c('(?:清华|北大|985|211|名校|名师|教授|专家|状元|学霸|教育部|教育局|教育厅)[^,。!?]{0,6}?(?:推荐|力荐|联合推荐|背书|认证|亲自分享)|状元[^,。!?]{0,4}?分享') },
  { label: '专业人士、受益者推荐证明', family: 'education', requires: 'always', accept: (v) => /分|考|上岸|录取|过|提|进/u.test(v.sentence.slice(v.end)), message: endorse,
    regex: c('(?:学员|往届生?|学长|学姐)[^,。!?:]{0,6}(?::|说)') },
  { label: '制造焦虑', family: 'education', requires: 'always', message: anxiety, basis: '《广告法》第九条第（七）项',
    regex: c('输在(?:了)?起跑线|被(?:同龄人|别人|同学)(?:远远)?甩(?:开|在后面)|(?:别人家|隔壁)(?:的)?孩子(?:都|已经)|(?:不|没)(?:报|学|上)[^。!?]{0,12}?(?:就)?(?:没希望|毁了|落后|跟不上|来不及)|你还在(?:等|让孩子|犹豫)|(?:1生|未来|人生)(?:就)?毁了|比(?:你的?)?(?:同学|别人|同龄人)更早') },
];
