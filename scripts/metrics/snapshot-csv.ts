import type { Cell, Column, Row } from './datasets.ts';

/**
 * The snapshot files' CSV: RFC 4180 with LF line ends, a header of the column names, numbers written as plain
 * integers and text quoted only where it has to be. The file starts with a UTF-8 byte order mark, which Excel
 * needs to read Chinese and which DuckDB and pandas skip.
 *
 * Read back by a scanner of its own over the bytes, checked against csv-parse in the tests: csv-parse takes about
 * 6 s for a million rows, and loading an agency's three years (several million) has to stay under 2 s.
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

/** Reads the header line and checks it names the columns in their order. */
export function openSnapshot(input: string | Buffer, columns: readonly Column[], file: string): ByteScanner {
  const scan = new ByteScanner(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, file);
  const expected = columns.map((column) => column.name).join(',');
  const header = scan.headerLine();
  if (header !== expected) throw new SnapshotError(file, 1, `表头应为 ${expected}，实际是 ${header || '（空）'}`);
  return scan;
}

/** The rows of a snapshot file; throws a SnapshotError naming the line of the first cell that does not fit. */
export function parseSnapshot(input: string | Buffer, columns: readonly Column[], file: string): Row[] {
  const scan = openSnapshot(input, columns, file);
  const rows: Row[] = [];
  while (scan.skipBlankLines()) {
    const row: Row = {};
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index]!;
      if (column.type === 'int') {
        const number = scan.int(column.name);
        row[column.name] = Number.isNaN(number) ? null : number;
      } else {
        row[column.name] = scan.string(index, column.name, column.type === 'date');
      }
      scan.endOfCell(index === columns.length - 1, columns.length);
    }
    rows.push(row);
  }
  return rows;
}

/** Reads cells straight from the bytes: numbers without making strings, text decoded once per distinct run. */
export class ByteScanner {
  private at = 0;
  private line = 1;
  private rowLine = 1;
  /** Per column: where the last plain value was, and the string made of it. */
  private readonly lastFrom: number[] = [];
  private readonly lastTo: number[] = [];
  private readonly lastValue: string[] = [];
  /** Per column: the values decoded so far, by a hash of their bytes. */
  private readonly seen: Array<Map<number, { from: number; to: number; value: string }>> = [];

  constructor(
    private readonly bytes: Buffer,
    private readonly file: string,
  ) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.at = 3;
  }

  headerLine(): string {
    const end = this.bytes.indexOf(newline, this.at);
    const stop = end === -1 ? this.bytes.length : end;
    const header = this.bytes.toString('utf8', this.at, stop).replace(/\r$/, '');
    this.at = end === -1 ? stop : end + 1;
    this.line = 2;
    return header;
  }

  skipBlankLines(): boolean {
    const { bytes } = this;
    for (;;) {
      if (bytes[this.at] === newline) this.at++;
      else if (bytes[this.at] === carriage && bytes[this.at + 1] === newline) this.at += 2;
      else break;
      this.line++;
    }
    this.rowLine = this.line;
    return this.at < bytes.length;
  }

  int(name: string): number {
    const { bytes } = this;
    let at = this.at;
    const negative = bytes[at] === minus;
    if (negative) at++;
    const from = at;
    let number = 0;
    for (let code = bytes[at]!; code >= zero && code <= nine; code = bytes[++at]!) number = number * 10 + (code - zero);
    this.at = at;
    if (at === from) {
      if (negative) this.fail(`${name} 应为整数`);
      return Number.NaN;
    }
    return negative ? -number : number;
  }

  string(index: number, name: string, isDate: boolean): string | null {
    if (this.bytes[this.at] !== quote) return this.plain(index, name, isDate);
    const value = this.quoted(name);
    if (isDate) this.checkDate(name, value);
    return value;
  }

  private checkDate(name: string, value: string): void {
    if (!datePattern.test(value)) this.fail(`${name} 应为 YYYY-MM-DD，实际是 ${value}`);
  }

  private plain(index: number, name: string, isDate: boolean): string | null {
    const { bytes } = this;
    const from = this.at;
    let at = from;
    let hash = 0x811c9dc5;
    for (let code = bytes[at]!; at < bytes.length && code !== comma && code !== newline && code !== carriage; code = bytes[++at]!) hash = Math.imul(hash ^ code, 0x01000193);
    this.at = at;
    if (at === from) return null;
    // A column repeats its values (the date down a day's rows, a title on each day of its article, a source's
    // name): each distinct value is decoded once, found again by a hash of its bytes.
    const lastFrom = this.lastFrom[index];
    if (lastFrom !== undefined && this.lastTo[index]! - lastFrom === at - from && this.sameBytes(lastFrom, from, at - from)) return this.lastValue[index]!;
    const seen = (this.seen[index] ??= new Map()).get(hash);
    let value = seen && seen.to - seen.from === at - from && this.sameBytes(seen.from, from, at - from) ? seen.value : undefined;
    if (value === undefined) {
      value = bytes.toString('utf8', from, at);
      if (isDate) this.checkDate(name, value);
      this.seen[index]!.set(hash, { from, to: at, value });
    }
    this.lastFrom[index] = from;
    this.lastTo[index] = at;
    this.lastValue[index] = value;
    return value;
  }

  private sameBytes(a: number, b: number, length: number): boolean {
    for (let i = 0; i < length; i++) if (this.bytes[a + i] !== this.bytes[b + i]) return false;
    return true;
  }

  private quoted(name: string): string {
    const { bytes } = this;
    const from = ++this.at;
    let doubled = false;
    for (;;) {
      const next = bytes.indexOf(quote, this.at);
      if (next === -1) this.fail(`${name} 的引号没有闭合`);
      if (bytes[next + 1] === quote) {
        doubled = true;
        this.at = next + 2;
        continue;
      }
      this.at = next + 1;
      const raw = bytes.toString('utf8', from, next);
      for (let found = raw.indexOf('\n'); found !== -1; found = raw.indexOf('\n', found + 1)) this.line++;
      return doubled ? raw.replace(/""/g, '"') : raw;
    }
  }

  endOfCell(lastColumn: boolean, width: number): void {
    const { bytes } = this;
    const code = bytes[this.at];
    const atEnd = this.at >= bytes.length;
    if (!lastColumn) {
      if (code === comma) return void this.at++;
      this.fail(code === newline || code === carriage || atEnd ? `应有 ${width} 列，这一行少了` : '有一格的值不对（整数里有别的字符，或引号后多了字符）');
    }
    if (code === newline) this.at++;
    else if (code === carriage && bytes[this.at + 1] === newline) this.at += 2;
    else if (!atEnd) this.fail(code === comma ? `应有 ${width} 列，这一行多了` : '最后一格的值不对（整数里有别的字符，或引号后多了字符）');
    this.line++;
  }

  private fail(problem: string): never {
    throw new SnapshotError(this.file, this.rowLine, problem);
  }
}
