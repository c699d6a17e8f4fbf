import { describe, expect, it } from 'vitest';
import { caughtAndQuiet } from '../lint-lines.ts';
import rule from './words.ts';

// Lines written for these tests (not the eval corpus).
const solicitation = [
  '长期收购手机卡、银行卡，价格高。',
  '代办各类证件，毕业证学位证都能做。',
  '代开增值税专票，各行业都能开。',
  '宝妈在家兼职，一单一结，动动手指就有钱。',
  '网赌输了别慌，专业团队帮你回血，三天回本。',
  '不查征信，秒批秒到，黑户可贷。',
  '高价回收各平台实名账号。',
  '提供刷好评服务，一条五元。',
  '出售A货包包，和专柜一样。',
  '代购处方药，无需问诊。',
  '低价批发仿真枪。',
];

const ordinary = [
  '警方破获一起网络赌博案，抓获嫌疑人十二名。',
  '谨防刷单返利诈骗，凡是要求垫付的兼职都是骗局。',
  '新闻报道说某地查处了一批高仿手表。',
  '银行提醒：不要出售、出租自己的银行卡。',
  '去银行办理银行卡要带身份证。',
  '这家店招聘兼职服务员，工资日结。',
  '游戏里角色回血很快，股市回血需要时间。',
  '如需开具增值税专用发票，请联系客服。',
  '仿真模型做得非常逼真，是高仿真度的作品。',
  '本店不接受好评返现，请如实评价。',
  '报名时请提供个人信息。',
];

describe('sensitive/words', () => {
  it('finds solicitation for fraud, fake goods, false documents, weapons and gambling however it is worded', async () => {
    expect((await caughtAndQuiet(rule, solicitation)).missed).toEqual([]);
  });

  it('stays quiet on news, warnings, refusals and ordinary uses of the same words', async () => {
    expect((await caughtAndQuiet(rule, ordinary)).flagged).toEqual([]);
  });
});
