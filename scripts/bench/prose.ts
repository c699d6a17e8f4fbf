/** Word pools and a seeded generator for plausible Chinese prose; nothing here needs to be true, only varied. */

export type Random = () => number;

/** xorshift32: deterministic across runs and Node versions, so every run measures the same corpus. */
export function seeded(seed: number): Random {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

export function pick<T>(next: Random, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

export function between(next: Random, low: number, high: number): number {
  return low + Math.floor(next() * (high - low + 1));
}

export interface Theme {
  key: 'tea' | 'coffee' | 'travel' | 'food';
  /** Lowercase ASCII, for slugs. */
  slug: string;
  tag: string;
  places: readonly string[];
  things: readonly string[];
  actions: readonly string[];
  observations: readonly string[];
  advice: readonly string[];
  headings: readonly string[];
  titles: readonly string[];
}

const times = [
  '清晨', '傍晚', '周末的下午', '入冬以后', '去年秋天', '每到雨季', '天刚亮的时候', '午饭过后', '夜里十点多',
  '春节前后', '连着下了三天雨之后', '出发前一晚', '第一次去的时候', '后来再去', '那天',
];
const people = [
  '我们', '店里的同事', '一位老客人', '常来的读者', '朋友', '茶农老陈', '咖啡师小周', '房东阿姨', '同行的摄影师',
  '隔壁桌的客人', '编辑部的许青', '带路的师傅', '我妈', '一个刚入门的朋友',
];
const connectors = ['其实', '后来', '所以', '不过', '另外', '说到底', '有时候', '而且', '说实话', '慢慢地', '回头想想', ''];
const feelings = [
  '心里一下子安静下来', '觉得这一趟没有白来', '忍不住又多待了一会儿', '才明白老人家说的“慢一点”是什么意思',
  '忽然有点想家', '拍了好多照片却一张都不满意', '决定明年还要再来', '把这件事记在了本子上',
];

export const themes: readonly Theme[] = [
  {
    key: 'tea',
    slug: 'cha',
    tag: '茶知识',
    places: ['武夷山的茶园', '西湖边的茶空间', '安溪的山坡上', '临沧的古茶树林', '龙井村的小院', '福鼎的白茶山场', '梧州的六堡老仓', '景迈山的寨子里'],
    things: ['一泡岩茶', '新收的龙井', '存了五年的寿眉', '一饼普洱熟茶', '一把紫砂壶', '白瓷盖碗', '公道杯', '铁壶烧的水', '一罐正山小种', '几克凤凰单丛'],
    actions: ['慢慢冲泡', '仔细闻香', '反复比较', '小心拆开', '轻轻摇香', '用沸水温过', '分成三小包', '装进锡罐'],
    observations: [
      '茶汤的颜色一泡比一泡浅', '回甘来得比想象中快', '香气在杯底停留了很久', '滋味比去年更厚一些', '叶底舒展得很完整',
      '第三泡之后才真正打开', '焙火的香气在低温里散得慢', '水温高一点，涩感反而少了', '存放几年之后带出了枣香',
    ],
    advice: ['出汤要快一点', '先用热水温一遍杯子', '投茶量宁少勿多', '开封后尽量一个月内喝完', '存茶要避光、防潮、隔味', '水温回落到八十五度上下再冲绿茶'],
    headings: ['先认识茶类', '怎么选', '水温和时间', '存茶的几个习惯', '茶器不必贵', '山场里的故事', '冬天的喝法', '常见的误会'],
    titles: ['冬天喝什么茶', '岩茶的焙火', '存茶这件小事', '盖碗怎么拿', '一杯茶的山场', '老白茶的枣香', '绿茶的水温', '六堡茶入门'],
  },
  {
    key: 'coffee',
    slug: 'kafei',
    tag: '咖啡',
    places: ['大理古城的小咖啡馆', '普洱的咖啡庄园', '武康路的街角', '保山的晾晒场', '家里的厨房', '公司楼下的咖啡车', '孟连的山坡', '昆明的烘焙工作室'],
    things: ['一支日晒瑰夏', '云南卡蒂姆', '手冲壶', '磨豆机', '锥形滤杯', '一杯燕麦拿铁', '冷萃咖啡', '一杯意式浓缩', '刚烘好的豆子', '电子秤'],
    actions: ['磨得细一格', '焖蒸三十秒', '分三段注水', '放凉了再喝', '换了一款滤纸', '重新校准了研磨度', '记下每一次的粉水比'],
    observations: [
      '酸质明亮得像柑橘', '尾段带一点可可的味道', '研磨度细一格就开始发苦', '萃取时间停在两分半最合适', '放凉以后甜感更明显',
      '油脂的颜色像榛子', '云南豆子的干净度这几年进步很大', '同一支豆子换了水，风味差了很多',
    ],
    advice: ['粉水比先从一比十五开始', '豆子开封后两周内喝完', '水温九十二度左右比较稳妥', '磨豆前再称重', '滤纸先用热水冲一遍'],
    headings: ['从一颗豆子说起', '手冲的参数', '产区见闻', '在家怎么做', '器具清单', '风味怎么描述', '常见问题'],
    titles: ['云南咖啡产区巡礼', '在家手冲的第一杯', '冷萃怎么做', '日晒和水洗的区别', '咖啡豆怎么保存', '一杯拿铁的奶泡'],
  },
  {
    key: 'travel',
    slug: 'lvxing',
    tag: '旅行',
    places: ['川西的高原', '泉州的老街', '景德镇的窑厂', '婺源的村子', '潮州的牌坊街', '伊犁的河谷', '大理的洱海边', '徽州的古道', '厦门的老城区'],
    things: ['一张手绘地图', '绿皮火车', '青旅的床位', '民宿的早餐', '一本旅行笔记', '一只旧背包', '往返的车票', '一台胶片相机'],
    actions: ['走了整整一天', '坐了六个小时的车', '租了一辆电动车', '跟着当地人去赶集', '在村口等了很久', '沿着河一直往下走', '临时改了路线'],
    observations: [
      '路边的小店比景点更有意思', '天气说变就变', '当地人说话的口音很好听', '老房子的木门都被磨得发亮', '山里的夜空特别干净',
      '最好吃的一顿饭是在车站旁边', '游客少了以后，老街才露出本来的样子',
    ],
    advice: ['早一点出门能避开人群', '雨季要带一双防滑的鞋', '提前查好末班车的时间', '行李越少越自在', '住处选在老城里面走路更方便'],
    headings: ['出发之前', '第一天', '走进老街', '吃在路上', '住在哪里', '交通与花费', '回来以后'],
    titles: ['泉州三日', '川西的一条小路', '去景德镇看窑火', '婺源不只有油菜花', '潮州吃一天', '伊犁河谷的夏天'],
  },
  {
    key: 'food',
    slug: 'meishi',
    tag: '美食',
    places: ['顺德的菜市场', '成都的街边小馆', '潮汕的牛肉火锅店', '外婆的灶台', '西安的回民街', '杭州的早餐铺', '广州老城区的早茶铺'],
    things: ['一碗牛肉粉', '砂锅粥', '桂花糕', '腊肠煲仔饭', '凤梨酥', '几样茶点', '一锅老鸭汤', '手工馄饨', '刚出炉的烧饼'],
    actions: ['小火慢炖了两个钟头', '提前一晚泡好了米', '把姜切成细丝', '用猪油炒香', '最后撒一把葱花', '守在锅边不停地搅'],
    observations: [
      '汤头鲜得让人不想说话', '米粒开花以后口感才顺滑', '甜度刚好不腻', '火候差一点味道就不一样了', '配一杯热茶正好解腻',
      '老板说这个做法传了三代', '锅气是家里很难复刻的东西',
    ],
    advice: ['食材新鲜比调料重要', '盐要最后再放', '砂锅用之前先泡水', '炖汤中途不要加冷水', '甜点配清一点的茶'],
    headings: ['一道菜的来历', '备料', '做法', '火候', '配什么茶', '街头的味道', '写在最后'],
    titles: ['一碗砂锅粥', '顺德人的早餐', '外婆的老鸭汤', '冬天的煲仔饭', '茶点怎么配茶', '桂花糕的做法'],
  },
];

/** One clause, mostly from the article's theme and sometimes borrowed from another, as real articles wander. */
function clause(next: Random, theme: Theme): string {
  const t = next() < 0.82 ? theme : pick(next, themes);
  switch (Math.floor(next() * 9)) {
    case 0:
      return `${pick(next, times)}，${pick(next, people)}在${pick(next, t.places)}${pick(next, t.actions)}`;
    case 1:
      return `说起${pick(next, t.things)}，${pick(next, people)}总会提到${pick(next, t.places)}`;
    case 2:
      return `${pick(next, people)}觉得${pick(next, t.observations)}`;
    case 3:
      return `如果手边只有${pick(next, t.things)}，${pick(next, t.advice)}`;
    case 4:
      return `这种感觉很难形容，大概就是${pick(next, t.observations)}`;
    case 5:
      return `${pick(next, connectors)}${pick(next, t.observations)}`;
    case 6:
      return `${pick(next, t.actions)}之后，${pick(next, feelings)}`;
    case 7:
      return `${pick(next, t.advice)}，这是${pick(next, people)}反复叮嘱的`;
    default:
      return `${pick(next, people)}带来了${pick(next, t.things)}，大家围着它聊到很晚`;
  }
}

export function sentence(next: Random, theme: Theme): string {
  const parts = Array.from({ length: between(next, 1, 3) }, () => clause(next, theme));
  let text = parts.join('，') + pick(next, ['。', '。', '。', '。', '！', '？'] as const);
  // Inline marks appear now and then, as in real articles, and exercise the inline-style pass.
  const mark = next();
  if (mark < 0.08) text = `**${text}**`;
  else if (mark < 0.12) text = `*${text}*`;
  else if (mark < 0.15) text = `「${text.slice(0, -1)}」${text.slice(-1)}`;
  return text;
}

export function paragraph(next: Random, theme: Theme): string {
  return Array.from({ length: between(next, 3, 6) }, () => sentence(next, theme)).join('');
}

export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

export { connectors, people, times };
