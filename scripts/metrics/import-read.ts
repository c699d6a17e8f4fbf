import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import type * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { isObject, isStringArray } from '../shared/json-shape.ts';

/**
 * The cells of a backend export, as text, whatever the file: .xlsx (exceljs), .xls (SheetJS: the one reader of
 * the old binary format), or .csv in UTF-8 with or without a byte order mark, or GBK as Excel saves it in China.
 * Dates become YYYY-MM-DD; every other cell its plain text.
 */

export interface ExportTable {
  /** The worksheet's name, for messages; undefined for CSV. */
  sheet?: string;
  /** Non-empty rows, each with the 1-based row number it has in the file. */
  rows: Array<{ line: number; cells: string[] }>;
}

export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

export const importExtensions = ['.xlsx', '.xls', '.csv'];

export async function readExport(path: string, shown = path): Promise<ExportTable[]> {
  const extension = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new ImportFileError(code === 'ENOENT' ? `找不到文件 ${shown}` : `无法读取 ${shown}（${code || String(error)}）`);
  }
  try {
    // The spreadsheet readers load only for an import: every build reads the metrics stage, never a workbook.
    if (extension === '.xlsx') return await readXlsx((await import('exceljs')).default, bytes);
    if (extension === '.xls') return readXls(await import('@e965/xlsx'), bytes);
    if (extension === '.csv') return [readCsv(bytes)];
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`${shown} 不是能读的 ${extension.slice(1)} 文件（${error instanceof Error ? error.message.split('\n')[0] : String(error)}）：请从公众号后台重新导出。`);
  }
  throw new ImportFileError(`不支持的文件类型 ${extension || '（无扩展名）'}：${shown}。请导入公众号后台导出的 .xlsx、.xls 或 .csv 文件。`);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function readXlsx(excel: typeof ExcelJS, bytes: Buffer): Promise<ExportTable[]> {
  const workbook = new excel.Workbook();
  // exceljs's own Buffer type is older than Node's.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: ExportTable['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = xlsxCellText(cell.value);
      });
      rows.push({ line, cells: Array.from(cells, (cell) => cell ?? '') });
    });
    return { sheet: sheet.name, rows };
  });
}

function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // exceljs reads a date cell as the UTC moment of its calendar day and time.
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return value.result === undefined ? '' : xlsxCellText(value.result instanceof Date || typeof value.result !== 'object' ? value.result : null);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function readXls(xlsx: typeof XLSX, bytes: Buffer): ExportTable[] {
  const workbook = xlsx.read(bytes, { type: 'buffer', cellDates: false, cellNF: true });
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name]!;
    const rows: ExportTable['rows'] = [];
    if (!sheet['!ref']) return { sheet: name, rows };
    const range = xlsx.utils.decode_range(sheet['!ref']);
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells: string[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) cells.push(xlsCellText(xlsx, sheet[xlsx.utils.encode_cell({ r, c })]));
      if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: r + 1, cells });
    }
    return { sheet: name, rows };
  });
}

function xlsCellText(xlsx: typeof XLSX, cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  // A date is a day number with a date format: read the calendar day from the number, not a local-time Date.
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z !== undefined && xlsx.SSF.is_date(cell.z)) {
    const parts = xlsx.SSF.parse_date_code(cell.v);
    return `${parts.y}-${String(parts.m).padStart(2, '0')}-${String(parts.d).padStart(2, '0')}`;
  }
  if (cell.v instanceof Date) return isoDay(cell.v);
  return String(cell.v);
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GBK (GB18030, its superset). */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

function readCsv(bytes: Buffer): ExportTable {
  const text = decodeCsv(bytes);
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records: unknown = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  const rows: ExportTable['rows'] = [];
  // csv-parse's types do not follow the `info` option: read its records as what they are.
  for (const item of Array.isArray(records) ? records : []) {
    if (!isObject(item) || !isStringArray(item.record) || !isObject(item.info) || typeof item.info.lines !== 'number') continue;
    if (item.record.some((cell) => cell.trim() !== '')) rows.push({ line: item.info.lines, cells: item.record });
  }
  return { rows };
}
