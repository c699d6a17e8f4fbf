import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasets, type Row } from './datasets.ts';
import { formatSnapshot, parseSnapshot, SnapshotError } from './snapshot-csv.ts';

const columns = datasets.articles.columns;
const header = columns.map((column) => column.name).join(',');

const row = fc.record({
  date: fc.constantFrom('2026-11-20', '2025-01-01'),
  msgid: fc.option(fc.constantFrom('2247490001_1', '2247490002_2'), { nil: null }),
  title: fc.option(fc.string({ unit: fc.constantFrom('茶', '“', '"', ',', '\n', '\r\n', 'a', ' ', '，') }), { nil: null }),
  publish_date: fc.option(fc.constant('2026-11-19'), { nil: null }),
  article: fc.option(fc.constant('2026/yunnan-chandi'), { nil: null }),
  int_page_read_user: fc.option(fc.nat(), { nil: null }),
  int_page_read_count: fc.nat(),
  ori_page_read_user: fc.nat(),
  ori_page_read_count: fc.nat(),
  share_user: fc.nat(),
  share_count: fc.nat(),
  add_to_fav_user: fc.nat(),
  add_to_fav_count: fc.nat(),
});

describe('the snapshot CSV', () => {
  it('reads back what it writes, and reads it as csv-parse does (Excel, DuckDB and pandas read RFC 4180)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows: Row[]) => {
        const text = formatSnapshot(columns, rows);
        const back = parseSnapshot(text, columns, 'articles-2026.csv');
        // An empty title reads back as no title: CSV cannot tell them apart.
        expect(back).toEqual(rows.map((one) => ({ ...one, title: one.title === '' ? null : one.title })));
        const records: string[][] = parse(text, { bom: true });
        expect(records.slice(1)).toEqual(rows.map((one) => columns.map((column) => (one[column.name] === null ? '' : String(one[column.name])))));
      }),
      { numRuns: 300 },
    );
  });

  it('writes integers as integers, LF line ends, a BOM, and quotes only text that needs it', () => {
    const text = formatSnapshot(datasets.followers.columns, [{ date: '2026-11-20', new_user: 31, cancel_user: 6, net_user: 25, cumulate_user: null }]);
    expect(text).toBe('\uFEFFdate,new_user,cancel_user,net_user,cumulate_user\n2026-11-20,31,6,25,\n');
  });

  it('names the file and line of a cell that does not fit, as an edited file may have', () => {
    const cases: Array<[string, string]> = [
      [`${header}\n2026-11-20,,t,,,1,2,3,4,5,6,7,8\n2026-11-21,,t,,,1,2,x3,4,5,6,7,8\n`, 'articles-2026.csv 第 3 行：有一格的值不对（整数里有别的字符，或引号后多了字符）'],
      [`${header}\n2026/11/20,,t,,,1,2,3,4,5,6,7,8\n`, 'articles-2026.csv 第 2 行：date 应为 YYYY-MM-DD，实际是 2026/11/20'],
      [`${header}\n2026-11-20,,"茶\n多行",,,1,2,3,4,5,6,7\n`, 'articles-2026.csv 第 2 行：应有 13 列，这一行少了'],
      [`${header}\n2026-11-20,,t,,,1,2,3,4,5,6,7,8,9\n`, 'articles-2026.csv 第 2 行：应有 13 列，这一行多了'],
      [`date,title\n`, `articles-2026.csv 第 1 行：表头应为 ${header}，实际是 date,title`],
    ];
    for (const [text, message] of cases) {
      expect(() => parseSnapshot(text, columns, 'articles-2026.csv')).toThrow(SnapshotError);
      expect(() => parseSnapshot(text, columns, 'articles-2026.csv')).toThrow(message);
    }
  });

  it('reads a file Excel saved back: CRLF line ends, no BOM, a blank line at the end', () => {
    const text = 'date,new_user,cancel_user,net_user,cumulate_user\r\n2026-11-20,31,6,25,20125\r\n\r\n';
    expect(parseSnapshot(text, datasets.followers.columns, 'followers-2026.csv')).toEqual([{ date: '2026-11-20', new_user: 31, cancel_user: 6, net_user: 25, cumulate_user: 20125 }]);
  });
});
