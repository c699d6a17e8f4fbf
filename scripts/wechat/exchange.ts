import { isObject } from '../shared/json-shape.ts';

/** One HTTP request to WeChat, as the client builds it. */
export interface ExchangeRequest {
  endpoint: string;
  query: Record<string, string>;
  body: string | FormData;
}

/**
 * What one request came to: WeChat's JSON (`answer`, errcode still to read), an answer that is not WeChat's JSON
 * (`bad`, never retried), or none (`lost`: `sent` false only when the request cannot have reached the server).
 */
export type Exchange =
  | { kind: 'answer'; body: Record<string, unknown> }
  | { kind: 'bad'; status: number; problem: string }
  | { kind: 'lost'; sent: boolean; reason: string };

export interface ExchangeSettings {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

// Failures while connecting: nothing was sent, so even a call that creates something may be repeated.
const beforeSending = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

const reasons: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝',
  ENOTFOUND: '找不到服务器地址',
  EAI_AGAIN: '域名解析暂时失败',
  EHOSTUNREACH: '服务器不可达',
  ENETUNREACH: '网络不可达',
  UND_ERR_CONNECT_TIMEOUT: '连接超时',
  ECONNRESET: '连接被对方重置',
  EPIPE: '连接已断开',
  UND_ERR_SOCKET: '连接中途断开',
};

export async function exchange(settings: ExchangeSettings, request: ExchangeRequest): Promise<Exchange> {
  const url = new URL(`${settings.baseUrl}/${request.endpoint}`);
  for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);
  const json = typeof request.body === 'string';
  let response: Response;
  let text: string;
  try {
    response = await settings.fetch(url, {
      method: 'POST',
      body: request.body,
      // FormData sets its own multipart type with the boundary.
      headers: json ? { 'content-type': 'application/json; charset=utf-8' } : {},
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return lost(error, settings.timeoutMs);
  }
  if (response.status >= 500) return { kind: 'lost', sent: true, reason: `服务器返回 HTTP ${response.status}` };
  // WeChat often labels its JSON text/plain: the body decides, not the content type.
  const body = parseJson(text);
  if (body && (response.ok || typeof body.errcode === 'number')) return { kind: 'answer', body };
  const what = body ? 'JSON 里没有 errcode' : text.trim() === '' ? '回答是空的' : `回答不是 JSON（${preview(text)}）`;
  return { kind: 'bad', status: response.status, problem: `HTTP ${response.status}，${what}` };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

function lost(error: unknown, timeoutMs: number): Exchange {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'lost', sent: true, reason: `${Math.round(timeoutMs / 1000)} 秒内没有回答` };
  }
  const code = errorCode(error);
  const reason = (code && reasons[code]) ?? `网络错误${code ? ` ${code}` : ''}`;
  return { kind: 'lost', sent: !(code && beforeSending.has(code)), reason };
}

/** undici wraps the system error: `TypeError('fetch failed', {cause: {code}})`, sometimes one level deeper. */
function errorCode(error: unknown): string | undefined {
  let at = error;
  for (let depth = 0; depth < 4 && isObject(at); depth++) {
    if (typeof at.code === 'string') return at.code;
    at = at.cause;
  }
  return undefined;
}
