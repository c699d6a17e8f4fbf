import { parse } from 'csv-parse/sync';

/** Reads per hour of the day in China time (24 numbers), or why the file could not be read as such. */
export type HourlyReads = { ok: true; reads: number[] } | { ok: false; line: number; problem: string };

// The metrics snapshot (`hourly-<year>.csv`) has `hour` 0–23 and WeChat's `int_page_read_count`; an export straight
// from getuserreadhour has `ref_hour` 0, 100 … 2300. Anything else is a layout this check does not know.
const hourColumns: Record<string, number> = { hour: 1, ref_hour: 100 };
const readColumns = ['int_page_read_count', '阅读次数'];

/**
 * Sums the reads in an hourly snapshot by hour. Read defensively: an unknown header, a ragged row or a cell that is
 * not a count is a problem with its line, and nothing of the file is used.
 */
export function readHourlyReads(text: string): HourlyReads {
  let records: string[][];
  const lines: number[] = [];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, on_record: (record, context) => (lines.push(context.lines), record) });
  } catch (error) {
    const line = error instanceof Error && 'lines' in error && typeof error.lines === 'number' ? error.lines : 1;
    return { ok: false, line, problem: `不是有效的 CSV：${error instanceof Error ? error.message : String(error)}` };
  }
  const header = records[0]?.map((name) => name.trim()) ?? [];
  const hourAt = header.findIndex((name) => name in hourColumns);
  const readsAt = header.findIndex((name) => readColumns.includes(name));
  if (hourAt < 0 || readsAt < 0) {
    return { ok: false, line: 1, problem: `表头应有 hour 和 int_page_read_count 两列，实际是 ${header.join(',') || '（空）'}` };
  }
  const step = hourColumns[header[hourAt]!]!;
  const reads = Array.from({ length: 24 }, () => 0);
  for (const [index, record] of records.entries()) {
    if (index === 0) continue;
    const line = lines[index] ?? index + 1;
    const hour = count(record[hourAt]);
    const value = count(record[readsAt]);
    if (hour === undefined || hour % step !== 0 || hour / step > 23) return { ok: false, line, problem: `${header[hourAt]} 应为 0–23 点（ref_hour 为 0–2300），实际是“${record[hourAt]}”` };
    // An empty count is a number WeChat did not give: nothing to add.
    if (record[readsAt]?.trim() === '') continue;
    if (value === undefined) return { ok: false, line, problem: `${header[readsAt]} 应为非负整数，实际是“${record[readsAt]}”` };
    reads[hour / step]! += value;
  }
  return { ok: true, reads };
}

function count(cell: string | undefined): number | undefined {
  return cell !== undefined && /^\d+$/.test(cell.trim()) ? Number(cell.trim()) : undefined;
}
