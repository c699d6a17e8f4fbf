import type { Dictionary, DictionaryEntry } from '../../dictionary.ts';
import { defineRule, normalizedBlock, type RuleContext } from '../../define-rule.ts';
import { originalRange } from '../../normalize.ts';
import { blockSpan, type TextBlock } from '../../prose.ts';
import { basis, quoted } from '../dictionary-rule.ts';
import { foldedText, siteOf } from './absolute-context.ts';
import { readingOf, type Candidate, type Reading } from './absolute-reading.ts';
import { accountProfile, type AccountProfile } from './industry-goods.ts';
import { findSuperlatives } from './superlatives.ts';

/** What an entry without its own message says, by category. */
const advice: Record<string, string> = {
  最高级: '“最”字类比较无从举证，也暗含贬低同类商品；改写成具体的产地、工艺或口感。',
  '第一/唯一': '排名、唯一、首创类说法在广告中属绝对化用语，即使有出处也应改成具体事实。',
  '国家级/顶级': '级别类夸大用语易让人误以为经过官方评定或无可超越。',
  '绝对/承诺': '绝对化的保证既无法兑现也无法举证。',
  虚假紧迫: '限时、限量、涨价的说法须与事实一致，虚构的紧迫感可能构成虚假宣传或价格欺诈。',
};

/** The entry a superlative the list does not name (最嫩、最显白) is reported under. */
const superlativeEntry: DictionaryEntry = {
  term: '最',
  category: '最高级',
  severity: 'error',
  basis: '《广告法》第九条第（三）项',
  message: '“最”字比较无从举证，也暗含贬低同类商品；改写成具体的产地、工艺、口感或可查的数据。',
  list: '内置规则',
};

export interface Found {
  entry: DictionaryEntry;
  from: number;
  to: number;
  generic: boolean;
}

/** The word list's matches and the superlatives it does not name, as ranges of the block's text. */
export function candidatesIn(dictionary: Dictionary, block: TextBlock): Found[] {
  const normalized = normalizedBlock(block);
  const { matches, allowed } = dictionary.scan(normalized.text);
  const toRange = (start: number, end: number): [number, number] => originalRange(normalized, block.text, start, end);
  const listed = matches.map((m): Found => ({ entry: m.entry, ...rangeOf(toRange(m.start, m.end)), generic: false }));
  const covered = [...listed.map((f) => [f.from, f.to] as const), ...allowed.map(([a, b]) => toRange(a, b))];
  const generic = findSuperlatives(foldedText(block), covered).map((s): Found => ({ entry: superlativeEntry, from: s.from, to: s.to, generic: true }));
  return [...listed, ...generic].sort((a, b) => a.from - b.from);
}

const rangeOf = ([from, to]: [number, number]) => ({ from, to });

function message(found: Found, text: string, reading: Exclude<Reading, { kind: 'ordinary' }>): string {
  const { entry } = found;
  const words = found.generic ? `“${text}”` : quoted(entry, text);
  const why = entry.message ?? advice[entry.category] ?? '';
  const read = `此处${reading.label}（据“${reading.cue}”）`;
  if (reading.kind === 'advertised') return `${words}属于绝对化用语（${entry.category}），${read}，${basis(entry)}不得在广告中使用。${why}`;
  return `${words}属于绝对化用语（${entry.category}），${read}：若描述所推广的商品或服务，${basis(entry)}不得使用；说的是他人或一般事实则可保留。${why}`;
}

/** Each absolute term of a block with the reading it takes there (info-level entries are read as themselves). */
export function readingsIn(dictionary: Dictionary, block: TextBlock, profile: AccountProfile): Array<{ found: Found; reading: Reading | undefined }> {
  return candidatesIn(dictionary, block).map((found) => {
    if (found.entry.severity === 'info') return { found, reading: undefined };
    const candidate: Candidate = {
      term: found.generic ? foldedText(block).slice(found.from, found.to) : found.entry.term,
      category: found.entry.category,
      commercial: found.entry.tags?.includes('commercial') ?? false,
    };
    return { found, reading: readingOf(candidate, siteOf(block, found.from, found.to), profile) };
  });
}

function checkBlock(context: RuleContext, block: TextBlock, profile: AccountProfile): void {
  for (const { found, reading } of readingsIn(context.dictionary('absolute'), block, profile)) {
    const text = block.text.slice(found.from, found.to);
    const span = blockSpan(block, found.from, found.to);
    const suggestions = found.entry.suggestions ? { suggestions: found.entry.suggestions } : {};
    if (!reading) {
      const why = found.entry.message ?? advice[found.entry.category] ?? '';
      context.report({ span, severity: 'info', message: `${quoted(found.entry, text)}（${found.entry.category}）：${why}`, ...suggestions });
      continue;
    }
    if (reading.kind === 'ordinary') continue;
    const severity = reading.kind === 'advertised' ? found.entry.severity : 'warning';
    context.report({ span, severity, message: message(found, text, reading), ...suggestions });
  }
}

export default defineRule({
  id: 'ad-law/absolute-terms',
  basis: '《中华人民共和国广告法》第九条第（三）项；市场监管总局《广告绝对化用语执法指南》（2023）。Advertising Law art. 9(3); SAMR guideline on absolute terms (2023).',
  severity: 'error',
  description:
    '广告法绝对化用语（最佳、第一、国家级等），看上下文：描述本店、本品、价格或所售商品时报错，主体不明时提醒，人物、序数、历史、比赛成绩、他处的地方和事物、否定、引述、参数和消费提示不报。Absolute terms (Advertising Law art. 9(3)), read in context.',
  check(context) {
    const profile = accountProfile(context.account);
    for (const block of [...context.meta.filter((b) => b.kind !== 'author'), ...context.blocks]) checkBlock(context, block, profile);
  },
  examples: {
    valid: [
      '第一次来山野咖啡的朋友，先从第一步温杯开始。',
      '我们收集这些数据的唯一目的是了解网站的访问量。Vue 将始终紧跟 Web 平台的最新标准。',
      '手冲水温最好控制在 92 ℃ 左右，最佳萃取时间约两分半。',
      '这台磨豆机的最大转速是 1400 转，最小研磨度 200 微米。',
      '我们不是城里最便宜的咖啡馆，但豆子都是当季的。',
      '他说，那是他喝过最好的一杯耶加雪菲。',
      '世界上最高的咖啡产区在哪里？云南是中国最早种咖啡的地方之一。',
      '冬天最适合喝一杯热拿铁。杭州第一中学门口新开了一家书店。',
      '她 17 岁拿下全国青年锦标赛女子 500 米冠军，还打破了全国纪录。',
      '全国面积最大的湿地公园就在我们县城边上，冬天能看到候鸟。',
      '那盘棋是围棋史上最受争议的一局。',
      '这套书一共四本，其中第三本最厚。雨季最潮的时候，豆子要放进密封罐。',
      '这批纪念邮票由中国邮政集团公司独家发行。展会展示了市场上最受关注的几款电动车。',
      '```\n最佳 第一\n```\n\n代码里的字不算。',
      '他们还夺得了 1946 年的全国冠军以及两次世界冠军。难道他们世界第一的地位已经不保了吗？',
      '我必须向安迪道贺——成为世界冠军是一个了不起的成就，这位美国选手说道。',
      '蒸汽机指示器是最有用的分析蒸汽机性能的仪器。它在 1862 年的伦敦世博会上展出。',
      '绿党在墨尔本市中心实力最强。联邦政府把保护国家级自然遗产列为首要任务。',
      '人们对炸鸡永不满足的胃口，是投资者看好这家连锁店的原因。',
      '这是该国有史以来最严重的干旱，也是十年来最致命的一场山火。许多最受欢迎的开源项目都是由志愿者维护的。',
      '提交之前最好先读一遍贡献指南。最重要的是沟通。APM 产品只需要最小的配置，就能提前发现问题。',
      '最好的算法教材由麻省理工学院出版，中文版也有。',
      '南方湿冷的冬天，他最住不惯。这个村子地势低洼，雨季要注意排水。',
      '商务部长格雷格·克拉克表示，如果英国失去全球汽车制造业领导者的地位，将懊悔不已。这位三届世界冠军说他爱上了一个人。',
      '毕竟我是那些议员中最不受待见的一个。它源自心声，意味着它是你的唯一。七月份，酒吧的增长最为强劲。',
      // A public plan's aim, a sum reckoned at a price, a spirit.
      '依托现有机构，建设一批具有全球影响力的国家级医学中心。到 2030 年，建成国际一流的旅行健康服务体系。',
      '大麻是全球使用最广泛的非法精神活性物质，结核病曾是全球致死人数最多的传染病。',
      '按最低价计，一年的药费约一万元。充分尊重人民群众的首创精神。',
      // Epidemic reporting: an institution's name, 最 of 最新, a peak reached, a public body's own film.
      '伤者被送往当地的皇家维多利亚医院，随后转入医科大学第一附属医院。据估计，本轮流感将在一月下旬达到顶峰。',
      '世卫组织今天公布了全球最新疫情报告。该片由省卫生厅、省教育厅联合摄制，是目前全国唯一的防疫科教片。',
    ],
    invalid: [
      { markdown: '这是全城最香的一款手冲豆，本店烘焙。', findings: [{ line: 1, column: 5, message: '“最香”属于绝对化用语（最高级），此处描述本店或本品（据“本店”），依据《广告法》第九条第（三）项不得在广告中使用', suggestions: ['很香', '香气足'] }] },
      { markdown: '山野咖啡的拿铁，奶泡最绵密。', findings: [{ line: 1, column: 11, message: '“最绵密”属于绝对化用语（最高级），此处描述本店或本品（据“山野咖啡”）' }] },
      { markdown: '周末特惠，全年最低，下单立减 20 元。', findings: [{ line: 1, column: 8, message: '此处描述价格或优惠（据“特惠”）' }] },
      { markdown: '顶级咖啡豆限量到店。', findings: [{ line: 1, column: 1, message: '“顶级”属于绝对化用语（国家级/顶级），此处描述所售商品（食品）（据“咖啡”）' }] },
      { markdown: '全网销量第一，值得一试。', findings: [{ line: 1, column: 3, message: '“销量第一”属于绝对化用语（第一/唯一），此处主体不明（是商业宣传用语，但看不出说的是谁）（据“全网”）：若描述所推广的商品或服务' }] },
      { markdown: '最 佳 的口感，國家級品质，ＮＯ．１。', findings: [
          { line: 1, column: 1, message: '“最 佳”（即“最佳”）属于绝对化用语（最高级），此处描述所售商品（据“品质”）' },
          { line: 1, column: 9, message: '“國家級”（即“国家级”）' },
          { line: 1, column: 15, message: '“ＮＯ．１”（即“NO.1”）' },
        ] },
      // 隹 is drawn like 佳 (one corner and one component apart in the Unihan codes) and is never itself beside 最.
      { markdown: '本店的春茶是送礼的最隹之选。', findings: [{ line: 1, column: 10, message: '“最隹”（即“最佳”）属于绝对化用语（最高级）' }] },
      { markdown: '本店创立于 1926 年，是全城最好的茶庄。', findings: [{ line: 1, column: 17, message: '“最好”属于绝对化用语（最高级），此处描述本店或本品（据“本店”）' }] },
      { markdown: '本店七月的营业额增长最为强劲，是全城最好的茶庄。', findings: [{ line: 1, column: 11, message: '此处描述本店或本品（据“本店”）' }, { line: 1, column: 19, message: '此处描述本店或本品（据“本店”）' }] },
      { markdown: '本店引进了国际领先水平的设备，预约立减 100 元。', findings: [{ line: 1, column: 6, message: '“国际领先”属于绝对化用语（第一/唯一），此处描述本店或本品（据“本店”）' }] },
      { markdown: '这款保温杯永不褪色，本市有售。', findings: [{ line: 1, column: 6, message: '“永不”属于绝对化用语（绝对/承诺），此处描述所推广的商品（据“这款”）' }] },
      // The seller's own name for itself keeps 皇家 a claim, a body's name or not.
      { markdown: '本院是皇家认证的呼吸专科医院。', findings: [{ line: 1, column: 4, message: '“皇家”属于绝对化用语（国家级/顶级），此处描述本店或本品（据“本院”）' }] },
      { markdown: '---\ntitle: 史上最好喝的红茶\nstatus: draft\n---\n\n正文。\n', findings: [{ line: 2, column: 8, message: '“史上最”属于绝对化用语（最高级），此处描述所售商品（茶叶）（据“红茶”）' }] },
    ],
  },
});
