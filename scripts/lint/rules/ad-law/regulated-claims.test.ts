import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../content/index.ts';
import type { Finding } from '../../../shared/finding.ts';
import { accountYaml, makeRepo, type FixtureFiles } from '../../../testing/fixture-repo.ts';
import { lintContent } from '../../index.ts';
import regulatedClaims from './regulated-claims.ts';

// Lines written for this test, not taken from the eval corpus: the rule must catch the next claim of each kind, not
// only the ones it was measured on. Each account declares the industry a real one would.
const cases: Record<string, { industry: string[]; flagged: string[]; clean: string[] }> = {
  tea: {
    industry: ['tea', 'food'],
    flagged: [
      '这款桂花乌龙能缓解咽喉炎，老师们天天喝。',
      '喝了我们的玫瑰茶，乳腺增生半年就消了。',
      '陈年普洱能降低血脂，高血脂人群的好帮手。',
      '每天两杯本店绿茶，三个月瘦了十二斤。',
      '我家蜂蜜比止咳糖浆还管用。',
      '喝了这款苦荞茶，我爸的血糖降下来了。',
      '夏天喝一杯我们的凉茶，预防中暑。',
    ],
    clean: ['这款凤凰单丛有蜜兰香，第三泡最好喝。', '茶叶不是药，身体不舒服请及时就医。', '朋友圈里说喝茶能治病的文章，多半是违法宣传。', '大棚蔬菜要做好病虫害防治、病毒检测和通风。'],
  },
  health: {
    industry: ['health-food'],
    flagged: ['这款鱼油能修复受损血管，预防心肌梗死。', '研究证实，本品能降低血脂。', '本品可以代替降糖药，糖友的首选。', '益生菌吃两周，便秘彻底好了。', '著名主持人推荐的胶原蛋白，吃了年轻十岁。', '本品能促进孩子长高，一年长高 8 厘米。'],
    clean: ['本品经注册的保健功能为：有助于改善骨密度。', '保健食品不能代替药物，慢性病请遵医嘱。', '服用本品期间如有不适，请停用并咨询医生。', '在渔村，妈祖被看作渔民的保护神。'],
  },
  cosmetics: {
    industry: ['cosmetics'],
    flagged: ['这款身体乳能让妊娠纹全部消失。', '我们的眼霜淡化黑眼圈，七天见效。', '这款精华 SPF35，通勤不用再涂防晒。', '本品能杀灭螨虫，治疗酒糟鼻。', '这款洗发水能让新头发长出来，告别秃顶。'],
    clean: ['这款面霜质地轻薄，夏天用不闷。', '本品已取得特殊化妆品注册证，可在国家药监局网站查询。', '皮肤过敏请先停用，症状严重请到医院就诊。'],
  },
  medical: {
    industry: ['medical', 'medical-beauty'],
    flagged: ['本诊所治疗鼻窦炎，一次见效不复发。', '做完我们的针灸，坐骨神经痛当天就好。', '主任医师亲自推荐这款退烧贴。', '白内障手术零风险，术后视力 1.5。', '脸大就是原罪，削骨后人生才开挂。'],
    clean: ['本院门诊时间为周一至周五 8:00—17:00。', '医生说他的病需要长期治疗。', '任何手术都有风险，请与医生充分沟通。', '研究人员在小鼠身上测试了一种新疗法，肿瘤明显缩小。', '研究团队计划开展临床试验，观察受损的神经细胞能否再生。', '这项研究有望帮助研发新的抗病毒药物。', '三位院士推荐董事人选，名单下周公布。'],
  },
  education: {
    industry: ['education'],
    flagged: ['法考冲刺班，包过，考不过全额退费。', '前省考阅卷老师亲自批改申论。', '两个月雅思从 5.5 分提到 7 分，报名就能提。', '不报我们的暑假班，孩子开学就跟不上。'],
    clean: ['本课程共 16 课时，报名前可以试听一节。', '我们不承诺考试结果，退费规则见课程协议。', '专家认为，要保证就业稳定，经济增速不能太低。'],
  },
  finance: {
    industry: ['finance'],
    flagged: ['这款理财年化 9%，保本保息，随存随取。', '跟着我们的投顾买基金，三个月翻倍。', '您的本金由合作银行全额担保，零风险。'],
    clean: ['本产品为非保本浮动收益型，可能损失本金。', '理财非存款，产品有风险，投资须谨慎。'],
  },
  estate: {
    industry: ['real-estate'],
    flagged: ['开车 12 分钟到高铁站，出门就是商圈。', '小区位于新城中心，距地铁站仅 3 分钟。', '买房即可落户，孩子直接入读名校。', '现在入手，三年升值 40%。', '坐拥风水宝地，家运兴旺。'],
    clean: ['项目距地铁 5 号线站点约 1.3 公里。', '入学政策以教育部门当年公布的为准。', '市立医院位于老城中心，与公交总站相距仅 5 分钟步行。', '旧时地主每到秋天收租时，佃户就得把粮食送去。'],
  },
  general: {
    industry: ['ecommerce'],
    flagged: ['国宴专供的腊肉，限时八折。', '开光貔貅手链，戴上财运亨通。', '据说这串手串开过光，戴上就能转运。', '她说这条手链开过光，戴着能转运。', '小朋友们，快让爸爸妈妈给你买这款玩具！', '这款电子烟口味多，下单送烟弹。'],
    clean: ['国庆节当天，全城都挂起了国旗。', '端午挂艾草是流传已久的习俗。', '这款儿童水杯适合三岁以上的孩子。', '每年正月十五，村里都会举行祭祀仪式，据说能保佑来年风调雨顺。', '机场新建的转运中心每天分拣几万件包裹。', '这座庙在八十年代被列为国家指定的二级古迹。', '两国政府将携手合作，修复这段古运河。', '这套垃圾分类的做法先在学校推广，再走进社区。'],
  },
};

const accountFile = (industry: string[]) => `${accountYaml}industry: [${industry.join(', ')}]\n`;
const articleFile = (line: string) => `---\ntitle: 示例\nstatus: draft\n---\n\n${line}\n`;

let findings: Finding[] = [];

beforeAll(async () => {
  const files: FixtureFiles = {};
  for (const [account, { industry, flagged, clean }] of Object.entries(cases)) {
    files[`content/${account}/account.yaml`] = accountFile(industry);
    [...flagged, ...clean].forEach((line, i) => (files[`content/${account}/articles/2026/l${i}/index.md`] = articleFile(line)));
  }
  const root = await makeRepo(files);
  findings = (await lintContent(await loadContent(root), { rules: [regulatedClaims] })).findings.filter((f) => f.ruleId === regulatedClaims.id);
}, 60_000);

/** The findings a writer must act on (errors and warnings) for one line of one account. */
function reported(account: string, index: number): Finding[] {
  return findings.filter((f) => f.file === `content/${account}/articles/2026/l${index}/index.md` && f.severity !== 'info');
}

describe('ad-law/regulated-claims on lines it was not tuned on', () => {
  for (const [account, { flagged, clean }] of Object.entries(cases)) {
    it.each(flagged.map((line, i) => [line, i] as const))(`${account}: reports %s`, (_line, i) => {
      expect(reported(account, i).length).toBeGreaterThan(0);
    });
    it.each(clean.map((line, i) => [line, flagged.length + i] as const))(`${account}: leaves %s alone`, (_line, i) => {
      expect(reported(account, i).map((f) => f.message)).toEqual([]);
    });
  }

  it('says which industry reading it took and cites the law', () => {
    const [tea] = reported('tea', 1);
    expect(tea?.message).toContain('按账号行业“茶、食品”读作普通食品广告');
    expect(tea?.message).toContain('《食品安全法》第七十三条');
    const [medical] = reported('medical', 0);
    expect(medical?.message).toContain('读作医疗、药品、医疗器械广告');
    expect(medical?.message).toContain('《医疗广告管理办法》第七条');
  });

  it('keeps a weak word as a hint when nothing sold is the subject', () => {
    const hint = findings.find((f) => f.file === 'content/medical/articles/2026/l6/index.md');
    expect(hint?.severity).toBe('info');
    expect(hint?.message).toContain('描述本店商品时才算宣称');
  });
});
