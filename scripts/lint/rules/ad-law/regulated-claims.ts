import { defineRule, findInBlock, normalizedBlock } from '../../define-rule.ts';
import { originalRange } from '../../normalize.ts';
import { blockSpan, type TextBlock } from '../../prose.ts';
import { accountFacts, findClaims, type Claim } from './claims/index.ts';
import { quotesOf } from './claims/quotes.ts';

/** Where a claim found in normalised text stands in the block (and so in the file). */
function place(block: TextBlock, claim: Claim) {
  const [from, to] = originalRange(normalizedBlock(block), block.text, claim.start, claim.end);
  return { text: block.text.slice(from, to), span: blockSpan(block, from, to) };
}

export default defineRule({
  id: 'ad-law/regulated-claims',
  basis: '《广告法》第九条第（一）（二）（八）项、第十条、第十六至十八条、第二十四至二十六条、第四十条；《食品安全法》第七十三条；《化妆品监督管理条例》；《医疗广告管理办法》第七条；《互联网广告管理办法》第五、六条。Advertising Law arts. 9, 10, 16–18, 24–26, 40; Food Safety Law art. 73; cosmetics and medical advertising regulations.',
  severity: 'error',
  description:
    '受限宣传：按账号行业查医疗与药品、保健食品、普通食品与茶、化妆品、教育培训、投资理财、房地产的功效与承诺，以及国家象征和机关名义、迷信、未成年人、烟草与处方药、医美容貌焦虑。' +
    'Regulated claims by industry (Advertising Law art. 9(1)(2)(8), 10, 16–18, 24–26, 38–40; 医疗广告管理办法 art. 7; 食品安全法 art. 73; 化妆品监督管理条例; 互联网广告管理办法 art. 5–6).',
  examples: {
    valid: [
      '红茶汤色红亮，甜香明显，冬天喝起来很舒服。',
      '茶是日常饮品，不能代替药物，身体不适请及时就医。',
      '---\ntitle: 怎么读懂保健食品标签\nstatus: draft\n---\n\n本品经注册的保健功能为：有助于维持血脂健康水平。\n',
      '本产品为非保本浮动收益型，过往业绩不代表未来表现。',
      '项目距地铁 3 号线站点约 900 米。',
      '每年春节，村里都会举行开光仪式，据说能保佑一年平安。新建的转运站就在村口。',
      '科学家正在小鼠身上试验一种新疗法，有望帮助研发新的抗病毒药物。',
      '两国政府将携手合作，这座庙也被列为国家指定的二级古迹。',
      '方法事件处理器会自动接收原生 DOM 事件；组件自己的加载、报错、延时和超时等选项都将被忽略。',
      '在下列场景中，这都是官方推荐的项目组织方式。',
      '中世纪的药典描述了各种各样的药物和治疗小病小痛的方法。',
      '2011 年，她担任一家法国香水品牌的代言人。奥斯曼人想要阻碍谷物被进一步转运。',
      '哈佛大学 2019 届的录取率为 5.3%，创历史新低。',
      '美国食品药品监督管理局周五批准了这种药物，用于治疗晚期肺癌。该国卫生部长表示，新冠疫苗的有效率超过 90%。',
      '科学家们正在研究一种可以治愈艾滋病的新疗法。',
      '网络延时过高时请求会超时，DNS 传播延时也会让新记录暂时失效。',
      '很多 NPM 的包通过它来判断当前环境；它一定通过依赖清单声明所有依赖。',
      '可以找来自大公司的模拟面试官练习技术面试。常用的作业控制命令有 jobs、fg、bg、kill。',
      '这种软糖可以治疗失眠，这家位于多伦多的食品公司的发言人说，当地去年放开了销售。',
      '包裹在中转站压坏了，快递公司照价赔偿，不转嫁给买家。躺着转一转脖子，能缓解久坐的酸痛。',
      '美国国家癌症研究所研究员博卓夫斯基表示：“我们的试验结果显示，这种疫苗有望取得良好的治疗效果。”',
      '她将进入田径理事会，为运动员发声代言。',
      // Health writing that sells nothing: a class of drugs named, a public body's duty, a plan's task.
      '这类药物包括抗抑郁药和部分抗过敏药，合用时要留意相互作用。',
      '县级以上地方人民政府负责储备防治流感的药品和防护用品。',
      '到2035年，全面实施中医治未病健康工程，癌症早诊早治工作覆盖所有县区。',
      // A medical reference or a guideline: an indication, a medicine named by its use, a therapy or a service named,
      // a duty of care, a sign to watch for, a definition, a cited notice, a caution; the writer's 我们建议.
      '这类利尿药也用于治疗心衰和高血压，用药期间要定期复查血钾。流感流行时，生产单位要及时供应防治流感的药品。',
      '我们建议：开始激素治疗前，先把说明书读一遍。社区卫生服务中心可以为居民提供中医治未病服务。',
      '医务人员应积极防治并发症，同时治疗原有的慢性病，并给予营养支持。如果发现患者血压下降超过基础值的 20%，应立即报告医生。',
      '病原携带者：指感染病原体后没有症状、但能排出病原体的人。参见国家中医药管理局关于在救治中使用某某排毒汤的通知。',
      '特异性抗体多在发病一周后转为阳性。确保转运安全后，再将病例转运至定点医院。推动与周边国家卫生合作。',
      '长期大剂量服用这类药物，应注意肝损伤风险，出现黄疸须立即停药。',
      '快速进针、换用新的针头注射，有助于缓解疼痛。据报告，也有医师推荐轮换用药部位。',
      // An encyclopaedia of disorders: what a treatment named by its kind aims at, a response rate given as the evidence
      // gives it (a range, beside another treatment), a section's label, no such drug, a transporter, a course.
      '情绪稳定剂：锂盐、拉莫三嗪可减少复发。双相障碍强调长期维持治疗以预防复发。康复期：维持与预防复发。',
      '认知行为治疗通常进行 16–20 次，有效率约 40%–60%；人际心理治疗的有效率与认知行为治疗相当。',
      '住院治疗：适用于自杀风险高的患者。目前尚无针对核心症状的特效药。共病管理：整合治疗抑郁和焦虑。',
      '成像可见多巴胺转运体减少。多数患者在一个月内完全恢复到病前的功能水平。',
      // A word in quotation marks named (以“治愈”为目标), a regimen (氧疗 + 治疗原发病), a therapy by its kind and its aim, a
      // result word listed as what onset is linked to.
      '倡导者反对把“治愈”当作唯一的出路。呼吸衰竭：氧疗 + 治疗原发的肺部疾病。物理治疗防止长期卧床引起的肌肉萎缩。',
      '戒断反应：起病与减量、停药有时间相关性。',
      // Epidemic reporting: the cured counted, a measure against the spread, a word cut by the sentence's words, a name,
      // no such drug, a rumour, a call to stand together, an epidemic's course.
      '截至昨日 24 时，全省累计治愈出院 312 例。当流感在城市里蔓延时，急诊室总是最忙的。',
      '为防止病毒在校园内传播，市教育局决定推迟开学。圣玛丽医院和圣保禄医院都收治了轻症患者。',
      '目前尚无可用于临床的疫苗和特效药物，现有的抗病毒药物对这种新病毒起不了作用。',
      // A leader's visit to a place, a press office's head speaking for a school: news, no borrowed name or endorsement.
      '市长昨天视察了受灾最重的山区。学校新闻中心主任介绍说：我们已经给全体学生测了体温。',
      '网上流传喝醋能预防流感的传言。市长在声明中说：“我们将携手各国，共同战胜病毒。”若基本传染数小于 1，传染病将会逐渐消失。',
    ],
    invalid: [
      { markdown: '每天一杯，降血压、抗癌。', findings: [
          { line: 1, column: 6, message: '“降血压”属于受限宣传（医疗用语），账号未声明行业，读作非医疗广告，依据《广告法》第十七条' },
          { line: 1, column: 10, message: '“抗癌”属于受限宣传（医疗用语）' },
        ] },
      { markdown: '报名即保过，不过退款。', findings: [
          { line: 1, column: 4, message: '“保过”属于受限宣传（教育培训），读作教育、培训广告，依据《广告法》第二十四条' },
          { line: 1, column: 7, message: '“不过退款”属于受限宣传（教育培训）' },
        ] },
      { markdown: '喝了我们的菊花茶，咽炎三天就好了。', findings: [
          { line: 1, column: 10, message: '“咽炎三天就好”属于受限宣传（疾病治疗效果）' },
        ] },
      { markdown: '本课程由前阅卷组长亲授，三个月提分 80 分。', findings: [
          { line: 1, column: 5, message: '“前阅卷组长”属于受限宣传（考试机构或命题人员参与），读作教育、培训广告' },
          { line: 1, column: 16, message: '“提分 80 分”属于受限宣传（培训效果保证）' },
        ] },
      { markdown: '本院的维持治疗能预防复发，有效率约 90%-95%。', findings: [
          { line: 1, column: 6, message: '“治疗能预防复发”属于受限宣传（疾病治疗功能）' },
          { line: 1, column: 14, message: '“有效率约 90%”属于受限宣传（治愈率、有效率）' },
        ] },
      { markdown: '喝我们的花茶，配合药物治疗可减少复发。', findings: [
          { line: 1, column: 12, message: '“治疗可减少复发”属于受限宣传（疾病治疗功能）' },
        ] },
      { markdown: '这款软糖可以治疗失眠，我们公司的研发总监说。', findings: [
          { line: 1, column: 7, message: '“治疗失眠”属于受限宣传' },
        ] },
      { markdown: '这种药茶能治疗失眠，北京一家医院的主任医师说。', findings: [
          { line: 1, column: 6, message: '“治疗失眠”属于受限宣传' },
        ] },
      { markdown: '本店的药茶沿用元朝宫廷古方，能治疗失眠。', findings: [
          { line: 1, column: 16, message: '“治疗失眠”属于受限宣传' },
        ] },
      { markdown: '经药监局批准上市的本品，能根治高血压。', findings: [
          { line: 1, column: 14, message: '“根治高血压”属于受限宣传' },
        ] },
      { markdown: '我校去年的录取率为 98%。', findings: [
          { line: 1, column: 6, message: '“录取率为 98%”属于受限宣传（升学、考试保证）' },
        ] },
      { markdown: '年化收益 9%，保本保息，稳赚不赔。', findings: [
          { line: 1, column: 1, message: '“年化收益 9%”属于受限宣传（收益承诺），读作有投资回报预期的广告，依据《广告法》第二十五条' },
          { line: 1, column: 9, message: '“保本保息”属于受限宣传（投资理财）' },
          { line: 1, column: 14, message: '“稳赚不赔”属于受限宣传' },
        ] },
      // A class of drugs only when a drug noun follows; the seller's own body of work is no public body.
      { markdown: '这款草本茶能抗病毒，喝一周见效。', findings: [
          { line: 1, column: 7, message: '“抗病毒”属于受限宣传（医疗用语）' },
          { line: 1, column: 12, message: '“一周见效”属于受限宣传（功效保证）' },
        ] },
      // The seller's own indication and duty of care stay claims (本品、我们诊所、a buy call).
      { markdown: '本品用于治疗失眠，三天见效，点击购买。', findings: [
          { line: 1, column: 5, message: '“治疗失眠”属于受限宣传（疾病治疗功能）' },
          { line: 1, column: 10, message: '“三天见效”属于受限宣传（功效保证）' },
        ] },
      { markdown: '某某山楂茶用于治疗高血压，老少皆宜。', findings: [
          { line: 1, column: 8, message: '“治疗高血压”属于受限宣传（疾病治疗功能）' },
        ] },
      { markdown: '中医调理，积极治疗，根治失眠。', findings: [
          { line: 1, column: 11, message: '“根治失眠”属于受限宣传（疾病治疗功能）' },
        ] },
      { markdown: '我们诊所积极治疗糖尿病，包您满意。', findings: [
          { line: 1, column: 7, message: '“治疗糖尿病”属于受限宣传（疾病治疗功能）' },
        ] },
      { markdown: '张主任医师推荐我们药房的这款护肝片，买二送一。', findings: [
          { line: 1, column: 2, message: '“主任医师推荐”属于受限宣传（患者、医生、专家证明）' },
          { line: 1, column: 15, message: '“护肝”属于受限宣传（保健功能）' },
        ] },
      { markdown: '我们的美容针采用超细针头，有助于缓解疼痛。', findings: [
          { line: 1, column: 17, message: '“缓解疼痛”属于受限宣传（疾病预防、治疗功能）' },
        ] },
      { markdown: '我们中心开展中医治未病服务，根治失眠。', findings: [
          { line: 1, column: 8, message: '“医治未病”属于受限宣传（疾病治疗功能）' },
          { line: 1, column: 15, message: '“根治失眠”属于受限宣传' },
        ] },
      // The seller's quotation marks, regimen and therapy stay its claims.
      { markdown: '本店的养生茶能“治愈”失眠，今天下单立减 20 元。', findings: [
          { line: 1, column: 9, message: '“治愈”失眠”属于受限宣传（疾病治疗功能）' },
        ] },
      { markdown: '本院理疗科：针灸 + 治疗腰椎间盘突出，一次见效。', findings: [
          { line: 1, column: 12, message: '“治疗腰椎间盘突出”属于受限宣传（疾病治疗功能）' },
          { line: 1, column: 21, message: '“一次见效”属于受限宣传（功效保证）' },
        ] },
      // The seller's own cure count, mask and remedy stay claims, whatever the epidemic readings say.
      { markdown: '本院已治愈肺炎患者 3000 例，预约电话见文末。', findings: [{ line: 1, column: 4, message: '“治愈肺炎”属于受限宣传（疾病治疗功能）' }] },
      { markdown: '已治愈患者 3000 例，专家坐诊。', findings: [{ line: 1, column: 2, message: '“治愈”属于受限宣传（医疗用语）' }] },
      { markdown: '这款医用口罩能防止病毒传播，今天下单立减 20 元。', findings: [{ line: 1, column: 8, message: '“防止病毒”属于受限宣传（疾病预防、治疗功能）' }] },
      { markdown: '本店的板蓝根冲剂帮您一起抗击病毒，限时特价。', findings: [{ line: 1, column: 13, message: '“抗击病毒”属于受限宣传（疾病预防、治疗功能）' }] },
      { markdown: '省长视察了我们的种植基地。', findings: [{ line: 1, column: 1, message: '“省长视察”属于受限宣传（使用国家机关及其工作人员名义）' }] },
      { markdown: '门诊部张主任说：我们这里的针灸一次就好。', findings: [{ line: 1, column: 5, message: '“主任说”属于受限宣传（患者、医生、专家证明）' }] },
      // 转 is zhuǎn and zhuàn: beside 躺 it sounds like 躺赚.
      { markdown: '跟着我们买这只基金，天天躺转。', findings: [
          { line: 1, column: 13, message: '“躺转”属于受限宣传（投资理财），读作有投资回报预期的广告，依据《广告法》第二十五条。不得承诺收益、保本或无风险，并应提示风险。（“躺赚”的变体写法：“转”谐音“赚”）' },
        ] },
      { markdown: '小区出门步行 8 分钟到地铁站，买房送名校学位。', findings: [
          { line: 1, column: 8, message: '“8 分钟到地铁站”属于受限宣传（以时间表示位置），读作房地产广告' },
          { line: 1, column: 17, message: '“买房送名校学位”属于受限宣传（学位、户口与规划配套误导）' },
        ] },
    ],
  },
  check(context) {
    const facts = accountFacts(context.account);
    const dictionary = context.dictionary('claims');
    const blocks = [...context.meta.filter((b) => b.kind !== 'author'), ...context.blocks];
    for (const block of blocks) {
      const normalized = normalizedBlock(block);
      const matches = findInBlock(dictionary, block);
      for (const claim of findClaims(normalized.text, matches, facts, quotesOf(block.text, normalized))) {
        const { text: original, span } = place(block, claim);
        context.report({
          span,
          message: `“${original}”属于受限宣传（${claim.label}），${claim.reading}，依据${claim.basis}。${claim.message}`,
          severity: claim.severity,
          ...(claim.suggestions ? { suggestions: claim.suggestions } : {}),
        });
      }
    }
  },
});
