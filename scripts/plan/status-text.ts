import { formatTable } from '../output/table.ts';
import { entryStatuses, statusLabels, type StatusRow } from './status.ts';

/** The status table for people: one line per row, columns aligned by display width, a count by status below. */
export function statusText(rows: readonly StatusRow[]): string {
  if (rows.length === 0) return '计划里还没有条目。\n';
  const multiple = new Set(rows.map((row) => row.account)).size > 1;
  const headers = [...(multiple ? ['账号'] : []), '条目', '发布时间（北京时间）', '选题', '形式', '负责人', '状态', '文章'];
  const cells = rows.map((row) => [
    ...(multiple ? [row.account] : []),
    row.entry ?? '计划外',
    row.beijing,
    row.topic,
    row.format ?? '—',
    row.owner ?? '—',
    `${statusLabels[row.status]} ${row.status}`,
    row.articles.map((article) => article.file.split('/').at(-2)).join('、') || '—',
  ]);
  const counts = entryStatuses.flatMap((status) => {
    const count = rows.filter((row) => row.status === status).length;
    return count ? [`${statusLabels[status]} ${count}`] : [];
  });
  const entries = rows.filter((row) => row.entry !== null).length;
  const unplanned = rows.length - entries;
  return `${formatTable(headers, cells)}\n共 ${entries} 个条目${unplanned ? `、${unplanned} 篇计划外文章` : ''}：${counts.join('，')}。\n`;
}
