// Appearance anxiety in medical-beauty ads (医疗美容广告执法指南（2021）: tying looks to 低能、懒惰、贫穷 or to 成功、
// 幸福; 广告法第九条第（七）项). Sources: S06, S48.
import { compile, has, type ClaimPattern } from './pattern.ts';
import { procedures } from './medical.ts';

const looks = ['单眼皮', '塌鼻', '鼻子塌', '胖', '丑', '矮', '黑', '法令纹', '皱纹', '颜值', '脸', '容貌', '长相', '大脸', '双下巴', '小眼睛', '身材'];
const c = (source: string) => compile(source, { looks, procedures });
const beauty = c('{procedures}|隆|割|打|整|抽|填充');

export const appearancePatterns: ClaimPattern[] = [
  { label: '制造容貌焦虑', family: 'appearance', requires: 'always',
    message: '不得把容貌与能力、品行、收入、幸福不当关联，制造“容貌焦虑”（医疗美容广告执法指南）。',
    regex: c('颜值即正义|(?:{looks})[^,。!?]{0,6}?(?:就是原罪|是原罪|原罪|不自律|就是丑|决定你的|决定了你的|暴露年龄)|(?:脸|颜值|长相)决定|重新做人|人生才(?:开挂|圆满)') },
  { label: '制造容貌焦虑', family: 'appearance', requires: 'always', accept: (v) => has(beauty, v.sentence),
    message: '不得把容貌与能力、品行、收入、幸福不当关联，制造“容貌焦虑”（医疗美容广告执法指南）。',
    regex: c('(?:才有|才能|才会)(?:好运气?|好工作|人爱|自信|幸福|成功)|(?:不|没)(?:打|做|割|隆)[^,。!?]{0,6}?(?:就)?老了|老了${NUM}岁|就是丑'.replace('${NUM}', '[0-9十几]+')) },
];
