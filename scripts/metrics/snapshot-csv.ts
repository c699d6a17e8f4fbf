import type { Cell, Column, Row } from './datasets.ts';

/**
 * The snapshot files' CSV: RFC 4180 with LF line ends, a header of the column names, numbers written as plain
 * integers and text quoted only where it has to be. The file starts with a UTF-8 byte order mark, which Excel
 * needs to read Chinese and which DuckDB and pandas skip.
 *
 * Read back by a scanner of its own, checked against csv-parse in the tests: csv-parse takes about 6 s for the
 * million rows an agency's three years make, and loading all of them has to stay under 2 s.
 */

export const bom = '\uFEFF';

/** A snapshot file that does not read as its dataset's CSV: named with its line, for the person who edited it. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file} 第 ${line} 行：${problem}`);
  }
}

function formatCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatSnapshot(columns: readonly Column[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => column.name).join(',')];
  for (const row of rows) lines.push(columns.map((column) => formatCell(row[column.name] ?? null)).join(','));
  return `${bom}${lines.join('\n')}\n`;
}

const comma = 44;
const newline = 10;
const carriage = 13;
const quote = 34;
const minus = 45;
const zero = 48;
const nine = 57;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The rows of a snapshot file; throws a SnapshotError naming the line of the first cell that does not fit. */
export function parseSnapshot(text: string, columns: readonly Column[], file: string): Row[] {
  const scan = new Scanner(text, file);
  const header = scan.headerLine();
  const expected = columns.map((column) => column.name).join(',');
  if (header !== expected) throw new SnapshotError(file, 1, `表头应为 ${expected}，实际是 ${header || '（空）'}`);
  const rows: Row[] = [];
  while (scan.skipBlankLines()) {
    const row: Row = {};
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index]!;
      row[column.name] = column.type === 'int' ? scan.int(column.name) : scan.string(column.name, column.type === 'date');
      scan.endOfCell(index === columns.length - 1, columns.length);
    }
    rows.push(row);
  }
  return rows;
}

/** Reads cells straight from the text: numbers without making strings, text with one slice. */
class Scanner {
  private at = 0;
  /** The line the current row starts on (a quoted cell may hold line breaks). */
  private rowLine = 1;
  private line = 1;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.at = 1;
  }

  headerLine(): string {
    const end = this.text.indexOf('\n', this.at);
    const header = this.text.slice(this.at, end === -1 ? this.text.length : end).replace(/\r$/, '');
    this.at = end === -1 ? this.text.length : end + 1;
    this.line = 2;
    return header;
  }

  /** Skips empty lines (a spreadsheet may add one at the end); false at the end of the text. */
  skipBlankLines(): boolean {
    for (;;) {
      const code = this.text.charCodeAt(this.at);
      if (code === newline) this.at++;
      else if (code === carriage && this.text.charCodeAt(this.at + 1) === newline) this.at += 2;
      else break;
      this.line++;
    }
    this.rowLine = this.line;
    return this.at < this.text.length;
  }

  int(name: string): number | null {
    const { text } = this;
    const negative = text.charCodeAt(this.at) === minus;
    if (negative) this.at++;
    let number = 0;
    let digits = 0;
    for (let code = text.charCodeAt(this.at); code >= zero && code <= nine; code = text.charCodeAt(++this.at)) {
      number = number * 10 + (code - zero);
      digits++;
    }
    if (digits === 0 && negative) this.fail(`${name} 应为整数`);
    return digits === 0 ? null : negative ? -number : number;
  }

  string(name: string, isDate: boolean): string | null {
    const value = this.text.charCodeAt(this.at) === quote ? this.quoted(name) : this.plain();
    if (isDate && value !== null && !datePattern.test(value)) this.fail(`${name} 应为 YYYY-MM-DD，实际是 ${value}`);
    return value;
  }

  private plain(): string | null {
    const { text } = this;
    const from = this.at;
    for (let code = text.charCodeAt(this.at); this.at < text.length && code !== comma && code !== newline && code !== carriage; code = text.charCodeAt(++this.at));
    return this.at === from ? null : text.slice(from, this.at);
  }

  private quoted(name: string): string {
    const { text } = this;
    let value = '';
    let from = ++this.at;
    for (;;) {
      const next = text.indexOf('"', this.at);
      if (next === -1) this.fail(`${name} 的引号没有闭合`);
      const doubled = text.charCodeAt(next + 1) === quote;
      value += text.slice(from, doubled ? next + 1 : next);
      this.at = from = next + (doubled ? 2 : 1);
      if (!doubled) break;
    }
    for (let found = value.indexOf('\n'); found !== -1; found = value.indexOf('\n', found + 1)) this.line++;
    return value;
  }

  endOfCell(lastColumn: boolean, width: number): void {
    const code = this.text.charCodeAt(this.at);
    const atEnd = this.at >= this.text.length;
    if (!lastColumn) {
      if (code === comma) return void this.at++;
      this.fail(code === newline || code === carriage || atEnd ? `应有 ${width} 列，这一行少了` : '有一格的值不对（整数里有别的字符，或引号后多了字符）');
    }
    if (code === newline) this.at++;
    else if (code === carriage && this.text.charCodeAt(this.at + 1) === newline) this.at += 2;
    else if (!atEnd) this.fail(code === comma ? `应有 ${width} 列，这一行多了` : '最后一格的值不对（整数里有别的字符，或引号后多了字符）');
    this.line++;
  }

  private fail(problem: string): never {
    throw new SnapshotError(this.file, this.rowLine, problem);
  }
}
