import { describe, expect, it } from 'vitest';
import { caughtAndQuiet, lintLines } from '../lint-lines.ts';
import rule from './personal-data.ts';

// Lines written for these tests (not the eval corpus).
const personal = [
  '失主陈先生的电话是 159 2233 4455。',
  '请联系王老师：+86-137-0000-8888。',
  '联系店长 1 5 8 0 0 0 0 1 2 3 4。',
  '联系电话１３９１２３４５６７８。',
  '获奖者身份证号 11010519491231002X。',
  '退款请转到他的卡号 4392 8219 9351 8197。',
  '作者私人邮箱 liuyang.writer@163.com。',
  '客服主管个人邮箱 service.li@qq.com。',
  '我们的店员叫周晓燕，住在和平小区 5 栋，每天晚上九点下班。',
  '那位欠款的顾客赵某，家住人民路 88 号。',
  '截图里他的身份证照片和住址都清晰可见。',
  '邻居刘大爷确诊了肺癌，大家多关心他。',
  '欠费名单：2 栋 301 孙某、7 栋 502 钱某。',
  '学生张某某，就读于实验中学初二三班。',
  '她在某某银行上班，真实姓名是林芳。',
  '晒出了网红的酒店房号和行程。',
];

const notPersonal = [
  '客服电话 400-600-6000，门店座机 021-6666 8888。',
  '投稿请发 tougao@chayuan.com，简历请投 hr2026@chayuan.com。',
  '手机号 139****5678 的读者已领奖。',
  '订单号 2024051812345678，快递单号 YT1234567890123。',
  '商品编号 15900001111，会员编号 88000123。',
  'ISBN 978-7-02-008123-6。',
  '身份证号 110105194912310021 的校验位不对。',
  '请勿在评论区留下手机号。',
  '文中人物均为化名，照片已获本人授权。',
  '我们的办公室在西湖区文三路。',
  '王阿姨是这家店的老顾客，老人姓刘，今年七十多岁。',
  '报警电话 110，火警 119。',
  '比起先构建再运行，cargo run 能直接执行程序。',
  '这是外长今年以来的第三次行程，先到开罗，再去安曼。',
];

describe('privacy/personal-data', () => {
  it('finds numbers in their written variants and identifiable information without numbers', async () => {
    expect((await caughtAndQuiet(rule, personal)).missed).toEqual([]);
  });

  it('stays quiet on service numbers, role mailboxes, masked, invalid and labelled numbers, and protective notes', async () => {
    expect((await caughtAndQuiet(rule, notPersonal)).flagged).toEqual([]);
  });

  it('reads alt text and cites the sensitive-information articles', async () => {
    const [alt] = await lintLines(rule, ['顾客会员卡照片，完整姓名和手机号都能看到'], 'alt');
    expect(alt!.map((f) => f.message)).toEqual([expect.stringContaining('《个人信息保护法》第二十八条')]);
  });
});
