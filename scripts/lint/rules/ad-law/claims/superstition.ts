// Superstition (广告法第九条第（八）项; 房地产广告发布规定第八条 for 风水). Sources: S01, S28, S30, S52.
import { compile, has, type ClaimPattern } from './pattern.ts';
import { propertyWords } from './real-estate.ts';

const c = (source: string) => compile(source);
const message = '广告不得含有迷信内容（开光、转运、风水、算命、保佑等）；传统习俗可以如实介绍，但不得宣称其效果。';

export const superstitionPatterns: ClaimPattern[] = [
  // A custom described (举行开光仪式) and 转运 of goods (转运站) are read as told, not claimed, in find.ts.
  { label: '迷信', family: 'superstition', requires: 'always', message, basis: '《广告法》第九条第（八）项',
    regex: c('开光|转运|化煞|挡灾|辟邪|驱邪|避凶|镇宅|改命|换运|改运|补运|招桃花|犯太岁|护身佛|护身符|转运符|平安符|此符|算命|测八字|看手相|面相|测姻缘|测财运|测字|求签|问卦|算1卦|心诚则灵|法事|(?:法事|大师|高僧|亲自|开光)[^,。!?]{0,4}?加持|高僧|龙脉|藏风聚气|旺宅|旺财|旺丁|旺业|旺子孙|财源滚滚|日进斗金|家运亨通|紫气东来|出贵人|黄道吉日|择日|财位|财运|五行缺|逢考必过|前有照|后有靠|保佑|请大师|大师在线|戴上[^。!?]{0,12}?(?:不出事|保平安|好运|发财)|百病不侵|风水(?:宝地|大师|摆件|格局|局|罗盘|布局|好)') },
  { label: '迷信', family: 'superstition', requires: 'advertised', message, basis: '《广告法》第九条第（八）项',
    accept: (v) => v.advertised || has(propertyWords, v.sentence), regex: c('风水|招财|旺运|好运') },
];
