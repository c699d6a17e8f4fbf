import type { Column, Row } from './datasets.ts';
import { openSnapshot } from './snapshot-csv.ts';

/**
 * A snapshot file read column by column, for loading every account's archive at once (a report over an agency's
 * fifty accounts): numbers into Float64Arrays (NaN for an empty cell), text into arrays where a value equal to the
 * row above is the same string. Rows (parseSnapshot) are for merging one account's files.
 */
export interface Frame {
  length: number;
  numbers: Record<string, Float64Array>;
  strings: Record<string, Array<string | null>>;
}

export interface FrameFile {
  bytes: Buffer;
  /** As messages name it. */
  file: string;
}

/** The rows of several files of one dataset (its years, in order) as one frame. */
export function parseFrame(files: readonly FrameFile[], columns: readonly Column[]): Frame {
  let capacity = 0;
  for (const { bytes } of files) for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) capacity++;
  const numbers: Record<string, Float64Array> = {};
  const strings: Record<string, Array<string | null>> = {};
  const numberTargets = columns.map((column) => (column.type === 'int' ? (numbers[column.name] = new Float64Array(capacity + files.length)) : undefined));
  const stringTargets = columns.map((column) => {
    if (column.type === 'int') return undefined;
    const list: Array<string | null> = [];
    return (strings[column.name] = list);
  });
  const names = columns.map((column) => column.name);
  const dates = columns.map((column) => column.type === 'date');
  const last = columns.length - 1;
  let length = 0;
  for (const { bytes, file } of files) {
    const scan = openSnapshot(bytes, columns, file);
    while (scan.skipBlankLines()) {
      for (let index = 0; index <= last; index++) {
        const target = numberTargets[index];
        if (target) target[length] = scan.int(names[index]!);
        else stringTargets[index]!.push(scan.string(index, names[index]!, dates[index]!));
        scan.endOfCell(index === last, columns.length);
      }
      length++;
    }
  }
  for (const name of Object.keys(numbers)) numbers[name] = numbers[name]!.subarray(0, length);
  return { length, numbers, strings };
}

/** A frame's rows, as parseSnapshot gives them. */
export function frameRows(frame: Frame, columns: readonly Column[]): Row[] {
  return Array.from({ length: frame.length }, (_, index) => {
    const row: Row = {};
    for (const { name, type } of columns) {
      const number = type === 'int' ? frame.numbers[name]![index]! : 0;
      row[name] = type === 'int' ? (Number.isNaN(number) ? null : number) : frame.strings[name]![index]!;
    }
    return row;
  });
}
