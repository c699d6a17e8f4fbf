/** How the desk names each article status: the board's columns and the calendar's marks use the same words. */
export const statusNames: Record<string, string> = {
  draft: '草稿',
  review: '待审',
  approved: '已批准',
  scheduled: '已排期',
  published: '已发布',
  archived: '已归档',
  unknown: '状态未知',
};

/** The board's columns, in the order an article moves through them; `archived` and `unknown` only when they hold one. */
export const boardStatuses = ['draft', 'review', 'approved', 'scheduled', 'published', 'archived', 'unknown'] as const;
export const alwaysShown: ReadonlySet<string> = new Set(['draft', 'review', 'approved', 'scheduled', 'published']);

/** A status the schema knows, or `unknown` (validate says what is wrong with it). */
export const knownStatus = (status: string): string => (status in statusNames ? status : 'unknown');

/** Gone out: published, or archived after it was. */
export const isOut = (status: string): boolean => status === 'published' || status === 'archived';
