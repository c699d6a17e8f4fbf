import type { ArticleFile } from '../content/index.ts';
import { WechatError, type WechatClient } from '../wechat/index.ts';
import { markCovered, readCoverage, writeCoverage, type Coverage } from './coverage.ts';
import { daysFrom } from './dates.ts';
import { datasetNames } from './datasets.ts';
import { parseResponse, ResponseProblem, type ParsedRows } from './parse-responses.ts';
import { planPull, pulledThrough, type PlanOptions, type PlannedCall } from './planner.ts';
import { snapshotDir } from './snapshot-store.ts';
import { writeSnapshots, type WriteResult } from './write-snapshots.ts';

export interface PullAccountOptions extends PlanOptions {
  root: string;
  account: string;
  /** The account's articles, for linking article rows. */
  articles: readonly ArticleFile[];
  client: Pick<WechatClient, 'post'>;
  clock: () => number;
  /** Calls between saves (default 500). */
  saveEvery?: number;
  /** Before each call, and once at the end without one. */
  onProgress?: (done: number, total: number, call?: PlannedCall) => void;
}

export interface PullResult extends WriteResult {
  account: string;
  /** The newest day asked for. */
  until: string;
  calls: number;
  planned: number;
  notes: string[];
  /** Answers that were not what the endpoint promises: nothing of them was written. */
  problems: string[];
  /** Why the pull stopped before the end (the day's quota, the IP whitelist...): what was done is kept. */
  stopped?: { kind: WechatError['kind']; message: string; resumeAt?: string };
}

/**
 * Pulls one account: plans the calls, makes them one after another, checks every answer, and writes what came
 * back into the snapshots and coverage.csv, including when WeChat stops it half-way.
 */
export async function pullAccount(options: PullAccountOptions): Promise<PullResult> {
  const dir = snapshotDir(options.root, options.account);
  const { coverage, text } = await readCoverage(dir, `reports/${options.account}/metrics`);
  const plan = planPull(coverage, options, options.clock());
  const saver = new Saver(options, dir, coverage, text);
  const problems: string[] = [];
  let stopped: PullResult['stopped'];
  let calls = 0;
  for (const call of plan.calls) {
    options.onProgress?.(calls, plan.calls.length, call);
    if (calls > 0 && calls % (options.saveEvery ?? saveEvery) === 0) await saver.save();
    let body: Record<string, unknown>;
    try {
      calls++;
      body = await options.client.post(call.endpoint, { begin_date: call.begin, end_date: call.end }, { idempotent: true });
    } catch (error) {
      if (!(error instanceof WechatError)) throw error;
      stopped = { kind: error.kind, message: error.message, ...(error.resumeAt ? { resumeAt: error.resumeAt } : {}) };
      break;
    }
    try {
      saver.add(parseResponse(call.endpoint, call, body));
    } catch (error) {
      if (!(error instanceof ResponseProblem)) throw error;
      problems.push(error.message);
      continue;
    }
    for (const day of daysFrom(call.begin, call.end)) markCovered(coverage, call.endpoint, day, pulledThrough(call.endpoint, day, plan.until));
  }
  options.onProgress?.(calls, plan.calls.length);
  const written = await saver.save();
  return { account: options.account, until: plan.until, calls, planned: plan.calls.length, notes: plan.notes, problems, ...(stopped ? { stopped } : {}), ...written };
}

/** A long pull saves every this many calls: one cut off (a killed job, a lost machine) keeps most of its work. */
const saveEvery = 500;

/** The rows of the calls since the last save, and what the saves so far wrote. */
class Saver {
  private rows: ParsedRows = {};
  private readonly total: WriteResult = { changes: {}, written: [], added: 0, revised: 0, unmatched: [], ambiguous: [] };

  constructor(
    private readonly options: PullAccountOptions,
    private readonly dir: string,
    private readonly coverage: Coverage,
    private coverageText: string | undefined,
  ) {}

  add(parsed: ParsedRows): void {
    for (const name of datasetNames) if (parsed[name]) (this.rows[name] ??= []).push(...parsed[name]);
  }

  /** Writes the rows, then coverage.csv (in that order: a day is marked pulled only once its rows are kept). */
  async save(): Promise<WriteResult> {
    const { options, total } = this;
    const written = await writeSnapshots(options.root, options.account, options.articles, this.rows);
    this.rows = {};
    const before = this.coverageText;
    this.coverageText = await writeCoverage(this.dir, this.coverage, before);
    const files = [...written.written, ...(this.coverageText !== before ? [`reports/${options.account}/metrics/coverage.csv`] : [])];
    for (const name of datasetNames) {
      const change = written.changes[name];
      if (!change) continue;
      const sum = (total.changes[name] ??= { added: 0, revised: 0, relinked: 0 });
      sum.added += change.added;
      sum.revised += change.revised;
      sum.relinked += change.relinked;
    }
    total.written = [...new Set([...total.written, ...files])];
    total.added += written.added;
    total.revised += written.revised;
    total.unmatched = written.unmatched;
    total.ambiguous = written.ambiguous;
    return total;
  }
}
