import { articleTotalDays, codeName, followSources, msgidPattern, readSources, shareScenes, type DatacubeEndpoint } from '../platform/index.ts';
import { isCalendarDate } from '../shared/calendar-date.ts';
import { isObject } from '../shared/json-shape.ts';
import { addDays, daysFrom, type Day, type Span } from './dates.ts';
import { articleSources, readCounts, type DatasetName, type Row } from './datasets.ts';

/** WeChat's user_source for all sources together. */
const allSources = 99999999;

/** An answer that is not what the endpoint promises: reported with the endpoint and the dates, never written. */
export class ResponseProblem extends Error {
  override name = 'ResponseProblem';
  constructor(
    readonly endpoint: string,
    readonly span: Span,
    problem: string,
  ) {
    super(`${endpoint} ${span.begin === span.end ? span.begin : `${span.begin} 至 ${span.end}`}：${problem}`);
  }
}

export type ParsedRows = Partial<Record<DatasetName, Row[]>>;

type Item = Record<string, unknown>;

/** Days already found to be real calendar days: every row of an answer repeats its few. */
const knownDays = new Set<string>();

/** Reads one item's fields, naming the item and field in what it throws. */
class ItemReader {
  constructor(
    private readonly endpoint: string,
    private readonly span: Span,
    private readonly item: Item,
    private readonly where: string,
  ) {}

  fail(problem: string): never {
    throw new ResponseProblem(this.endpoint, this.span, `${this.where}${problem}`);
  }

  /** A count: a non-negative integer (WeChat sometimes sends digits as a string). */
  count(field: string): number {
    const value = this.item[field];
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (value === undefined || value === null) this.fail(`缺少 ${field}`);
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) this.fail(`${field} 应为非负整数，实际是 ${JSON.stringify(value)}`);
    return number;
  }

  optionalCount(field: string): number | null {
    return this.item[field] === undefined ? null : this.count(field);
  }

  text(field: string): string {
    const value = this.item[field];
    if (typeof value !== 'string' && typeof value !== 'number') this.fail(`缺少 ${field}`);
    return String(value);
  }

  /** A date inside [from, to]. */
  day(field: string, from: Day, to: Day): Day {
    const value = this.text(field);
    if (!knownDays.has(value)) {
      if (!isCalendarDate(value)) this.fail(`${field} 应为 YYYY-MM-DD，实际是 ${value}`);
      knownDays.add(value);
    }
    if (value < from || value > to) this.fail(`${field} ${value} 不在 ${from} 至 ${to} 之内`);
    return value;
  }

  list(field: string): unknown[] {
    const value = this.item[field];
    if (!Array.isArray(value)) this.fail(`缺少 ${field}`);
    return value;
  }

  counts(fields: readonly string[]): Row {
    return Object.fromEntries(fields.map((field) => [field, this.count(field)]));
  }
}

function items(endpoint: string, span: Span, body: Record<string, unknown>): ItemReader[] {
  if (!Array.isArray(body.list)) throw new ResponseProblem(endpoint, span, '回答缺少 list');
  return body.list.map((item: unknown, index) => {
    if (!isObject(item)) throw new ResponseProblem(endpoint, span, `第 ${index + 1} 条不是对象`);
    return new ItemReader(endpoint, span, item, `第 ${index + 1} 条`);
  });
}

/** Rows keyed by `key` must be unique within one answer: a repeated one means the answer is garbled. */
function unique(endpoint: string, span: Span, rows: Row[], key: (row: Row) => string): Row[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const id = key(row);
    if (seen.has(id)) throw new ResponseProblem(endpoint, span, `同一行出现了两次（${id.replace(/\u0000/g, ' ')}）`);
    seen.add(id);
  }
  return rows;
}

type Parser = (endpoint: string, span: Span, body: Record<string, unknown>) => ParsedRows;

const parsers: Record<DatacubeEndpoint, Parser> = {
  'datacube/getusersummary'(endpoint, span, body) {
    const sources = items(endpoint, span, body).map((item) => {
      const source = item.count('user_source');
      return { date: item.day('ref_date', span.begin, span.end), user_source: source, user_source_name: codeName(followSources, source), new_user: item.count('new_user'), cancel_user: item.count('cancel_user') };
    });
    unique(endpoint, span, sources, (row) => `${row.date}\u0000${row.user_source}`);
    // A day without a row had no one following or leaving from any source.
    const followers = daysFrom(span.begin, span.end).map((date) => {
      const day = sources.filter((row) => row.date === date);
      return { date, new_user: day.reduce((sum, row) => sum + row.new_user, 0), cancel_user: day.reduce((sum, row) => sum + row.cancel_user, 0) };
    });
    return { 'follower-sources': sources, followers };
  },
  'datacube/getusercumulate'(endpoint, span, body) {
    const rows = items(endpoint, span, body).map((item) => ({ date: item.day('ref_date', span.begin, span.end), cumulate_user: item.count('cumulate_user') }));
    unique(endpoint, span, rows, (row) => String(row.date));
    const missing = daysFrom(span.begin, span.end).filter((day) => !rows.some((row) => row.date === day));
    if (missing.length) throw new ResponseProblem(endpoint, span, `缺少 ${missing.join('、')} 的累积关注人数`);
    return { followers: rows };
  },
  'datacube/getuserread'(endpoint, span, body) {
    const rows = items(endpoint, span, body).map((item) => {
      const source = item.count('user_source');
      return { date: item.day('ref_date', span.begin, span.end), user_source: source, user_source_name: codeName(readSources, source), ...item.counts(readCounts) };
    });
    return { daily: unique(endpoint, span, rows, (row) => `${row.date}\u0000${row.user_source}`) };
  },
  'datacube/getuserreadhour'(endpoint, span, body) {
    const rows = items(endpoint, span, body).map((item) => {
      const refHour = item.count('ref_hour');
      if (refHour % 100 !== 0 || refHour > 2300) item.fail(`ref_hour 应为 0、100……2300，实际是 ${refHour}`);
      return { date: item.day('ref_date', span.begin, span.end), hour: refHour / 100, user_source: item.count('user_source'), counts: item.counts(readCounts) };
    });
    unique(endpoint, span, rows.map(({ counts, ...key }) => key), (row) => `${row.date}\u0000${row.hour}\u0000${row.user_source}`);
    return { hourly: hourTotals(rows) };
  },
  'datacube/getusershare'(endpoint, span, body) {
    const rows = items(endpoint, span, body).map((item) => {
      const scene = item.count('share_scene');
      return { date: item.day('ref_date', span.begin, span.end), share_scene: scene, share_scene_name: codeName(shareScenes, scene), share_count: item.count('share_count'), share_user: item.count('share_user') };
    });
    return { shares: unique(endpoint, span, rows, (row) => `${row.date}\u0000${row.share_scene}`) };
  },
  'datacube/getarticlesummary'(endpoint, span, body) {
    const rows = items(endpoint, span, body).map((item) => ({ date: item.day('ref_date', span.begin, span.end), msgid: msgid(item), title: item.text('title'), ...item.counts(readCounts) }));
    return { articles: unique(endpoint, span, rows, (row) => `${row.date}\u0000${row.msgid}`) };
  },
  'datacube/getarticletotal'(endpoint, span, body) {
    const rows = items(endpoint, span, body).flatMap((item) => {
      const sent = item.day('ref_date', span.begin, span.end);
      const article = { msgid: msgid(item), title: item.text('title'), publish_date: sent };
      return item.list('details').map((detail: unknown, index) => {
        const where = `《${article.title}》的第 ${index + 1} 个 details `;
        if (!isObject(detail)) throw new ResponseProblem(endpoint, span, `${where}不是对象`);
        const reader = new ItemReader(endpoint, span, detail, where);
        const sources = Object.fromEntries(articleSources.map((field) => [field, reader.optionalCount(field)]));
        return { stat_date: reader.day('stat_date', sent, addDays(sent, articleTotalDays - 1)), ...article, target_user: reader.count('target_user'), ...reader.counts(readCounts), ...sources };
      });
    });
    return { 'article-totals': unique(endpoint, span, rows, (row) => `${row.stat_date}\u0000${row.msgid}`) };
  },
};

/** One row an hour: WeChat's all-sources row (99999999) where it gives one, else the sum of the sources. */
function hourTotals(rows: ReadonlyArray<{ date: string; hour: number; user_source: number; counts: Row }>): Row[] {
  const hours = new Map<string, Array<(typeof rows)[number]>>();
  for (const row of rows) {
    const key = `${row.date} ${row.hour}`;
    const list = hours.get(key);
    if (list) list.push(row);
    else hours.set(key, [row]);
  }
  return [...hours.values()].map((list) => {
    const all = list.find((row) => row.user_source === allSources);
    const sum = (field: string) => list.reduce((total, row) => total + Number(row.counts[field]), 0);
    return { date: list[0]!.date, hour: list[0]!.hour, ...Object.fromEntries(readCounts.map((field) => [field, all ? all.counts[field]! : sum(field)])) };
  });
}

function msgid(item: ItemReader): string {
  const value = item.text('msgid');
  if (!msgidPattern.test(value)) item.fail(`msgid 应为 <msg_data_id>_<序号>，实际是 ${value}`);
  return value;
}

/** The rows of one answer, by dataset; throws a ResponseProblem for anything the endpoint does not promise. */
export function parseResponse(endpoint: DatacubeEndpoint, span: Span, body: Record<string, unknown>): ParsedRows {
  return parsers[endpoint](endpoint, span, body);
}
