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

export function parseFrame(bytes: Buffer, columns: readonly Column[], file: string): Frame {
  const scan = openSnapshot(bytes, columns, file);
  let capacity = 1;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) capacity++;
  const numbers: Record<string, Float64Array> = {};
  const strings: Record<string, Array<string | null>> = {};
  const targets = columns.map((column): Float64Array | Array<string | null> => {
    if (column.type === 'int') return (numbers[column.name] = new Float64Array(capacity));
    const list = new Array<string | null>(capacity);
    strings[column.name] = list;
    return list;
  });
  const names = columns.map((column) => column.name);
  const dates = columns.map((column) => column.type === 'date');
  const numberTargets = targets.map((target) => (target instanceof Float64Array ? target : undefined));
  const stringTargets = targets.map((target) => (target instanceof Float64Array ? undefined : target));
  const last = columns.length - 1;
  let length = 0;
  while (scan.skipBlankLines()) {
    for (let index = 0; index <= last; index++) {
      const numbers = numberTargets[index];
      if (numbers) numbers[length] = scan.int(names[index]!);
      else stringTargets[index]![length] = scan.string(index, names[index]!, dates[index]!);
      scan.endOfCell(index === last, columns.length);
    }
    length++;
  }
  for (const name of Object.keys(numbers)) numbers[name] = numbers[name]!.subarray(0, length);
  for (const list of Object.values(strings)) list.length = length;
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
