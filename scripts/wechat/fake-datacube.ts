import { articleTotalDays, datacubeFirstDay } from '../platform/index.ts';

/**
 * Statistics for the fake WeChat server, made up from a seed and the same on every run: an account that had about
 * 20,000 followers when WeChat's statistics began and gains a few dozen a day, sends one or two articles most days, read mostly in the evening and from the chat.
 * The numbers hang together as WeChat's do: a day's followers add up to the next day's total, getarticletotal's
 * details are running totals of getarticlesummary's days, and hourly rows add up to about the day's. `revise(day)`
 * changes one day's numbers, as WeChat does when it corrects a past day.
 */

export interface FakeSend {
  /** The day it went out, Beijing time. */
  day: string;
  msg_data_id: string;
  /** One title per article of the mass send, in order (msgid index 1, 2, ...). */
  titles: string[];
}

/**
 * Something that made one day's numbers unusual, for samples and reports to find: reads bought without shares
 * (`extraReads`, given to the day's first article and to the chat, in `hours`, at night by default), followers from
 * a QR code (`extraFollowers`, source 30), or a mass send delivered to only a share of the followers (`delivered`).
 */
export interface FakeEvent {
  day: string;
  extraReads?: number;
  hours?: number[];
  extraFollowers?: number;
  delivered?: number;
}

const dayMs = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / dayMs;
const dayOf = (number: number) => new Date(number * dayMs).toISOString().slice(0, 10);

/** A number in [0, 1) from the seed and the parts: FNV-1a, then a murmur finaliser. */
function noise(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('|')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

const readShares: Array<[number, number]> = [
  [0, 0.42],
  [1, 0.07],
  [2, 0.21],
  [4, 0.09],
  [5, 0.06],
  [6, 0.05],
  [7, 0.1],
];
// Evening-heavy, as for an account that sends at 20:00.
const hourWeights = [3, 2, 1, 1, 1, 2, 4, 8, 10, 9, 8, 8, 9, 7, 6, 6, 6, 7, 9, 12, 22, 18, 12, 6];
const hourTotal = hourWeights.reduce((sum, weight) => sum + weight, 0);
const followShares: Array<[number, number]> = [
  [0, 0.15],
  [1, 0.3],
  [17, 0.08],
  [30, 0.22],
  [57, 0.2],
  [161, 0.05],
];
const topics = ['白茶怎么存', '冬天喝什么茶', '盖碗泡茶的三个细节', '龙井的前世今生', '茶空间的一天', '岩茶入门', '普洱生熟之分', '煮茶还是泡茶'];
const counts = ['int_page_read_user', 'int_page_read_count', 'ori_page_read_user', 'ori_page_read_count', 'share_user', 'share_count', 'add_to_fav_user', 'add_to_fav_count'] as const;
const articleSourceFields = [
  ['int_page_from_session_read_user', 0.45],
  ['int_page_from_hist_msg_read_user', 0.08],
  ['int_page_from_feed_read_user', 0.22],
  ['int_page_from_friends_read_user', 0.07],
  ['int_page_from_kanyikan_read_user', 0.05],
  ['int_page_from_souyisou_read_user', 0.09],
] as const;

type Counts = Record<(typeof counts)[number], number>;

/** Reads → the eight read counts, in proportions an account like this sees; `extra` reads come without shares, from few readers. */
function readCounts(reads: number, key: string, extra = 0): Counts {
  const users = Math.round(reads * (0.78 + 0.1 * noise(key, 'u')) + extra * 0.3);
  const shares = Math.round(reads * (0.03 + 0.02 * noise(key, 's')));
  const favs = Math.round(reads * (0.01 + 0.01 * noise(key, 'f')));
  const original = Math.round(reads * 0.012 * noise(key, 'o'));
  return {
    int_page_read_user: users,
    int_page_read_count: reads + extra,
    ori_page_read_user: Math.round(original * 0.9),
    ori_page_read_count: original,
    share_user: Math.round(shares * 0.8),
    share_count: shares,
    add_to_fav_user: Math.round(favs * 0.95),
    add_to_fav_count: favs,
  };
}

export class FakeDatacube {
  private readonly revisions = new Map<string, number>();
  private cumulative?: { totals: number[]; base: number };

  constructor(
    private readonly seed: number,
    private readonly explicitSends?: readonly FakeSend[],
    private readonly events: readonly FakeEvent[] = [],
  ) {}

  private event(day: string): FakeEvent | undefined {
    return this.events.find((event) => event.day === day);
  }

  /** The bought reads of `day` in `hour` (all of them when no hour is given). */
  private extraReads(day: string, hour?: number): number {
    const event = this.event(day);
    if (!event?.extraReads) return 0;
    const hours = event.hours ?? [1, 2, 3, 4];
    if (hour === undefined) return event.extraReads;
    return hours.includes(hour) ? Math.round(event.extraReads / hours.length) : 0;
  }

  /** The next answers for `day` differ: WeChat corrected it. */
  revise(day: string): void {
    this.revisions.set(day, (this.revisions.get(day) ?? 0) + 1);
    this.cumulative = undefined;
  }

  private key(day: string, ...parts: Array<string | number>): string {
    return [this.seed, day, this.revisions.get(day) ?? 0, ...parts].join('|');
  }

  /** The day's page reads across sources: about 1,500, fewer at weekends, more on send days. */
  private dayReads(day: string): number {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.75 : 1;
    return Math.round((1100 + 800 * noise(this.key(day, 'reads'))) * weekend);
  }

  sends(day: string): FakeSend[] {
    if (this.explicitSends) return this.explicitSends.filter((send) => send.day === day);
    const roll = noise(this.seed, day, 'send');
    if (roll < 0.15) return [];
    const number = dayNumber(day) - dayNumber(datacubeFirstDay);
    const titles = Array.from({ length: roll < 0.75 ? 1 : 2 }, (_, index) => `${topics[Math.floor(noise(this.seed, day, 'topic', index) * topics.length)]}（${day.slice(5)}）`);
    return [{ day, msg_data_id: String(2_247_480_000 + this.seed * 10_000 + number), titles }];
  }

  /** One article's page reads on the day `age` days after it went out. */
  private articleReads(send: FakeSend, index: number, age: number, day: string): number {
    const peak = (600 + 900 * noise(this.seed, send.msg_data_id, index)) / index;
    return Math.max(0, Math.round(peak * 0.38 ** age * (0.85 + 0.3 * noise(this.key(day, send.msg_data_id, index)))));
  }

  private followSource(day: string, source: number, share: number): { new_user: number; cancel_user: number } {
    const extra = source === 30 ? (this.event(day)?.extraFollowers ?? 0) : 0;
    const gained = Math.round((20 + 40 * noise(this.key(day, 'gain'))) * share * (0.6 + 0.8 * noise(this.key(day, 'gain', source)))) + extra;
    return { new_user: gained, cancel_user: Math.round(gained * 0.35 * noise(this.key(day, 'cancel', source))) };
  }

  /** The total on `day`: a running sum of every day's gains and losses since WeChat's first day, kept as it grows. */
  private cumulate(day: string): number {
    if (!this.cumulative) this.cumulative = { totals: [], base: 18_000 + Math.round(4000 * noise(this.seed, 'base')) };
    const { totals, base } = this.cumulative;
    const wanted = dayNumber(day) - dayNumber(datacubeFirstDay);
    while (totals.length <= wanted) {
      const date = dayOf(dayNumber(datacubeFirstDay) + totals.length);
      let net = 0;
      for (const [source, share] of followShares) {
        const { new_user, cancel_user } = this.followSource(date, source, share);
        net += new_user - cancel_user;
      }
      totals.push((totals.at(-1) ?? base) + net);
    }
    return totals[wanted] ?? base;
  }

  /** What the endpoint lists for one day. */
  rows(endpoint: string, day: string, yesterday: string): Array<Record<string, unknown>> {
    switch (endpoint) {
      case 'datacube/getusersummary':
        return followShares.map(([source, share]) => ({ ref_date: day, user_source: source, ...this.followSource(day, source, share) })).filter((row) => row.new_user + row.cancel_user > 0);
      case 'datacube/getusercumulate':
        return [{ ref_date: day, cumulate_user: this.cumulate(day) }];
      case 'datacube/getuserread':
        return readShares.map(([source, share]) => ({ ref_date: day, user_source: source, ...readCounts(Math.round(this.dayReads(day) * share), this.key(day, source), source === 0 ? this.extraReads(day) : 0) }));
      case 'datacube/getuserreadhour':
        return readShares.flatMap(([source, share]) =>
          hourWeights.map((weight, hour) => ({ ref_date: day, ref_hour: hour * 100, user_source: source, ...readCounts(Math.round((this.dayReads(day) * share * weight) / hourTotal), this.key(day, source, hour), source === 0 ? this.extraReads(day, hour) : 0) })),
        ).filter((row) => row.int_page_read_count > 0);
      case 'datacube/getusershare': {
        const shares = Math.round(this.dayReads(day) * 0.04);
        return [
          [1, 0.62],
          [2, 0.33],
          [255, 0.05],
        ].map(([scene, share]) => ({ ref_date: day, share_scene: scene, share_count: Math.round(shares * share!), share_user: Math.round(shares * share! * 0.8) })).filter((row) => row.share_count > 0);
      }
      case 'datacube/getarticlesummary':
        return this.summary(day);
      case 'datacube/getarticletotal':
        return this.totals(day, yesterday);
      default:
        return [];
    }
  }

  private summary(day: string): Array<Record<string, unknown>> {
    const rows = [];
    for (let age = 0; age < articleTotalDays; age++) {
      for (const send of this.sends(dayOf(dayNumber(day) - age))) {
        for (const [position, title] of send.titles.entries()) {
          const reads = this.articleReads(send, position + 1, age, day);
          const extra = age === 0 && position === 0 ? this.extraReads(day) : 0;
          if (reads > 0) rows.push({ ref_date: day, msgid: `${send.msg_data_id}_${position + 1}`, title, ...readCounts(reads, this.key(day, send.msg_data_id, position), extra) });
        }
      }
    }
    return rows;
  }

  /** Sends of `day`, each with running totals for the days from the send to yesterday, seven at most. */
  private totals(day: string, yesterday: string): Array<Record<string, unknown>> {
    return this.sends(day).flatMap((send) =>
      send.titles.map((title, position) => {
        const running: Record<string, number> = {};
        const details = [];
        for (let age = 0; age < articleTotalDays && dayOf(dayNumber(day) + age) <= yesterday; age++) {
          const statDate = dayOf(dayNumber(day) + age);
          const extra = age === 0 && position === 0 ? this.extraReads(statDate) : 0;
          const daily = readCounts(this.articleReads(send, position + 1, age, statDate), this.key(statDate, send.msg_data_id, position), extra);
          for (const field of counts) running[field] = (running[field] ?? 0) + daily[field];
          const users = running.int_page_read_user!;
          let assigned = 0;
          const sources: Record<string, number> = {};
          for (const [field, share] of articleSourceFields) assigned += sources[field] = Math.round(users * share);
          details.push({ stat_date: statDate, target_user: Math.round(this.cumulate(day) * (this.event(day)?.delivered ?? 1)), ...running, ...sources, int_page_from_other_read_user: Math.max(0, users - assigned) });
        }
        return { ref_date: day, msgid: `${send.msg_data_id}_${position + 1}`, title, details };
      }),
    );
  }
}
