import { defineRule } from '../../define-rule.ts';
import { blockSpan } from '../../prose.ts';
import { tellsLongPast } from '../era.ts';
import { sentencesOf } from '../plain-text.ts';
import { sourcedBlocks } from './source-run.ts';
import { findClaims } from './statistic-claims.ts';

const basis = '《广告法》第十一条第二款：使用数据、统计资料、调查结果、引用语等引证内容，应当真实、准确，并表明出处';

export default defineRule({
  id: 'facts/unsourced-statistics',
  basis: '《广告法》第十一条第二款（引证内容应真实、准确并表明出处）；编辑部事实核查要求。Advertising Law art. 11(2) on cited data; the desk\'s fact-checking rule.',
  severity: 'warning',
  description:
    '关于人群、市场或世界的统计数据与研究结论（百分比、几成、几分之几、翻倍、每十人中有七人、调查显示）要注明出处：同一段写明机构和报告或时间、说这话的具名人士或报道它的媒体，或在 frontmatter 的 sources 列出至少两个来源。规格、配方、进度、折扣、法定费率、行情、物体的尺寸比例、编号与年代和作者自己的数字不算。Statistics about the world need a source.',
  examples: {
    valid: [
      '冬天喝茶，暖和。',
      '这款红茶的含水量控制在 6% 以下，冲泡时投茶 5 克、水 150 毫升。',
      '油温六成热时下锅，炸到七成熟捞出。',
      '据中国茶叶流通协会 2024 年发布的报告，全国茶园面积约 5000 万亩。',
      '网上流传的“八成茶叶农残超标”没有任何依据。',
      '我今年的体重减了 5%，他的工资是我的两倍。',
      '用 Go 重写之后，代码量少了三倍，启动时间缩短了一半。这套架构是为每天处理数百万请求的服务设计的。',
      '据新华网报道，全省已有近七成的乡镇开通了快递站。',
      '据国家统计局 2025 年 1 月发布的公报，全国粮食产量再创新高。其中，大豆增产近一成。',
      '市交通局局长王海涛表示，地铁日均客流已经超过 300 万人次。',
      '截至收盘，上证指数报收 3120 点，涨幅 0.8%。该公司股价周五下跌 3.2%，创下两年来的最大单日跌幅。',
      '新版本的性能提升了 50%，功耗降低了 20%。',
      '这座雕像高 12 米，是普通人身高的 7 倍；它的底座占广场面积的一半以上。',
      '全国各地的观众万分期待，成千上万的人守在电视机前。这支 60119 部队的营地距今已有 1 亿年的岩层。',
      '这名副局长因涉嫌受贿被调查。根据不同的考古研究，这段城墙可能建于唐代。',
      '缓存达到上限时，最久没有被访问的实例将被销毁。',
      '哈佛大学公共卫生学院的一项研究发现，每天喝三杯咖啡的人患 2 型糖尿病的风险低 20%。',
      '苹果公司周二公布了第三季度财报。该公司表示，服务业务的营收增长了 12%。',
      '国家统计局 7 月 15 日公布，二季度国内生产总值同比增长 7.5%。\n\n其中，6 月份出口比去年同期下降 3.1%。',
      '美国劳工部周五公布了 11 月的就业报告。\n\n非农就业人数增加了 26.3 万。\n\n失业率下降了 0.2%。\n\n时薪比去年同期增长 3.1%。',
      '皮尤研究中心周二发布了一份关于新闻消费的报告。\n\n受访者多为城市居民。\n\n他们大多在手机上看新闻。\n\n调查在去年秋天进行。\n\n报告还显示，近一半的美国成年人不信任媒体。',
      '这支球队上赛季的胜率只有 35%，本赛季已经赢下了前五场比赛。',
      '伊朗官员称，该国的石油出口下降了一半。当地卫生官员说，感染人数比上周增加了一倍。消防部门称，大火烧毁了超过一半的房屋。',
      '法院文件显示，该公司的收入在三年内增长了 40%。',
      '英国财政大臣周三在议会发言。\n\n“今年的失业率下降了 0.5%。\n\n这是十年来最好的成绩，”他说。',
      '英国财政大臣约翰·史密斯周二在议会发言。他说，今年前三个季度的失业率下降了 0.5%。',
      '“出口比去年同期下降了 3.1%，”商务部发言人高峰说。',
      '苹果公司周二公布了财报。“服务业务的营收增长了 12%，”该公司首席执行官说。',
      '专家称这是数十年来最严重的金融危机。',
      '1348 年至 1350 年间的黑死病，夺去了挪威六成以上人口的生命。',
      '瘟疫在 1500 年至 1850 年间反复爆发。严重的时候，三分之二的人口因瘟疫消失。',
      '黑豹队的三名首发线卫中有两人入选了职业碗。',
      '发言人没有排除其他人也可能被调查的可能性。较低的人均收入被认为是动乱的起因之一。',
      '基因研究表明，马达加斯加人的祖先有一部分来自东南亚的岛屿。这条地铁线路每年运送超过 2000 万名乘客。',
      '这座换乘站平时客流量就大，节假日期间会翻倍。车站的客流量比去年增长了 20%。',
      '自 2014 年以来，该频道黄金时段的收视率翻了一番。\n\n根据尼尔森公布的数据，该台黄金时段的平均观众人数为 240 万。',
      '调查显示，五分之一的中学生有两个社交账号。\n\n有的孩子只有 11 岁。\n\n家长们很担心。\n\n英国数字意识公司的调查显示，这类账号多在初中开设。',
      '我只顾得上 80% 的用户。如果你是那 20% 中的一个，那就 fork 吧。\n\n— @geerlingguy，《为何我关闭了 PR》',
      '只有 10% 的人说他们和孩子谈过这件事。\n\n美国全国人寿保险公司的副总裁霍莉·斯奈德（Holly Snyder）说：“人们不愿意谈钱。”',
      '今年七月，酒吧和餐馆的总销售额增长 2.7%。\n\n行业监察机构 Coffer Peach Tracker 收集并分析了 47 个经营部门的业绩数据，总营业额超过 90 亿英镑。',
      'NTS 负责管理全国 270 多座历史建筑、38 个重要园林和 7.6 万公顷土地。',
      '新关税实际上是对所有从中国出口到美国的商品征收了一半的关税。',
      '根据 YouGov 在 2013 年的民意调查，75% 的英国成年人无法用外语交谈。世界排名第一的球员以 2 比 1 输掉了比赛。',
      // A plan's targets, a targets table, a definition; a study given with its test statistics; a guideline by its publisher.
      '到2030年，全国人均每日食盐摄入量降低20%，总体癌症5年生存率提高15%。力争实现道路交通万车死亡率下降30%。',
      '指标：过早死亡率 2020年：比2015年降低10%',
      // What a study found, read after its verb: no people, no health in it; a genome's sequence compared.
      '一些对两种长效针剂的研究显示，吸收可能并无差异。目前研究显示，该毒株与蝙蝠冠状病毒的基因序列同源性达 85% 以上。',
      // The document's own title heading it, the text's own table, research weighed against the other side.
      '某省全民健康规划纲要\n\n2020年全省人均预期寿命已达78岁，婴儿死亡率降到5‰以下。',
      '我们从上表可以得知，单用时激素水平最多下降六成；两药合用时可减少 90%。',
      '一方面，有研究显示加用某药可提高睡眠评分；另一方面，也有研究认为效果不明显。',
      '（一）主要健康指标，是指人均预期寿命、孕产妇死亡率、五岁以下儿童死亡率等。',
      '观察性研究显示，使用甲药的患者肝损伤发生率高于使用乙药的患者（12.1% 比 7.4%，p=0.02）。',
      '某学会最新发布的《成人高血压诊疗指南》亦建议，多项研究发现每天 5 克以下的食盐摄入可降低血压。',
      // A number to dial after the line that answers it.
      '心理危机干预热线：各地 12320 或当地的心理援助热线。',
      // A study reporting its own results: whom it took and how, its arms compared, a named body's analysis of the cases.
      '研究者随访了 3000 名参与者，发现每周运动三次以上的人患病风险降低了 30%。',
      '共有 138 名住院患者被纳入研究，与入院时相比，出院时淋巴细胞计数平均增加了 40%。',
      '参与者按 1:1 随机分配接受疫苗或安慰剂，疫苗组的感染风险降低了 95%。与对照组相比，治疗组的住院时间缩短了三成。',
      '根据中国疾控中心对 44672 例确诊病例的分析，八成病例为轻症。',
      // A review counting the studies it took; a paper's authors speaking of their own model with its interval.
      '本荟萃分析纳入了 17 项研究，佩戴口罩可使感染风险降低约 80%。',
      '研究者对 452 名一线医护人员进行了问卷调查，近三成出现失眠症状。',
      '我们的模型估计，在没有干预措施的情况下，约 60% 的人口将被感染（95% CI 52–68）。',
      '---\ntitle: 存茶\nstatus: draft\nsources:\n  - {title: 国家标准, url: https://a.example}\n  - {title: 行业报告, url: https://b.example}\n---\n\n数据显示，湿度超过 60% 茶叶易受潮。\n',
    ],
    invalid: [
      { markdown: '数据显示，近七成茶友习惯用盖碗。', findings: [{ line: 1, column: 1, message: '“数据显示”“近七成”是调查或研究结论、成数比例，没有注明出处' }] },
      { markdown: '每十位来喝茶的客人里，就有三位会续杯。', findings: [{ line: 1, column: 1, message: '每 N 个中有 M 个' }] },
      { markdown: '过去五年，城市里的独立茶馆数量翻了一番。', findings: [{ line: 1, column: 16, message: '“翻了一番”是倍数变化' }] },
      { markdown: '国内程序员的平均代码量三年增长了三倍。', findings: [{ line: 1, column: 14, message: '“增长了三倍”是倍数变化' }] },
      { markdown: '一项针对两千名家长的调查发现，六成家长为孩子报了课外班。', findings: [{ line: 1, column: 11, message: '“调查发现”“六成”是调查或研究结论、成数比例' }] },
      { markdown: '该公司表示，第三季度营收增长了 12%。', findings: [{ line: 1, column: 17, message: '“12%”是变化幅度' }] },
      { markdown: '三分之一的上班族每天至少喝一杯茶。', findings: [{ line: 1, column: 1, message: '“三分之一”是分数比例' }] },
      { markdown: '美国劳工部周五公布了 11 月的就业报告。\n\n天气转冷。\n\n街上的人少了。\n\n商场里也很安静。\n\n失业率下降了 0.2%。', findings: [{ line: 9, column: 8, message: '“0.2%”是变化幅度' }] },
      { markdown: '## 国家统计局公布二季度数据\n\n出口比去年同期下降 3.1%。', findings: [{ line: 3, column: 11, message: '“3.1%”是变化幅度' }] },
      { markdown: '相关官员称，该国的石油出口下降了一半。', findings: [{ line: 1, column: 14, message: '“下降了一半”是半数比例' }] },
      { markdown: '他说，今年前三个季度的失业率下降了 0.5%。', findings: [{ line: 1, column: 19, message: '“0.5%”是变化幅度' }] },
      { markdown: '清朝时这里是驿站。如今，全镇九成居民以种茶为生。', findings: [{ line: 1, column: 15, message: '“九成”是成数比例' }] },
      { markdown: '2019 年，近七成的受访家长为孩子报了课外班。', findings: [{ line: 1, column: 8, message: '“近七成”“受访”是成数比例、调查或研究结论' }] },
      { markdown: '“今年的失业率下降了 0.5%。\n\n这是十年来最好的成绩，”他说。', findings: [{ line: 1, column: 12, message: '“0.5%”是变化幅度' }] },
      { markdown: '根据这项研究，每天步行 30 分钟可以将死亡风险降低 20%。', findings: [{ line: 1, column: 1, message: '是调查或研究结论、变化幅度' }] },
      { markdown: '在被调查的一百家奶茶店中，有三十二家的糖分超标。', findings: [{ line: 1, column: 2, message: '是调查或研究结论' }] },
      { markdown: '全国每年拨打急救电话超过 5000 万次。', findings: [{ line: 1, column: 3, message: '“每年拨打急救电话超过 5000 万”是总量' }] },
      { markdown: '全国每年有超过 3000 万人次乘坐高铁出行。', findings: [{ line: 1, column: 3, message: '“每年有超过 3000 万”是总量' }] },
      { markdown: '全国铁路的客流量比去年增长了 20%。', findings: [{ line: 1, column: 16, message: '“20%”是变化幅度' }] },
      { markdown: '研究表明，移居城市的年轻人更愿意喝茶。', findings: [{ line: 1, column: 1, message: '“研究表明”是调查或研究结论' }] },
      { markdown: '调查显示，近七成茶友习惯用盖碗。\n\n根据权威机构公布的数据，盖碗的销量逐年上升。', findings: [{ line: 1, column: 1, message: '“调查显示”“近七成”是调查或研究结论、成数比例' }] },
      { markdown: '截至2024年，全国糖尿病患者已超过1.4亿。', findings: [{ line: 1, column: 17, message: '“超过1.4亿”是总量' }] },
      { markdown: '到2030年，我国糖尿病患者预计将达到 1.5 亿。', findings: [{ line: 1, column: 18, message: '“达到 1.5 亿”是总量' }] },
      { markdown: '研究表明，在医生指导下进行激素治疗是安全的。', findings: [{ line: 1, column: 1, message: '“研究表明”是调查或研究结论' }] },
      { markdown: '如上图所示，我们的老客户复购率高达 92%。', findings: [{ line: 1, column: 13, message: '“复购率高达 92%”是比率' }] },
      { markdown: '2025 年度活动方案\n\n全国九成茶友喜欢盖碗。', findings: [{ line: 3, column: 3, message: '“九成”是成数比例' }] },
      { markdown: '研究显示，加用这类草本提取物可改善失眠患者的睡眠质量。', findings: [{ line: 1, column: 1, message: '“研究显示”是调查或研究结论' }] },
      { markdown: '我们的老客户复购率高达 92%。', findings: [{ line: 1, column: 7, message: '“复购率高达 92%”是比率' }] },
      { markdown: '一项纳入 2000 名成年人的研究发现，每天喝绿茶的人患病风险降低了 30%。', findings: [{ line: 1, column: 16, message: '“研究发现”“30%”是调查或研究结论' }] },
      { markdown: '随机对照试验显示，本品组的改善率是对照组的 3 倍。', findings: [{ line: 1, column: 5, message: '“试验显示”' }] },
      { markdown: '我们的研究表明，每天喝两杯本店的茶可使血压降低 20%（p<0.05）。', findings: [{ line: 1, column: 4, message: '“研究表明”“20%”是调查或研究结论' }] },
      { markdown: '我们对 500 名顾客进行了调查，九成顾客认为这款茶更耐泡。', findings: [{ line: 1, column: 18, message: '“九成”是成数比例' }] },
      { markdown: '本研究纳入了 200 位老客户，其中九成的睡眠质量明显改善。', findings: [{ line: 1, column: 19, message: '“九成”是成数比例' }] },
      {
        markdown: '---\ntitle: 存茶\nstatus: draft\nsources:\n  - {title: 一个来源}\n---\n\n销量增长 3 倍。\n',
        findings: [{ line: 8, column: 3, message: '“增长 3 倍”是倍数变化，没有注明出处（读作关于人群、市场或世界的统计' }],
      },
    ],
  },
  check(context) {
    const sources = Array.isArray(context.doc.data.sources) ? context.doc.data.sources.length : 0;
    if (sources >= 2) return;
    const blocks = [...context.meta.filter((b) => b.kind !== 'author'), ...context.blocks];
    // A figure of the long past (黑死病使挪威六成人口死亡) is history, not data an advertisement cites.
    const found = blocks.map((block) =>
      sentencesOf(block).flatMap((sentence) => {
        const claims = findClaims(sentence.text);
        return claims.length && !tellsLongPast(sentence.text, block.text) ? [{ sentence, claims }] : [];
      }),
    );
    if (!found.some((f) => f.length)) return;
    // Whether a paragraph's figures have a source is read over the run of paragraphs (source-run.ts).
    const sourced = sourcedBlocks(blocks, found.map((f) => f.length > 0));
    for (const [i, block] of blocks.entries()) {
      if (sourced[i]) continue;
      for (const { sentence, claims } of found[i]!) {
        const first = claims[0]!;
        const words = claims.map((c) => `“${block.text.slice(sentence.start + c.start, sentence.start + c.end)}”`).join('');
        const kinds = [...new Set(claims.map((c) => c.kind))].join('、');
        context.report({
          span: blockSpan(block, sentence.start + first.start, sentence.start + first.end),
          message:
            `${words}是${kinds}，没有注明出处（读作关于人群、市场或世界的统计，不是规格、配方、进度或作者自己的数字）。` +
            `${basis}。请在同一段写明发布机构和报告或发布时间（或说这话的具名人士、报道它的媒体），或在 frontmatter 的 sources 里列出至少两个独立来源（现有 ${sources} 个）。`,
        });
      }
    }
  },
});
