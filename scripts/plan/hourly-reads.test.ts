import { describe, expect, it } from 'vitest';
import { readHourlyReads } from './hourly-reads.ts';

const header = 'date,hour,user_source,user_source_name,int_page_read_user,int_page_read_count,ori_page_read_user,ori_page_read_count,share_user,share_count,add_to_fav_user,add_to_fav_count';

describe('readHourlyReads', () => {
  it('sums int_page_read_count by hour over every source and day of a snapshot with a BOM', () => {
    const text = `\uFEFF${header}\n2026-11-20,20,0,会话,300,410,0,0,12,15,3,3\n2026-11-20,20,2,朋友圈,90,120,0,0,4,4,0,0\n2026-11-21,8,0,会话,50,66,,,1,1,0,0\n`;
    const result = readHourlyReads(text);
    expect(result.ok && [result.reads[20], result.reads[8], result.reads.length]).toEqual([530, 66, 24]);
  });

  it('reads WeChat’s ref_hour (0, 100 … 2300) too', () => {
    const result = readHourlyReads('ref_date,ref_hour,int_page_read_count\r\n2026-11-20,2100,75\r\n2026-11-20,0,3\r\n');
    expect(result.ok && [result.reads[21], result.reads[0]]).toEqual([75, 3]);
  });

  it('takes an empty count as a number WeChat did not give', () => {
    const result = readHourlyReads('date,hour,int_page_read_count\n2026-11-20,9,\n');
    expect(result.ok && result.reads[9]).toBe(0);
  });

  it('refuses what it does not know, with the line', () => {
    expect(readHourlyReads('date,阅读次数\n2026-11-20,3\n')).toEqual({ ok: false, line: 1, problem: '表头应有 hour 和 int_page_read_count 两列，实际是 date,阅读次数' });
    expect(readHourlyReads('date,hour,int_page_read_count\n2026-11-20,24,3\n')).toMatchObject({ ok: false, line: 2, problem: 'hour 应为 0–23 点（ref_hour 为 0–2300），实际是“24”' });
    expect(readHourlyReads('date,hour,int_page_read_count\n2026-11-20,20,3\n2026-11-20,21\n')).toMatchObject({ ok: false, line: 3 });
    expect(readHourlyReads('date,hour,int_page_read_count\n2026-11-20,"20,3\n')).toMatchObject({ ok: false, problem: expect.stringContaining('不是有效的 CSV') });
    expect(readHourlyReads('')).toMatchObject({ ok: false, line: 1 });
  });
});
