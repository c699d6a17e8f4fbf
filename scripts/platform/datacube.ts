/**
 * The statistics API (`datacube`) as data (../shared/WECHAT.md, Statistics): what each endpoint answers, how many
 * days one call may span, when a day's numbers are ready, and what WeChat's source and scene codes mean.
 */

/** The endpoints `mpdesk metrics pull` calls, in the order it calls them. */
export const datacubeEndpoints = [
  'datacube/getusersummary',
  'datacube/getusercumulate',
  'datacube/getuserread',
  'datacube/getuserreadhour',
  'datacube/getusershare',
  'datacube/getarticlesummary',
  'datacube/getarticletotal',
] as const;

export type DatacubeEndpoint = (typeof datacubeEndpoints)[number];

/** WeChat keeps statistics from this day on. */
export const datacubeFirstDay = '2014-12-01';
/** Yesterday's numbers can be asked for from 08:00 Beijing time on. */
export const datacubeReadyHour = 8;
/** getarticletotal describes the seven days from a mass send on: a send day's numbers grow until then. */
export const articleTotalDays = 7;

/** `user_source` of the read endpoints. 99999999 is WeChat's code for all sources together. */
export const readSources: Readonly<Record<number, string>> = {
  0: '会话',
  1: '好友',
  2: '朋友圈',
  3: '腾讯微博',
  4: '历史消息页',
  5: '其他',
  6: '看一看',
  7: '搜一搜',
  99999999: '全部',
};

/** `user_source` of getusersummary: where new followers came from. */
export const followSources: Readonly<Record<number, string>> = {
  0: '其他',
  1: '公众号搜索',
  17: '名片分享',
  30: '扫描二维码',
  57: '文章内账号名称',
  100: '微信广告',
  149: '小程序关注',
  161: '他人转载',
  200: '视频号',
  201: '直播',
};

/** `share_scene` of getusershare. */
export const shareScenes: Readonly<Record<number, string>> = { 1: '好友转发', 2: '朋友圈', 255: '其他' };

/** A code's name, or `未知（code）` for one WeChat has added since. */
export function codeName(names: Readonly<Record<number, string>>, code: number): string {
  return names[code] ?? `未知（${code}）`;
}

/** `msgid` is `<msg_data_id>_<index>`, index from 1. */
export const msgidPattern = /^(\d+)_(\d+)$/;
