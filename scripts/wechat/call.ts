import { beijingClock } from '../shared/beijing-time.ts';
import { errcodeFact, minuteQuotaWaitMs, nextQuotaReset, wechatApiBase, wechatApiBaseEnv, type ErrcodeFact } from '../platform/index.ts';
import { Redactor, WechatError } from './errors.ts';
import { exchange, type Exchange, type ExchangeSettings } from './exchange.ts';
import type { TokenSource } from './token.ts';

/** One API call as a method asks for it. */
export interface CallSpec {
  endpoint: string;
  body: string | FormData;
  query?: Record<string, string>;
  /** Repeating it after a lost answer does no harm (reads, uploads, update); false for draft/add and freepublish/submit. */
  idempotent: boolean;
  /** False only for stable_token itself. */
  withToken: boolean;
}

export interface CallContext {
  http: ExchangeSettings;
  tokens: TokenSource;
  redactor: Redactor;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  log: (line: string) => void;
  /** Retries of a lost answer, waiting retryDelayMs, then twice that, and so on. */
  retries: number;
  retryDelayMs: number;
  /** Named in advice about the AppSecret. */
  secretEnv: string;
}

/** Waits for a per-minute limit (45011) before giving up. */
const maxMinuteWaits = 3;

/**
 * Makes a call until it has an answer it can return, or a WechatError saying what to do: refetches the token
 * once when WeChat refuses it, waits out the per-minute limit, retries lost answers of idempotent calls with
 * growing pauses and throws `uncertain` for a lost answer of one that creates something.
 */
export async function call(context: CallContext, spec: CallSpec): Promise<Record<string, unknown>> {
  let lostCount = 0;
  let minuteWaits = 0;
  let refetched = false;
  for (;;) {
    const token = spec.withToken ? await context.tokens.get() : undefined;
    const query = token === undefined ? { ...spec.query } : { ...spec.query, access_token: token };
    let result: Exchange = await exchange(context.http, { endpoint: spec.endpoint, query, body: spec.body });
    if (result.kind === 'answer') {
      const code = errcodeOf(result.body);
      if (code === 0) return result.body;
      const fact = errcodeFact(spec.endpoint, code);
      if (fact?.treatment === 'token' && token !== undefined && !refetched) {
        refetched = true;
        say(context, `微信说 access_token 已失效（${code}），重新获取后重试 ${spec.endpoint}`);
        await context.tokens.refetch(token);
        continue;
      }
      if (fact?.treatment === 'wait' && minuteWaits < maxMinuteWaits) {
        minuteWaits++;
        say(context, `${spec.endpoint} 超过了每分钟的调用限额（45011），等 ${minuteQuotaWaitMs / 1000} 秒后重试（第 ${minuteWaits} 次）`);
        await context.sleep(minuteQuotaWaitMs);
        continue;
      }
      if (fact?.treatment !== 'busy') throw errcodeError(context, spec.endpoint, code, result.body, fact);
      result = { kind: 'lost', sent: true, reason: `微信系统繁忙（${code}）` };
    }
    if (result.kind === 'bad') {
      // A 2xx answer that cannot be read may still report a draft or a publish that now exists.
      if (!spec.idempotent && result.status < 300) {
        throw failure('uncertain', `微信接口 ${spec.endpoint} 的回答无法读取（${result.problem}）：微信可能已经处理了这次调用`, uncertainAdvice(spec.endpoint), { status: result.status });
      }
      throw failure('api', `微信接口 ${spec.endpoint} 的回答无法读取：${result.problem}`, relayAdvice(context), { status: result.status });
    }
    if (!spec.idempotent && result.sent) {
      throw failure('uncertain', `微信接口 ${spec.endpoint} 的回答丢失了（${result.reason}）：微信可能已经处理了这次调用，也可能没有`, uncertainAdvice(spec.endpoint));
    }
    if (lostCount >= context.retries) {
      const tries = context.retries ? `，已重试 ${context.retries} 次` : '';
      throw failure('network', `无法完成微信接口 ${spec.endpoint} 的调用（${result.reason}${tries}）`, relayAdvice(context));
    }
    const delay = context.retryDelayMs * 2 ** lostCount++;
    say(context, `${spec.endpoint} 没有回答（${result.reason}），${formatSeconds(delay)}后重试（第 ${lostCount}/${context.retries} 次）`);
    await context.sleep(delay);
  }

  function failure(kind: WechatError['kind'], problem: string, advice: string, details: { status?: number } = {}): WechatError {
    return new WechatError(kind, context.redactor.apply(problem), context.redactor.apply(advice), { endpoint: spec.endpoint, ...details });
  }
}

/** WeChat's success answers often carry no errcode at all; one that is not a number is read as -1 (busy). */
function errcodeOf(body: Record<string, unknown>): number {
  const code = body.errcode;
  if (code === undefined || code === null) return 0;
  const number = Number(code);
  return Number.isFinite(number) ? number : -1;
}

function errcodeError(context: CallContext, endpoint: string, code: number, body: Record<string, unknown>, fact: ErrcodeFact | undefined): WechatError {
  const errmsg = typeof body.errmsg === 'string' && body.errmsg ? `，${body.errmsg}` : '';
  const meaning = fact?.meaning ?? '微信未说明原因';
  const resumeAt = code === 45009 ? new Date(nextQuotaReset(context.clock())).toISOString() : undefined;
  const advice = (fact?.advice ?? '')
    .replace('{relayEnv}', wechatApiBaseEnv)
    .replace('{secretEnv}', context.secretEnv)
    .replace('{resumeAt}', resumeAt ? beijingClock(resumeAt) : '');
  const problem = `微信接口 ${endpoint} 返回错误 ${code}：${meaning}（errcode ${code}${errmsg}）`;
  return new WechatError(fact?.kind ?? 'api', context.redactor.apply(problem), context.redactor.apply(advice), {
    endpoint,
    errcode: code,
    ...(resumeAt ? { resumeAt } : {}),
  });
}

function uncertainAdvice(endpoint: string): string {
  const look = endpoint.includes('freepublish') ? '先查询发布状态或公众号后台的发表记录' : '先查看草稿箱（draft/batchget 或公众号后台）';
  return `不要直接重试，以免重复：${look}，确认没有做成再重做。`;
}

function relayAdvice(context: CallContext): string {
  // The origin only: a relay's address may carry a user name and password.
  const base = new URL(context.http.baseUrl).origin;
  return base === new URL(wechatApiBase).origin ? '检查网络后重新运行。' : `检查网络，以及 ${wechatApiBaseEnv} 指向的转发服务（${base}）是否正常运行。`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} 秒` : `${ms} 毫秒`;
}

function say(context: CallContext, line: string): void {
  context.log(context.redactor.apply(line));
}
