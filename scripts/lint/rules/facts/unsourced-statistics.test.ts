import { describe, expect, it } from 'vitest';
import { caughtAndQuiet, lintLines } from '../lint-lines.ts';
import rule from './unsourced-statistics.ts';

// Lines written for these tests (not the eval corpus): statistics a reviewer would ask a source for, and numbers that are not.
const statistics = [
  '超过四成的大学生每月网购支出在五百元以上。',
  '据调查，每五个上班族里就有两个患有颈椎病。',
  '全国每年浪费的粮食超过三千万吨。',
  '近六成受访的茶馆老板表示客流减少。',
  '电动车销量三年翻了两番。',
  '城市家庭平均每年在外就餐支出超过一万元。',
  '研究人员发现，午睡半小时可以提高下午的工作效率。',
  '一半以上的老年人不会使用手机支付。',
  '今年的结婚登记人数比去年下降了两成。',
  '每天喝三杯咖啡的人，患心脏病的风险低 15%。',
  '四分之三的受访者认为外卖包装过度。',
  '独居老人的数量十年间增加了一倍。',
  '85% 的家长担心孩子沉迷手机。',
  '这个App的用户突破 5000 万。',
  '过去一年，本地二手房均价下跌了 8%。',
  '万分之三的概率会出现过敏反应。',
  '抽样调查发现，近三分之一的学生每天睡不够八小时。',
  '这类疾病的发病率在十年里上升了 40%。',
  '离婚率连续五年上升。',
  '通过率在全省同类机构中名列前茅。',
  '这款面膜 7 天后细纹减少 28%。',
  '本品的有效率达 ９７％。',
];

const notStatistics = [
  '这瓶黄酒的酒精度是 14%。',
  '面粉和水按 2 比 1 混合，盐放 2%。',
  '安装进度已经到了 75%，电池健康度还有 85%。',
  '会员日全场八五折，个人所得税的最高税率是 45%。',
  '我这个月的开支比上个月多了一倍。',
  '她比我高一个头，力气是我的两倍。',
  '油温七成热时下入鸡块，牛排煎到五成熟最嫩。',
  '汤汁收到一半时关火，再把三分之一的糖加入蛋白中打发。',
  '面团发酵到原来的两倍大就可以了。',
  '九成新的二手相机，三五成群的游客，他八成是忘了带钥匙。',
  '首付两成，月供三千；二手房中介费为成交价的 2%。',
  '这部手机的屏幕占比达到 90%。',
  '这家店人均 60 元，环境不错。',
  '这套房子三年升值 30%，现在入手正当时。',
  '经过十几次测试，成功率 100%。',
  '网传“九成蜂蜜是假的”纯属谣言。',
  '数据显示屏上跳出了错误代码。',
  '这个城市的人口约为 1200 万，面积约 1.6 万平方公里。',
  '全国的戏迷万分期待这场演出，成千上万的人在排队。',
  '这颗彗星的亮度比上个月增加了 20%。',
  '这支 83021 部队驻扎在中国西南。中国境内最古老的岩石距今约 38 亿年。',
  '剧中的浅野三成等人都换了演员。',
  '涉嫌受贿的两名处长正在接受调查，调查内容涉及工程招标。',
  '截至收盘，深证成指报收 9800 点，涨幅 1.2%。',
  '这头鲸的尾鳍占身体长度的一半以上；那块陨石高 3 米，是一般石块的 40 倍。',
  '根据不同的化石研究，这种鸟可能起源于亚洲，也可能起源于北美。',
  '经测试显示，备用服务器已经恢复访问。',
  '今年一季度全省共报告发现手足口病 120 例。',
];

const sourced = [
  '据国家统计局 2024 年发布的数据，全国居民人均可支配收入 41314 元。',
  '据《中国统计年鉴 2024》，我国城镇化率为 66.2%。',
  '中国互联网络信息中心第 55 次报告显示，六成以上网民使用短视频购物。',
  // Attribution as news gives it: a named speaker, a named outlet, an official side, in the same paragraph.
  '经济学家林晓峰说，城镇家庭的储蓄率近两年上升了一成。',
  '据新华社报道，全国已有超过一半的地级市开通了 5G 网络。',
  '浙江省气象台首席预报员告诉记者，今年入冬以来全省降水比常年偏少四成。',
  '涉事企业的发言人表示，八成的退货是因为尺码不合适。',
  '据大陆方面统计，去年两岸贸易额增长了一成。当地警方称，近三成的报案与电信诈骗有关。',
  '教育部在 2025 年 6 月的发布会上公布了今年的报名人数。全国近一半的考生选考了物理。',
];

describe('facts/unsourced-statistics', () => {
  it('finds statistics written in numerals, words, fractions, multiples and survey phrasing', async () => {
    const { missed } = await caughtAndQuiet(rule, statistics);
    expect(missed).toEqual([]);
  });

  it('stays quiet on specs, recipes, progress, discounts, contract rates, offers and the writer’s own numbers', async () => {
    const { flagged } = await caughtAndQuiet(rule, notStatistics);
    expect(flagged).toEqual([]);
  });

  it('takes a statistic whose institution and report or date are named in the sentence as sourced, not “据权威机构统计”', async () => {
    expect((await caughtAndQuiet(rule, sourced)).flagged).toEqual([]);
    const [generic] = await lintLines(rule, ['据权威机构统计，八成茶友偏爱乌龙。']);
    expect(generic!.map((f) => f.message)).toEqual([expect.stringContaining('“据权威机构统计”“八成”是调查或研究结论、成数比例')]);
  });

  it('does not take the crowd, a bare role or the sample itself for a source', async () => {
    const lines = [
      '一位营养师说，七成的成年人缺钙。',
      '有七成的受访家长表示孩子近视了。',
      '老板说，八成的顾客是回头客。',
      '据海外媒体报道，超过半数的官员有亲属在国外。',
      '这也说明，超过一半的年轻人没有存款。',
      '有机构预计，明年的外卖用户将增加三成。',
      '这种做法被称为“懒人理财”，近四成的上班族都在用。',
    ];
    expect((await caughtAndQuiet(rule, lines)).missed).toEqual([]);
  });

  it('says where the source may go: the paragraph, a named speaker or outlet, or frontmatter sources', async () => {
    const [found] = await lintLines(rule, ['调查显示，近半数年轻人每天熬夜。']);
    expect(found![0]!.message).toContain('请在同一段写明发布机构和报告或发布时间（或说这话的具名人士、报道它的媒体）');
  });

  it('reads the title too, and names the basis', async () => {
    const [title] = await lintLines(rule, ['99% 的人都不知道的泡茶误区'], 'title');
    expect(title).toHaveLength(1);
    expect(title![0]!.message).toContain('《广告法》第十一条第二款');
  });
});
