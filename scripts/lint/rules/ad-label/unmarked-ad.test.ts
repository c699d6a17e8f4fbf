import { describe, expect, it } from 'vitest';
import { caughtAndQuiet, lintLines } from '../lint-lines.ts';
import rule from './unmarked-ad.ts';

// Lines written for these tests (not the eval corpus).
const buyPaths = [
  '这款洗碗机我用了一年，点击下方链接购买。',
  '新品上市，扫码下单立享九折。',
  '券码 SPRING30 可在小程序使用。',
  '同款茶宠在文末小程序就能下单。',
  '今天直播间下单还送定制杯垫，马上抢购。',
  '私信小编拿团购价。',
  '体验课 ¥9.9，立即报名。',
  '扫码预约试驾，到店送保养一次。',
  '复制口令 HAPPY666 打开购物App领券。',
  '这款香薰的购买链接放在评论区置顶。',
  '报我们公众号的名字，到店立减 15 元。',
  '礼盒 ¥168 包邮，数量有限。',
  '通过下方链接预订，可享会员折扣价。',
  '点击商品卡片就能买到同款。',
  '优惠码ＷＩＮＴＥＲ８８，全场通用。',
  '淘宝搜索店铺“青山茶舍”，直接下单。',
];

const noBuyPath = [
  '这款洗碗机的价格是 4999 元。',
  '下单后一般三天内发货，下单时记得备注口味。',
  '我在菜市场买了两斤排骨。',
  '报名截止时间是下周五，报名人数已经超过两百人。',
  '扫码点餐现在很普遍。',
  '我们没有在文中放任何购买链接。',
  '医院的预约渠道是官方小程序。',
  '市民排队抢购口罩的场景令人难忘。',
  '满 300 减 50 的规则写在活动页上。',
  '这本书值得买吗？我的答案是看需求。',
  '扫码关注我们，回复“目录”查看往期文章。',
  '我们把小程序的下单流程重新整理了一遍。',
  '芝士片直接在淘宝购买即可。',
];

describe('ad-label/unmarked-ad', () => {
  it('finds a way to buy in an article not marked sponsored', async () => {
    expect((await caughtAndQuiet(rule, buyPaths)).missed).toEqual([]);
  });

  it('stays quiet on prices, orders and shops mentioned without a way to buy', async () => {
    expect((await caughtAndQuiet(rule, noBuyPath)).flagged).toEqual([]);
  });

  it('reads image alt text and names the basis', async () => {
    const [alt] = await lintLines(rule, ['商品图：长按识别二维码购买同款'], 'alt');
    expect(alt!.map((f) => f.message)).toEqual([expect.stringContaining('《互联网广告管理办法》第九条')]);
  });

  it('takes an article that opens with 【广告】 or 广告｜ as marked', async () => {
    expect((await caughtAndQuiet(rule, ['【广告】本文由青山茶舍赞助，点击购买同款。', '广告｜这款面霜 ¥199，立即购买。'])).flagged).toEqual([]);
  });
});
