// State symbols and the names of state organs and their staff (广告法第九条第（一）、（二）项). Sources: S01, S31, S32.
import { compile, has, type ClaimPattern, type MatchView } from './pattern.ts';

const symbols = ['国旗', '五星红旗', '国徽', '国歌', '军旗', '军歌', '军徽', '八一军旗', '警服', '警徽', '军装', '党旗', '党徽'];
/** State organs, their staff and offices whose name an ad may not borrow. */
const organs = [
  '国务院', '人民大会堂', '国宴', '中南海', '部队', '军队', '军需', '武警', '解放军', '外交部', '卫健委', '卫生部', '市场监管局', '工商局',
  '公安部门', '公安局', '公安部', '海关', '缉私', '中央机关', '国家机关', '机关', '政府', '市政府', '省政府', '县政府', '部委', '教育部',
  '教育局', '教育厅', '税务局', '法院', '检察院', '省委', '市委', '县委', '央企', '两会代表', '人大代表', '政协委员', '省长', '市长', '部长',
  '局长', '领导', '证监会', '银保监会', '人民银行', '央行', '国家博物馆', '官方', '总局', '卫健委专家', '大院', '军区',
];
const c = (source: string) => compile(source, { symbols, organs });
// A symbol put to commercial use: on packaging, posters, prints, as background music; not a news report of a ceremony.
const commercialUse = c('海报|包装|图案|配色|背景|造型|元素|礼盒|印上|印有|铺满|宣传图|发布会|新品|t恤|款|产品|商品|店|促|折|购买|包邮|[¥￥]|代言|模特|本品|我们|车标');
const commercial = (v: MatchView) => v.advertised || has(commercialUse, v.sentence);
/**
 * 官方 alone is also a project's or a firm's own team (Vue 官方推荐的项目组织方式): it borrows a state organ's name only
 * where something is sold. A named organ (卫健委推荐、国宴特供) always does.
 */
const namedOrgan = (v: MatchView) => (!v.sentence.startsWith('官方', v.start) && !visitsPlace(v)) || commercial(v);
/**
 * 国务院总理……视察了疫情最严重的广东: a leader's visit to a place is news; a visit to a firm, a farm or its goods (视察了
 * 这家茶厂), or what the leader tasted there (视察时品尝过的小吃), is what an ad borrows.
 */
const visitsPlace = (v: MatchView) =>
  v.sentence.slice(0, v.end).endsWith('视察') &&
  /^了/u.test(v.sentence.slice(v.end)) &&
  !/^了[^,。!?]{0,12}?(?:厂|基地|公司|企业|门店|店|车间|茶园|生产线|园区|产品|工地)/u.test(v.sentence.slice(v.end)) &&
  !/品尝|尝过|吃过|喝过|用过|买过|同款/u.test(v.sentence);

export const statePatterns: ClaimPattern[] = [
  { label: '使用国旗、国歌、国徽、军旗', family: 'state', requires: 'always', accept: commercial, basis: '《广告法》第九条第（一）项',
    message: '广告不得使用或者变相使用国旗、国歌、国徽，军旗、军歌、军徽（警服、党旗同理，另见国旗法、国徽法）。',
    regex: c('(?:{symbols})') },
  { label: '使用国家机关及其工作人员名义', family: 'state', requires: 'always', accept: namedOrgan, basis: '《广告法》第九条第（二）项',
    message: '广告不得使用或者变相使用国家机关、国家机关工作人员的名义或者形象（推荐、指定、专供、同款都算）。',
    // 列为国家指定的三级古迹 is a designation an authority made (S02 case 6); 政府和反对派携手合作 is two parties working
    // together, not a seller borrowing the government's name. 沿线国家、发展中国家 are countries, not the state.
    regex: c('(?:{organs}|(?<!沿线|各|其他|发展中|发达|周边|邻近|成员|相关|友好|伙伴|多个|西方|欧美|亚非|非洲|亚洲)国家(?!级))[^,。!?]{0,6}?(?:推荐|力荐|指定(?!的?(?:[1-9一二三四五六七八九]级)?(?:古迹|文物|保护|遗产|风景|名胜|纪念日|节日))|专供|特供|供应商|同款|认证|(?<!携手|共同|彼此|相互|互相)合作|品鉴|视察|都在(?:喝|用|吃|买)|在用|定制|御用|用茶|采购的同款|指定采购|联名|食堂)|(?:特供|专供|军需品质|国家担保|政府补贴项目|政府兜底)|前(?:{organs})(?:工作人员|官员|干部|领导|人员)') },
];
