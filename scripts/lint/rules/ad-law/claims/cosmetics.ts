// Cosmetics: medical effects, special-use claims without a licence, drug-like effects (化妆品监督管理条例第十六、二十二、
// 三十七、四十三条; 化妆品分类规则和分类目录). Sources: S07, S08, S09, S10, S54.
import { compile, has, NUM, type ClaimPattern } from './pattern.ts';
import { productIsSubject } from './medical.ts';

/** Marks of age and skin that a cosmetic may soften but not remove (消除颈纹、双下巴消失 are drug-like claims). */
const marks = ['鱼尾纹', '皱纹', '颈纹', '法令纹', '抬头纹', '细纹', '黑眼圈', '眼袋', '双下巴', '脂肪粒', '汗管瘤', '痘印', '痘坑', '橘皮组织', '妊娠纹', '肥胖纹', '红血丝', '斑点', '色斑', '黄气'];
const c = (source: string) => compile(source, { marks });
const cosmeticNoun = c('霜|乳|露|精华|面膜|凝胶|膏|液|喷雾');

const special = '美白、祛斑、防晒、防脱发、染发、烫发属特殊化妆品，须取得特殊化妆品注册证才能宣称（化妆品监督管理条例第十六条）。';
const drugLike = '化妆品不得宣称医疗作用或药品才有的功效（丰胸、生发、溶脂、消除皱纹等），功效宣称须有科学依据（化妆品监督管理条例第二十二条、第四十三条）。';

export const cosmeticsPatterns: ClaimPattern[] = [
  { label: '特殊化妆品功效（防晒）', family: 'cosmetics', requires: 'always', message: special,
    regex: c('spf[0-9]+|pa\\+{1,4}|防晒(?:成分|功效|效果|指数|遮瑕|隔离|修护)|(?:能|可以|可|补|具有|含)防晒|不用再涂防晒') },
  { label: '特殊化妆品功效（美白祛斑）', family: 'cosmetics', requires: 'always', message: special,
    regex: c(`(?:抑制|阻断|减少|淡化)黑色素|越涂越白|白${NUM}个度|提亮${NUM}个度|${NUM}天变白|美白(?:全身|祛斑|淡斑|功效)|祛斑(?:功效|效果|精华|霜)`) },
  { label: '特殊化妆品功效（防脱生发）', family: 'cosmetics', requires: 'always', message: special,
    regex: c('防脱(?!落)(?:发)?|(?:能)?生发(?:液|效果|精华|水|功效|剂)|能生发|育发|长出(?:新)?头发|(?:新)?头发长出来|再生头发|激活毛囊|毛囊再生|白(?:头)?发(?:又)?变黑|治疗白发') },
  { label: '药品才有的功效', family: 'cosmetics', requires: 'always', message: drugLike,
    regex: c(`丰胸|美胸|隆胸|升${NUM}个罩杯|燃烧脂肪|分解脂肪|溶解脂肪|阻断脂肪吸收|躺着(?:也|就)能瘦|睫毛增长|睫毛长1倍|细胞再生|1夜换肤|换肤|逆龄|回春|逆转(?:肌肤|细胞|器官)?年龄|年轻${NUM}岁|胶原蛋白再生|填平[^,。]{0,4}?痘坑|重建屏障|收缩[^,。]{0,4}?毛细血管`) },
  { label: '药品才有的功效', family: 'cosmetics', requires: 'advertised', accept: (v) => v.advertised || v.uses || productIsSubject(v) || has(cosmeticNoun, v.sentence), message: drugLike,
    regex: c('(?:{marks})[^,。!?]{0,4}?(?:彻底)?(?:消失|全消|不见了|没了|消除|淡了)|(?:消除|去除|祛除|溶解|淡化|修复|填平|祛|去|让)[^,。!?]{0,3}?(?:{marks})') },
  { label: '医疗用语与药品混淆', family: 'cosmetics', requires: 'always',
    message: '化妆品不得使用医疗术语或易与药品、医疗器械混淆的用语（化妆品监督管理条例第三十七条；广告法第十七条）。',
    regex: c('医学级|医用级|医美级|药妆|械字号|皮肤科同款|药物成分|消炎因子|米诺地尔|氢醌|激素脸|在家(?:也能)?做医美|术后(?:修复|必备|护理)|医美术后|医用冷敷贴|(?:替代|代替)面膜|零刺激|零致敏|婴儿也能放心用|(?:抗|防)病毒') },
];
