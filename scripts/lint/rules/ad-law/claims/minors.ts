// Minors (广告法第十、三十八、三十九、四十条): urging children to ask their parents, unsafe imitation, child endorsers under
// ten, ads in schools and teaching materials, products harmful to minors. Sources: S01, S20, S33.
import { compile, type ClaimPattern } from './pattern.ts';

const children = ['小朋友', '同学', '孩子', '宝贝', '小学生', '中学生', '学生', '少年', '小伙伴', '宝宝'];
const parents = ['爸爸妈妈', '爸妈', '父母', '家长', '妈妈', '爸爸'];
const c = (source: string) => compile(source, { children, parents });

export const minorsPatterns: ClaimPattern[] = [
  { label: '劝诱未成年人要求家长购买', family: 'minors', requires: 'always', basis: '《广告法》第四十条第二款第（一）项',
    message: '针对不满十四周岁未成年人的广告不得劝诱其要求家长购买商品或服务。',
    regex: c('(?:{children})们?[^。!?]{0,24}?(?:让|叫|告诉|找|求|喊)(?:你的?)?(?:{parents})|回家(?:找(?:{parents}))?要钱') },
  { label: '引发未成年人模仿不安全行为', family: 'minors', requires: 'always', basis: '《广告法》第四十条第二款第（二）项',
    message: '针对未成年人的广告不得可能引发其模仿不安全行为。',
    regex: c('像[^,。!?]{1,6}1样(?:从|飞|跳)|从[^,。!?]{0,4}(?:床上|楼上|窗台|高处|桌上)跳下|在马路上(?:飞驰|玩|骑|滑)|逃课也要|小巧好藏|不用(?:父母|家长|爸妈)同意|瞒着(?:{parents})') },
  { label: '损害未成年人身心健康', family: 'minors', requires: 'always', basis: '《广告法》第十条、第四十条第一款',
    message: '广告不得损害未成年人的身心健康：不得向未成年人推销烟酒、网贷、医美，不得以攀比、嘲笑诱导消费。',
    regex: c('网瘾少年|儿童白酒|给孩子的(?:白酒|酒)|(?:{children})(?:党|们)?[^,。!?]{0,6}?(?:白酒|电子烟|香烟|网贷|医美|双眼皮|隆鼻|整形)|(?:高中生|中学生|大学生|学生)(?:也能)?[^,。!?]{0,4}?(?:网贷|贷款)|充值越多越|被同学(?:笑话|嘲笑|看不起|孤立)|上课(?:再也)?不(?:会)?困|个子蹭长|长高${NUM}厘米|比别人矮|(?:儿童|宝宝|宝贝)[^,。!?]{0,4}?化妆品|像明星1样'.replace('${NUM}', '[0-9两几十]+')) },
  { label: '不满十周岁的代言人', family: 'minors', requires: 'always', basis: '《广告法》第三十八条第二款',
    message: '不得利用不满十周岁的未成年人作为广告代言人。',
    regex: c('[1-9]岁(?:的)?(?:小)?(?:童星|代言人|小代言人|模特)|童星代言') },
  { label: '在学校、教材上发布广告', family: 'minors', requires: 'always', basis: '《广告法》第三十九条',
    message: '不得在中小学校、幼儿园内开展广告活动，不得利用教材、教辅、练习册、文具、校服、校车等发布或者变相发布广告。',
    // 推广 needs a thing promoted in its clause, and not a public cause (在学校推广环境教育、在地方学校推广，引发学生兴趣).
    regex: c('(?:学校|校园|校门口|教室)[^,。!?]{0,6}?(?:发传单|派发|广告|摆摊|推广(?![,。!?]|$|的?(?:环境|生态|文化|艺术|教育|知识|阅读|体育|运动|环保|普通话|理念|公益|传统|非遗|科普|安全)))|(?:教辅|教材|练习册|文具|校服|校车)[^,。!?]{0,8}?(?:印上|印有|广告)') },
];
