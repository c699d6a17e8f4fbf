import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../content/index.ts';
import { article, makeRepo } from '../../../testing/fixture-repo.ts';
import { Dictionary } from '../../dictionary.ts';
import { lintContent } from '../../index.ts';
import type { TextBlock } from '../../prose.ts';
import { readWordFile } from '../../word-file.ts';
import { readingsIn } from './absolute-terms.ts';
import { accountProfile } from './industry-goods.ts';

const listPath = fileURLToPath(new URL('../../dictionaries/ad-law-absolute.yaml', import.meta.url));
const dictionary = new Dictionary([(await readWordFile(listPath, 'scripts/lint/dictionaries/ad-law-absolute.yaml', '内置')).list]);
const everything = accountProfile({ name: '青禾茶事', products: ['白毫银针礼盒'], industry: ['tea', 'food', 'cosmetics', 'education', 'real-estate', 'finance', 'medical', 'health-food', 'ecommerce'] });

function readings(text: string, profile = everything) {
  const block: TextBlock = { kind: 'paragraph', text, offsets: [...text].map((_, i) => i) };
  return readingsIn(dictionary, block, profile).map(({ found, reading }) => ({ words: text.slice(found.from, found.to), kind: reading?.kind ?? 'info', label: reading?.label }));
}

// Written for these tests, not taken from the corpus: the next lines of the same kinds.
const sold = [
  '本店的桂花乌龙是杭州最香的一款。',
  '我们家的芒果干，果肉最厚实。',
  '这款洗发水是去屑效果最强的。',
  '本机构的少儿编程课，全省最专业。',
  '全城最低价的二手房源，欢迎来看。',
  '这款基金是同类产品里收益最稳的。',
  '我们医院的口腔科是本市第一家引进数字化种植系统的。',
  '青禾茶事的白毫银针，品质顶级。',
  '本平台的借款利率是行业最低的。',
  '史上最划算的年货礼盒，今天下单立减五十。',
  '本民宿是古镇里最舒服的一家。',
  '这款按摩仪是缓解肩颈酸痛最好的选择。',
  '年度最强护肤单品，熬夜党必备。',
  '我们的牛肉酱用料最实在，别家比不了。',
  '王牌产品，销量遥遥领先。',
  '冠军级口感的精品咖啡豆，限时特惠。',
  '这套课程是考研英语里最系统的，没有之一。',
  '本楼盘是新城唯一的江景住宅。',
  '全网首发：我们的新款保温杯。',
  '本店的桂花糕是全市最早的那一批，冠军级的口感，下单立减十元。',
  '我们是全省唯一拿到这项认证的茶园。',
  '这是史上最清爽的防晒喷雾。',
];

const ordinaryLines = [
  '这座桥是全省最长的跨江大桥之一。',
  '泡绿茶时水温最好控制在 80 度左右。',
  '她是村里第一个考上大学的女孩。',
  '最大承重 200 公斤，最小尺寸 40 厘米。',
  '这不是最贵的茶，但我们喝着很舒服。',
  '爷爷说，那年的雪是他见过最大的。',
  '绿茶最佳饮用期是采摘后三个月内。',
  '他这辈子最骄傲的事，是把三个孩子养大。',
  '世界上最深的海沟在太平洋。',
  '影评人普遍认为这是导演最好的作品。',
  '这家博物馆收藏了国内最早的一批瓷器。',
  '没有万能的减肥方法，也没有唯一的答案。',
  '最低气温零下五度，出门记得戴手套。',
  '跑步最好选在早晨或傍晚。',
  '这是我们第一次在茶空间办读书会。',
  '杭州第一人民医院在西湖边。',
  '“最好的时光”是一部电影的名字。',
  '他在马拉松比赛中跑了第一名。',
  '这家面馆的牛肉面是我吃过最好吃的。',
  '冬天最适合喝熟普，最佳冲泡水温是 100 ℃。',
  '这座城市的第一家电影院建于 1920 年。',
  '武夷岩茶制作技艺是国家级非物质文化遗产代表性项目。',
  '他在市运会上包揽了三枚金牌，还拿了全能冠军。',
  '这是俱乐部联赛史上的最佳成绩，替补上场的小将拿下全队最高的 21 分。',
  '世界上最长的跨海大桥在哪里？全国第一座民营的植物园就在这个镇上。',
  '全球唯一以算盘为主题的博物馆，建在老城的一条巷子里。',
  '古镇是本省保存最完整的地方，也是国家级的重要湿地。',
  '这部纪录片拍的是摄影史上最昂贵的一次拍卖。',
  '菜单上有五道甜点，其中杏仁豆腐最软。',
  '厂子最盛时期有上千名工人，如今只剩一间陈列室。',
  '这次巡展由省博物馆独家承办，展会展示了市面上最新潮的几款茶具。',
  '这枚徽章有绝对的收藏价值。',
];

describe('ad-law/absolute-terms readings', () => {
  it.each(sold)('reports a term that describes what is sold: %s', (line) => {
    const found = readings(line);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((r) => r.kind === 'advertised')).toBe(true);
  });

  it.each(ordinaryLines)('stays quiet on ordinary language: %s', (line) => {
    expect(readings(line).filter((r) => r.kind !== 'ordinary')).toEqual([]);
  });

  it('names the reading it took', () => {
    expect(readings('绿茶最佳保存方式是密封避光，水温最好控制在 85 ℃。').map((r) => r.label)).toEqual(['消费提示（最佳方法、时间、温度等）', '副词“最好”（表示建议）']);
    expect(readings('这不是最便宜的茶。')[0]).toMatchObject({ kind: 'ordinary', label: '否定' });
    expect(readings('中国第一台国产 CT 机诞生于上世纪八十年代。')[0]).toMatchObject({ kind: 'ordinary', label: '历史或先后顺序' });
    expect(readings('白毫银针礼盒，全城最香。')[0]).toMatchObject({ kind: 'advertised', label: '描述本店或本品' });
  });

  it('names the new readings: contests, a field’s history, places, comparisons inside a set, periods, named parties', () => {
    expect(readings('他在全运会上拿了男子百米冠军。')[0]).toMatchObject({ kind: 'ordinary', label: expect.stringContaining('比赛或评选') });
    expect(readings('那是马拉松史上最艰难的一届。')[0]).toMatchObject({ kind: 'ordinary', label: expect.stringContaining('某一领域历史') });
    expect(readings('世界上最深的湖在西伯利亚。')[0]).toMatchObject({ kind: 'ordinary', label: '描述某个地方或事物（“湖”），不是所售商品' });
    expect(readings('三款点心里，其中绿豆糕最软。')[0]).toMatchObject({ kind: 'ordinary', label: expect.stringContaining('其中') });
    expect(readings('一天里最热的时候别去爬山。')[0]).toMatchObject({ kind: 'ordinary', label: expect.stringContaining('时期') });
    expect(readings('由某某出版集团独家出版。')[0]).toMatchObject({ kind: 'ordinary', label: expect.stringContaining('具名的他方') });
  });

  it('names the readings for news: the long past, attributed speech, third persons, titles won, events, dispositions', () => {
    expect(readings('蒸汽机指示器是最有用的仪器。它在 1862 年的伦敦世博会上展出。')[0]).toMatchObject({ kind: 'ordinary', label: expect.stringContaining('过去年代') });
    expect(readings('成为世界冠军是了不起的成就，这位美国人说道。')[0]).toMatchObject({ kind: 'ordinary', label: '引述他人的看法' });
    expect(readings('难道他们世界第一的地位不保了吗？')[0]).toMatchObject({ kind: 'ordinary', label: '说的是他人（他们）' });
    expect(readings('他们还夺得了 1956 年的全国冠军。')[0]).toMatchObject({ kind: 'ordinary', label: expect.stringContaining('比赛或评选') });
    expect(readings('这是该国有史以来最严重的干旱。')[0]).toMatchObject({ kind: 'ordinary', label: expect.stringContaining('干旱') });
    expect(readings('人们对炸鸡永不满足的胃口。')[0]).toMatchObject({ kind: 'ordinary', label: expect.stringContaining('态度') });
    // 基金会 is a foundation, not a fund: 国家级 on it is not graded finance goods.
    expect(readings('国家级的开源基金会正在筹建。')[0]?.label).not.toContain('金融');
    // The seller's own history stays its claim.
    expect(readings('本店创立于 1926 年，是全城最好的茶庄。')[0]).toMatchObject({ kind: 'advertised' });
  });

  it('keeps the seller’s own contests and places as warnings, and market-wide or sales superlatives as claims', () => {
    expect(readings('本店的桂花乌龙拿过斗茶赛冠军。')[0]).toMatchObject({ kind: 'unclear', label: expect.stringContaining('比赛或评选') });
    expect(readings('全网最便宜的茶城就在这里。')[0]?.kind).not.toBe('ordinary');
    expect(readings('全国最大的景区门票，限时抢购。')[0]?.kind).not.toBe('ordinary');
  });

  it('reads the seller history and "one of the most" as warnings, not errors', () => {
    expect(readings('本店创立于 1998 年，是本市第一家茶庄。')[0]).toMatchObject({ kind: 'unclear', label: expect.stringContaining('描述本店历史') });
    expect(readings('我们是城里最早做冷泡茶的茶铺之一。').filter((r) => r.kind !== 'ordinary')).toEqual([]);
    expect(readings('本店是城里最好的茶铺之一。')[0]).toMatchObject({ kind: 'unclear', label: expect.stringContaining('之一') });
  });

  it('uses the industries the account declares: other goods are unclear, not errors', () => {
    const tea = accountProfile({ name: '青禾茶事', industry: ['tea'] });
    expect(readings('顶级大红袍，只给懂茶的你。', tea)[0]).toMatchObject({ kind: 'advertised', label: '描述所售商品（茶叶）' });
    expect(readings('顶级面霜，奢华享受。', tea)[0]).toMatchObject({ kind: 'unclear', label: expect.stringContaining('本账号未声明这一行业') });
    expect(readings('顶级面霜，奢华享受。', accountProfile({ name: '某号' }))[0]).toMatchObject({ kind: 'advertised' });
  });

  it('leaves fake urgency as a reminder to check, not an absolute term', () => {
    expect(readings('库存告急，手慢无。').map((r) => r.kind)).toEqual(['info', 'info']);
  });
});

describe('ad-law/absolute-terms in an account', () => {
  const account = 'name: 青禾茶事\nindustry: [tea, food]\nproducts: [青禾白茶]\nreview:\n  levels:\n    - name: 编辑\n      approvers: [lin-yi]\n';

  it('errs on the account products, warns when the subject is unclear, and is quiet on ordinary prose', async () => {
    const body = ['青禾白茶，香气最足。', '', '史上销量第一，值得一试。', '', '那是他状态最好的一年，冲泡时最好用沸水。'].join('\n');
    const root = await makeRepo({ 'content/qinghe/account.yaml': account, 'content/qinghe/articles/2026/a/index.md': article('title: 冬日\nstatus: draft', body) });
    const { findings } = await lintContent(await loadContent(root));
    const hits = findings.filter((f) => f.ruleId === 'ad-law/absolute-terms');
    expect(hits.map((f) => [f.line - 5, f.column, f.severity])).toEqual([
      [1, 8, 'error'],
      [3, 3, 'warning'],
    ]);
    expect(hits[0]!.message).toContain('此处描述本店或本品（据“青禾白茶”）');
    expect(hits[1]!.message).toContain('此处主体不明');
  });
});
