import { isCalendarDate } from '../shared/calendar-date.ts';
import { datasets, makeRow, rowKey, type DatasetName, type Row } from './datasets.ts';
import { guessField, normalHeader, type HeaderMap, type ImportField } from './header-map.ts';
import type { ExportTable } from './import-read.ts';
import { readSources } from '../platform/index.ts';

/** A file whose columns mpdesk cannot place: refused whole, saying what it found and what map would fit. */
export class LayoutError extends Error {
  override name = 'LayoutError';
}

export interface ImportedRows {
  dataset: DatasetName;
  rows: Row[];
  /** The article address an export row gives, for the join. */
  urls: WeakMap<Row, string>;
  /** Rows refused, each with its row number: nothing of them is written. */
  problems: string[];
  /** Text above the header (a title such as “青禾茶事 用户增长”), for the wrong-account check. */
  preamble: string[];
  /** Header cells no field is mapped to: their values are not imported, and the user is told. */
  ignoredColumns: string[];
  sheet?: string;
}

const countFields = new Set<ImportField>(['target_user', 'int_page_read_user', 'int_page_read_count', 'ori_page_read_user', 'ori_page_read_count', 'share_user', 'share_count', 'add_to_fav_user', 'add_to_fav_count', 'new_user', 'cancel_user', 'net_user', 'cumulate_user']);
const followerFields = new Set<ImportField>(['new_user', 'cancel_user', 'net_user', 'cumulate_user']);
/** Rows that sum up the others, as exports end with. */
const summaryRow = /^(合计|总计|汇总|平均|均值|total|sum|average)/i;
/** How far down a header may be: exports put a title and notes above it. */
const headerSearchRows = 20;

/** The export's rows as rows of one dataset, each checked; a layout that does not fit is a LayoutError. */
export function importRows(tables: readonly ExportTable[], map: HeaderMap, file: string, account: string): ImportedRows {
  for (const table of tables) {
    const at = table.rows.slice(0, headerSearchRows).findIndex((row) => isHeader(row.cells, map));
    if (at === -1) continue;
    const columns = table.rows[at]!.cells.map((cell) => map.get(normalHeader(cell)));
    const dataset = datasetFor(new Set(columns.filter((field) => field !== undefined)), table.rows[at]!.cells, account);
    const where = (line: number) => `${file}${table.sheet && tables.length > 1 ? `（工作表 ${table.sheet}）` : ''} 第 ${line} 行`;
    const read = readRows(table.rows.slice(at + 1), columns, dataset, where);
    const ignoredColumns = table.rows[at]!.cells.filter((cell, index) => columns[index] === undefined && cell.trim() !== '').map((cell) => cell.trim());
    return { dataset, ...read, ignoredColumns, preamble: table.rows.slice(0, at).flatMap((row) => row.cells.filter((cell) => cell.trim() !== '')), ...(table.sheet ? { sheet: table.sheet } : {}) };
  }
  throw unknownLayout(tables, map, file, account);
}

function isHeader(cells: readonly string[], map: HeaderMap): boolean {
  const fields = cells.map((cell) => map.get(normalHeader(cell)));
  return fields.some((field) => field === 'date' || field === 'publish_date') && fields.some((field) => field !== undefined && countFields.has(field));
}

function datasetFor(fields: Set<ImportField>, headers: readonly string[], account: string): DatasetName {
  if ([...fields].some((field) => followerFields.has(field))) return 'followers';
  if (fields.has('title')) {
    if (!fields.has('date')) {
      throw new LayoutError(`这是文章数据（有标题列），但没有统计日期列（如“日期”），只有发布时间：每篇文章每天的数字才能存进快照。请导出“单篇图文 → 数据趋势明细”这类按天的表，或在 content/${account}/account.yaml 的 metrics.headers 里指明哪一列是日期。找到的表头：${headers.join('、')}`);
    }
    return 'articles';
  }
  return 'daily';
}

interface ReadRows {
  rows: Row[];
  urls: WeakMap<Row, string>;
  problems: string[];
}

function readRows(lines: ExportTable['rows'], columns: ReadonlyArray<ImportField | undefined>, dataset: DatasetName, where: (line: number) => string): ReadRows {
  const problems: string[] = [];
  const urls = new WeakMap<Row, string>();
  const byKey = new Map<string, Array<{ line: number; row: Row }>>();
  for (const { line, cells } of lines) {
    const first = cells.find((cell) => cell.trim() !== '') ?? '';
    if (summaryRow.test(first.trim())) continue;
    const values: Row = {};
    const wrong: string[] = [];
    columns.forEach((field, index) => {
      if (field === undefined || values[field] !== undefined) return;
      const cell = (cells[index] ?? '').trim();
      const parsed = readCell(field, cell);
      if (typeof parsed === 'object' && parsed !== null) wrong.push(parsed.problem);
      else values[field] = parsed;
    });
    if (values.date === undefined || values.date === null) wrong.push('没有日期');
    if (dataset === 'articles' && !values.title) wrong.push('没有标题');
    if (wrong.length) {
      problems.push(`${where(line)}：${wrong.join('；')}，这一行没有导入`);
      continue;
    }
    const row = makeRow(datasets[dataset], dataset === 'daily' ? { ...values, user_source: 99999999, user_source_name: readSources[99999999]! } : values);
    if (typeof values.url === 'string') urls.set(row, values.url);
    const key = rowKey(datasets[dataset], row);
    byKey.set(key, [...(byKey.get(key) ?? []), { line, row }]);
  }
  const rows: Row[] = [];
  for (const same of byKey.values()) {
    if (same.length === 1) rows.push(same[0]!.row);
    else problems.push(`${where(same[0]!.line)}：与第 ${same.slice(1).map((item) => item.line).join('、')} 行是同一条数据（${describe(same[0]!.row)}），都没有导入：请检查导出的文件`);
  }
  return { rows, urls, problems };
}

function describe(row: Row): string {
  return [row.date, row.title ? `《${row.title}》` : ''].filter(Boolean).join(' ');
}

type CellResult = string | number | null | { problem: string };

const headerNames: Record<string, string> = { date: '日期', publish_date: '发布时间', title: '标题', url: '链接' };

function readCell(field: ImportField, cell: string): CellResult {
  if (field === 'title' || field === 'url') return cell === '' ? null : cell;
  if (field === 'date' || field === 'publish_date') {
    if (cell === '') return null;
    return dayOf(cell) ?? { problem: `${headerNames[field]}“${cell}”不是日期` };
  }
  if (cell === '' || cell === '-' || cell === '--') return null;
  const plain = cell.replace(/[,，\s]/g, '');
  const number = /^-?\d+(\.0+)?$/.test(plain) ? Number(plain) : Number.NaN;
  if (Number.isNaN(number)) return { problem: `${field}“${cell}”不是整数` };
  if (number < 0 && field !== 'net_user') return { problem: `${field} 是负数（${cell}）` };
  return number;
}

/** 2026-12-01, 2026/12/1, 2026.12.1, 20261201, 2026年12月1日, each perhaps followed by a time, or an Excel day number. */
function dayOf(cell: string): string | undefined {
  // A date cell that lost its format is Excel's day number (days since 1899-12-30): 2026-11-20 is 46346.
  if (/^\d{5}$/.test(cell)) return new Date(Date.UTC(1899, 11, 30) + Number(cell) * 86_400_000).toISOString().slice(0, 10);
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(cell);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isCalendarDate(day) ? day : undefined;
}

/** The refusal of a file whose header was not found: the headers it has, and the account.yaml lines that would fit them. */
function unknownLayout(tables: readonly ExportTable[], map: HeaderMap, file: string, account: string): LayoutError {
  const rows = tables.flatMap((table) => table.rows.slice(0, headerSearchRows));
  const header = rows.find((row) => row.cells.filter((cell) => cell.trim() !== '' && !/^[-\d.,/: ]+$/.test(cell.trim())).length >= 2) ?? rows[0];
  if (!header) return new LayoutError(`${file} 是空的：没有任何数据。`);
  const found = header.cells.map((cell) => cell.trim()).filter(Boolean);
  const lines = found.map((cell) => {
    const field = map.get(normalHeader(cell)) ?? guessField(cell);
    return `    ${/[:#'"]/.test(cell) ? JSON.stringify(cell) : cell}: ${field ?? '<字段>'}${map.has(normalHeader(cell)) ? '  # 已认识' : ''}`;
  });
  return new LayoutError(
    [
      `${file} 的表头看不懂：第 ${header.line} 行是 ${found.join('、')}。需要一列日期和至少一列数字（如 阅读次数、新关注人数）。`,
      `如果这是公众号后台的导出，请在 content/${account}/account.yaml 里写上各列的意思（字段见 mpdesk metrics import --help）：`,
      'metrics:',
      '  headers:',
      ...lines,
    ].join('\n'),
  );
}
