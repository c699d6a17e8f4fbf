// Tobacco on the internet (互联网广告管理办法第五条第二款; 广告法第二十二条). Source: S03. Prescription drugs and health
// knowledge with a clinic's address are in medical.ts.
import { compile, has, type ClaimPattern } from './pattern.ts';

const c = (source: string) => compile(source);
const appeal = c('口感|好抽|味|上市|礼盒|送长辈|必备|购买|下单|到手|[¥￥]|元|包邮|新款|这款|本店|我们|有面子|好藏');

export const onlinePatterns: ClaimPattern[] = [
  { label: '烟草（含电子烟）广告', family: 'online', requires: 'always', accept: (v) => v.advertised || has(appeal, v.sentence),
    basis: '《互联网广告管理办法》第五条；《广告法》第二十二条',
    message: '禁止利用互联网发布烟草（含电子烟）广告。',
    regex: c('电子烟|烟弹|雾化弹|香烟|卷烟|烟草制品|雪茄|烟丝|烟油') },
];
