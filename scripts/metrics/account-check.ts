import { basename } from 'node:path';
import type { Row } from './datasets.ts';
import type { ImportedRows } from './import-rows.ts';
import { normalTitle } from './join.ts';

/**
 * Whether an export belongs to another account of the repository: the name in its file name or title, the
 * articles it lists, or a follower total far from the one already recorded for the same days. An agency downloads
 * many accounts' exports in one afternoon; filing one under the wrong account would be silent and lasting.
 */

export interface AccountFacts {
  id: string;
  name: string;
  titles: ReadonlySet<string>;
}

export function wrongAccountReason(imported: ImportedRows, file: string, account: AccountFacts, others: readonly AccountFacts[], recordedFollowers: readonly Row[]): string | undefined {
  return byName(imported, file, account, others) ?? byTitles(imported, account, others) ?? byFollowers(imported, account, recordedFollowers);
}

function byName(imported: ImportedRows, file: string, account: AccountFacts, others: readonly AccountFacts[]): string | undefined {
  const text = normalTitle([basename(file), imported.sheet ?? '', ...imported.preamble].join(' '));
  const names = (facts: AccountFacts) => [facts.name, facts.id].map(normalTitle).filter((name) => name.length >= 2);
  if (names(account).some((name) => text.includes(name))) return undefined;
  const other = others.find((facts) => names(facts).some((name) => text.includes(name)));
  return other && `文件名或表格标题写的是“${other.name}”（${other.id}），不是“${account.name}”`;
}

function byTitles(imported: ImportedRows, account: AccountFacts, others: readonly AccountFacts[]): string | undefined {
  if (imported.dataset !== 'articles') return undefined;
  const titles = [...new Set(imported.rows.flatMap((row) => (typeof row.title === 'string' ? [normalTitle(row.title)] : [])))];
  if (titles.some((title) => account.titles.has(title))) return undefined;
  for (const other of others) {
    const theirs = titles.filter((title) => other.titles.has(title));
    if (theirs.length) return `其中的文章（如《${theirs[0]}》）是“${other.name}”（${other.id}）的，“${account.name}”没有这些文章`;
  }
  return undefined;
}

function byFollowers(imported: ImportedRows, account: AccountFacts, recorded: readonly Row[]): string | undefined {
  if (imported.dataset !== 'followers') return undefined;
  const known = new Map(recorded.flatMap((row) => (typeof row.cumulate_user === 'number' ? [[row.date, row.cumulate_user] as const] : [])));
  const pairs = imported.rows.flatMap((row) => {
    const before = known.get(row.date);
    return typeof row.cumulate_user === 'number' && before !== undefined ? [[row.cumulate_user, before] as const] : [];
  });
  // WeChat corrects a day by a handful of followers, never by a twentieth of the account.
  if (pairs.length < 3 || !pairs.every(([now, before]) => Math.abs(now - before) > 0.05 * Math.max(before, 1))) return undefined;
  const [now, before] = pairs[0]!;
  return `同样的日子里，快照记录的累积关注人数是 ${before}，这个文件是 ${now}：差得太多，不像是“${account.name}”的数据`;
}
