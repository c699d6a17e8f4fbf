import { beijingClock } from '../shared/beijing-time.ts';
import { previewOf, type DeskArticle } from './articles.ts';
import { alwaysShown, boardStatuses, knownStatus, statusNames } from './statuses.ts';

/** One article card on the board. */
export interface BoardCard {
  file: string;
  title: string;
  status: string;
  publishAt?: string;
  /** `2026-12-03 20:00 北京时间`. */
  beijing?: string;
  /** Relative to the output folder. */
  preview?: string;
  thumbnail?: string;
  lint?: { errors: number; warnings: number };
}

export interface BoardColumn {
  status: string;
  name: string;
  cards: BoardCard[];
}

/** An article that did not build: its first error, where it is and what it says. */
export interface FailedCard {
  file: string;
  title: string;
  /** The status as written, in Chinese when it is one the schema knows; empty when it could not be read. */
  status: string;
  statusName?: string;
  /** `file:line:column`. */
  where: string;
  message: string;
  ruleId: string;
}

export interface Board {
  columns: BoardColumn[];
  failed: FailedCard[];
}

/** Publish time first (none last), then file: the order of `mpdesk list`. */
const byPublishTime = (a: BoardCard, b: BoardCard) => timeOf(a) - timeOf(b) || a.file.localeCompare(b.file);
const timeOf = (card: BoardCard) => (card.publishAt === undefined ? Infinity : Date.parse(card.publishAt) || 0);

function cardOf(article: DeskArticle): BoardCard {
  const preview = previewOf(article);
  const valid = article.publishAt !== undefined && !Number.isNaN(Date.parse(article.publishAt));
  return {
    file: article.file,
    title: article.title,
    status: knownStatus(article.status),
    ...(article.publishAt !== undefined ? { publishAt: article.publishAt } : {}),
    ...(valid ? { beijing: beijingClock(article.publishAt!) } : {}),
    ...(preview !== undefined ? { preview } : {}),
    ...(article.dir !== undefined && article.thumbnail !== undefined ? { thumbnail: `${article.dir}/${article.thumbnail}` } : {}),
    ...(article.lint ? { lint: article.lint } : {}),
  };
}

/**
 * One account's board: a column per status in the order articles move (草稿 to 已发布 always, 已归档 and 状态未知
 * when they hold a card), built articles as cards by publish time; the failed ones apart, each with its first error.
 */
export function boardOf(articles: readonly DeskArticle[]): Board {
  const built = articles.filter((article) => article.error === undefined).map(cardOf).sort(byPublishTime);
  const columns = boardStatuses
    .map((status) => ({ status, name: statusNames[status]!, cards: built.filter((card) => card.status === status) }))
    .filter((column) => alwaysShown.has(column.status) || column.cards.length > 0);
  const failed = articles.flatMap((article): FailedCard[] => {
    const { error } = article;
    if (!error) return [];
    const name = article.status ? statusNames[knownStatus(article.status)] : undefined;
    return [{ file: article.file, title: article.title, status: article.status, ...(name ? { statusName: name } : {}), where: `${error.file}:${error.line}:${error.column}`, message: error.message, ruleId: error.ruleId }];
  });
  failed.sort((a, b) => a.file.localeCompare(b.file));
  return { columns, failed };
}
