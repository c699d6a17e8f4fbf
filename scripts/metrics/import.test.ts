import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { article, makeRepo } from '../testing/fixture-repo.ts';
import { importExport, importText, metricsAccounts } from './index.ts';
import { metricsFiles } from './metrics.test-helper.ts';

// Exports as the WeChat backend makes them, built here: a title row above the header, Excel dates, a 合计 row.

const qinghe = {
  'content/qinghe/account.yaml': 'name: 青禾茶事\nreview:\n  levels:\n    - name: 编辑\n      approvers: [lin-yi]\n',
  'content/qinghe/articles/2026/baicha-zenme-cun/index.md': article('title: 白茶怎么存\nstatus: published\npublish_at: 2026-11-18T20:00:00+08:00', '白茶存放要防潮、避光。\n'),
};

async function repo(extraYaml = '') {
  const files = metricsFiles(qinghe);
  if (extraYaml) files['content/shanye/account.yaml'] += extraYaml;
  return makeRepo(files);
}

async function importInto(root: string, path: string, shownFile = path.split('/').at(-1)!) {
  const accounts = metricsAccounts(await loadContent(root));
  const account = accounts.find((one) => one.id === 'shanye')!;
  return importExport({ root, account, others: accounts.filter((one) => one !== account), path, shownFile });
}

const snapshot = (root: string, name: string) => readFile(join(root, 'reports', 'shanye', 'metrics', name), 'utf8');
const folder = () => mkdtemp(join(tmpdir(), 'mpdesk-export-'));

const growth = [
  ['2026-11-20', 31, 6, 25, 20125],
  ['2026-11-21', 28, 4, 24, 20149],
  ['2026-11-22', 54, 9, 45, 20194],
  ['2026-11-23', 40, 7, 33, 20227],
] as const;

async function growthXlsx(path: string, title = '山野咖啡 用户增长数据', rows: ReadonlyArray<readonly [string, number, number, number, number]> = growth): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户增长');
  sheet.addRow([title]);
  sheet.addRow([]);
  sheet.addRow(['时间', '新关注人数', '取消关注人数', '净增关注人数', '累积关注人数']);
  for (const [day, ...numbers] of rows) sheet.addRow([new Date(`${day}T00:00:00Z`), ...numbers]).getCell(1).numFmt = 'yyyy-mm-dd';
  sheet.addRow(['合计', 153, 26, 127, '']);
  await workbook.xlsx.writeFile(path);
}

const articleCsv = [
  '日期,标题,发布时间,阅读人数,阅读次数,分享次数,收藏次数,阅读原文次数',
  '2026-11-22,冬天的手冲怎么调水温,2026-11-22 20:00,812,"1,046",37,12,4',
  '2026-11-23,冬天的手冲怎么调水温,2026-11-22 20:00,301,377,9,5,1',
  '2026/11/23,"山野咖啡十二月活动,报名中",2026-11-22 20:00,96,120,3,1,0',
].join('\r\n');

describe('mpdesk metrics import', () => {
  it('reads a 用户增长 .xlsx with a title row and a 合计 row into followers; the same file twice changes nothing', async () => {
    const root = await repo();
    const path = join(await folder(), '用户增长.xlsx');
    await growthXlsx(path);
    const first = await importInto(root, path);
    expect(first).toMatchObject({ dataset: 'followers', rows: 4, added: 4, revised: 0, problems: [], newest: '2026-11-23' });
    expect(await snapshot(root, 'followers-2026.csv')).toBe(
      '\uFEFFdate,new_user,cancel_user,net_user,cumulate_user\n2026-11-20,31,6,25,20125\n2026-11-21,28,4,24,20149\n2026-11-22,54,9,45,20194\n2026-11-23,40,7,33,20227\n',
    );
    const second = await importInto(root, path);
    expect(second).toMatchObject({ added: 0, revised: 0, written: [] });
  });

  it('reads an .xls (Excel 97–2003) export of the daily numbers, dates as Excel dates', async () => {
    const root = await repo();
    const path = join(await folder(), '图文分析.xls');
    const sheet = XLSX.utils.aoa_to_sheet([
      ['图文分析 山野咖啡'],
      ['日期', '阅读人数', '阅读次数', '分享人数', '分享次数', '收藏人数', '收藏次数', '阅读原文人数', '阅读原文次数'],
      [new Date(Date.UTC(2026, 10, 20)), 1180, 1502, 41, 56, 17, 19, 8, 9],
      [new Date(Date.UTC(2026, 10, 21)), 998, 1240, 30, 38, 11, 12, 5, 5],
    ], { cellDates: true, dateNF: 'yyyy-mm-dd' });
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, '数据');
    await writeFile(path, XLSX.write(workbook, { bookType: 'biff8', type: 'buffer' }));
    const result = await importInto(root, path);
    expect(result).toMatchObject({ dataset: 'daily', rows: 2, problems: [] });
    expect(await snapshot(root, 'daily-2026.csv')).toBe(
      '\uFEFFdate,user_source,user_source_name,int_page_read_user,int_page_read_count,ori_page_read_user,ori_page_read_count,share_user,share_count,add_to_fav_user,add_to_fav_count\n' +
        '2026-11-20,99999999,全部,1180,1502,8,9,41,56,17,19\n2026-11-21,99999999,全部,998,1240,5,5,30,38,11,12\n',
    );
  });

  it('reads the same article CSV alike in UTF-8, UTF-8 with BOM and GBK, linking the hand-published article by title and day', async () => {
    const dir = await folder();
    const files = {
      'utf8.csv': Buffer.from(articleCsv, 'utf8'),
      'bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(articleCsv, 'utf8')]),
      'gbk.csv': iconv.encode(articleCsv, 'gbk'),
    };
    const snapshots = [];
    for (const [name, bytes] of Object.entries(files)) {
      const root = await repo();
      await writeFile(join(dir, name), bytes);
      const result = await importInto(root, join(dir, name));
      expect(result, name).toMatchObject({ dataset: 'articles', rows: 3, problems: [], ignoredColumns: [] });
      expect(result.unmatched).toEqual([{ what: '《山野咖啡十二月活动,报名中》（2026-11-22 发出）', candidates: [] }]);
      snapshots.push(await snapshot(root, 'articles-2026.csv'));
    }
    expect(new Set(snapshots).size).toBe(1);
    expect(snapshots[0]).toContain('\n2026-11-22,,冬天的手冲怎么调水温,2026-11-22,2026/shouchong-shuiwen,812,1046,,4,,37,,12\n');
    expect(snapshots[0]).toContain('\n2026-11-23,,"山野咖啡十二月活动,报名中",2026-11-22,,96,120,,0,,3,,1\n');
  });

  it('says which columns it left out, and imports the ones it knows', async () => {
    const root = await repo();
    const path = join(await folder(), '图文分析.csv');
    await writeFile(path, ['日期,阅读人数,阅读次数,备注,', '2026-11-20,512,640,周五推送,', '2026-11-21,388,450,,'].join('\n'));
    const result = await importInto(root, path);
    expect(result).toMatchObject({ dataset: 'daily', rows: 2, problems: [], ignoredColumns: ['备注'] });
    expect(importText(result)).toContain('  这些列不认识，没有导入：备注（要导入，请在 content/shanye/account.yaml 的 metrics.headers 里写上各列的意思');
    expect(await snapshot(root, 'daily-2026.csv')).toContain('\n2026-11-20,99999999,全部,512,640,');
  });

  it('refuses bad rows with their row numbers and writes the good ones: duplicates, negative and non-numeric cells, a date that is not one', async () => {
    const root = await repo();
    const path = join(await folder(), '用户增长.csv');
    await writeFile(path, ['时间,新关注人数,取消关注人数,累积关注人数', '2026-11-20,31,6,20125', '2026-11-21,-3,4,20149', '2026-11-22,12.5%,9,20194', '2026-11-31,40,7,20227', '2026-11-24,22,3,20246', '2026-11-24,25,3,20249', '2026-11-25,18,2,20262'].join('\n'));
    const result = await importInto(root, path);
    expect(result.problems).toEqual([
      '用户增长.csv 第 3 行：new_user 是负数（-3），这一行没有导入',
      '用户增长.csv 第 4 行：new_user“12.5%”不是整数，这一行没有导入',
      '用户增长.csv 第 5 行：日期“2026-11-31”不是日期；没有日期，这一行没有导入',
      '用户增长.csv 第 6 行：与第 7 行是同一条数据（2026-11-24），都没有导入：请检查导出的文件',
    ]);
    expect(await snapshot(root, 'followers-2026.csv')).toBe('\uFEFFdate,new_user,cancel_user,net_user,cumulate_user\n2026-11-20,31,6,25,20125\n2026-11-25,18,2,16,20262\n');
  });

  it('refuses a layout it does not know, with the headers found and the account.yaml map that fits; with the map it imports', async () => {
    const path = join(await folder(), 'export.csv');
    await writeFile(path, 'Day,PV,UV,Shares\n2026-11-20,1502,1180,56\n');
    const refused = await importInto(await repo(), path);
    expect(refused.refused).toBe(
      [
        'export.csv 的表头看不懂：第 1 行是 Day、PV、UV、Shares。需要一列日期和至少一列数字（如 阅读次数、新关注人数）。',
        '如果这是公众号后台的导出，请在 content/shanye/account.yaml 里写上各列的意思（字段见 mpdesk metrics import --help）：',
        'metrics:',
        '  headers:',
        '    Day: date',
        '    PV: int_page_read_count',
        '    UV: int_page_read_user',
        '    Shares: share_count',
      ].join('\n'),
    );
    const root = await repo('metrics:\n  headers:\n    Day: date\n    PV: int_page_read_count\n    UV: int_page_read_user\n    Shares: share_count\n');
    expect(await importInto(root, path)).toMatchObject({ dataset: 'daily', rows: 1, problems: [] });
  });

  it('refuses an export of another account: by the name in its title, and by follower totals far from those recorded', async () => {
    const root = await repo();
    const dir = await folder();
    const other = join(dir, '用户增长.xlsx');
    await growthXlsx(other, '青禾茶事 用户增长数据');
    const byName = await importInto(root, other);
    expect(byName.refused).toBe('用户增长.xlsx 看起来不是 shanye 的导出：文件名或表格标题写的是“青禾茶事”（qinghe），不是“山野咖啡”。没有导入：请确认 --account，或换成这个账号的导出文件。');
    await growthXlsx(join(dir, 'mine.xlsx'));
    await importInto(root, join(dir, 'mine.xlsx'));
    const untitled = join(dir, 'untitled.xlsx');
    await growthXlsx(untitled, '用户增长数据', growth.map(([day, a, b, c, total]) => [day, a, b, c, total * 3] as const));
    expect((await importInto(root, untitled)).refused).toContain('快照记录的累积关注人数是 20125，这个文件是 60375');
    expect(await snapshot(root, 'followers-2026.csv')).toContain('2026-11-20,31,6,25,20125\n');
    const theirs = join(dir, '图文数据.csv');
    await writeFile(theirs, '日期,标题,阅读次数\n2026-11-19,白茶怎么存,1502\n');
    expect((await importInto(root, theirs)).refused).toContain('其中的文章（如《白茶怎么存》）是“青禾茶事”（qinghe）的，“山野咖啡”没有这些文章');
  });
});
