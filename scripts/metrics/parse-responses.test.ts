import { describe, expect, it } from 'vitest';
import { parseResponse } from './parse-responses.ts';

const counts = (reads: number) => ({ int_page_read_user: reads - 1, int_page_read_count: reads, ori_page_read_user: 0, ori_page_read_count: 0, share_user: 1, share_count: 1, add_to_fav_user: 0, add_to_fav_count: 0 });
const day = { begin: '2026-11-20', end: '2026-11-20' };

describe('the datacube answers, read', () => {
  it('keeps one hourly row an hour: WeChat’s all-sources row when it gives one, else the sum of the sources', () => {
    const summed = parseResponse('datacube/getuserreadhour', day, { list: [{ ref_date: '2026-11-20', ref_hour: 2000, user_source: 0, ...counts(30) }, { ref_date: '2026-11-20', ref_hour: 2000, user_source: 2, ...counts(12) }] });
    expect(summed.hourly).toEqual([{ date: '2026-11-20', hour: 20, ...counts(42), int_page_read_user: 40, share_user: 2, share_count: 2 }]);
    const given = parseResponse('datacube/getuserreadhour', day, {
      list: [{ ref_date: '2026-11-20', ref_hour: 900, user_source: 0, ...counts(30) }, { ref_date: '2026-11-20', ref_hour: 900, user_source: 99999999, ...counts(31) }],
    });
    expect(given.hourly).toEqual([{ date: '2026-11-20', hour: 9, ...counts(31) }]);
  });

  it('refuses what the endpoint never answers: an hour that is not one, a msgid without its index, details outside the seven days', () => {
    expect(() => parseResponse('datacube/getuserreadhour', day, { list: [{ ref_date: '2026-11-20', ref_hour: 2050, user_source: 0, ...counts(3) }] })).toThrow('datacube/getuserreadhour 2026-11-20：第 1 条ref_hour 应为 0、100……2300，实际是 2050');
    expect(() => parseResponse('datacube/getarticlesummary', day, { list: [{ ref_date: '2026-11-20', msgid: '2247490001', title: '云南咖啡产区巡礼', ...counts(3) }] })).toThrow('msgid 应为 <msg_data_id>_<序号>，实际是 2247490001');
    const late = { ref_date: '2026-11-20', msgid: '2247490001_1', title: '云南咖啡产区巡礼', details: [{ stat_date: '2026-11-27', target_user: 20000, ...counts(9) }] };
    expect(() => parseResponse('datacube/getarticletotal', day, { list: [late] })).toThrow('《云南咖啡产区巡礼》的第 1 个 details stat_date 2026-11-27 不在 2026-11-20 至 2026-11-26 之内');
    expect(() => parseResponse('datacube/getuserread', day, { errmsg: 'ok' })).toThrow('datacube/getuserread 2026-11-20：回答缺少 list');
    expect(() => parseResponse('datacube/getuserread', day, { list: [{ ref_date: '2026-11-21', user_source: 0, ...counts(3) }] })).toThrow('ref_date 2026-11-21 不在 2026-11-20 至 2026-11-20 之内');
  });
});
