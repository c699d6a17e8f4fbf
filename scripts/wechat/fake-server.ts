import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as wait } from 'node:timers/promises';
import { isObject } from '../shared/json-shape.ts';
import { datacubeSpans, wechatEndpoints as api } from '../platform/index.ts';
import { FakeState, Refusal, type FakeStateOptions } from './fake-state.ts';

/**
 * A stand-in for the WeChat API on 127.0.0.1 (a random port), for tests and the bench: the endpoints mpdesk calls,
 * with WeChat's errcodes, its `text/plain` label on JSON, tokens that expire, and faults on demand: an errcode,
 * an HTTP error, a connection dropped before or after the call is processed, a delay. Every call is logged.
 */

/**
 * What the next calls to an endpoint get instead of a normal answer. `drop: 'before'` destroys the connection
 * without doing anything; `'after'` does the work (a draft is created) and then destroys it: the answer is lost.
 */
export type FakeFault = { errcode: number; errmsg?: string } | { status: number; body?: string } | { drop: 'before' | 'after' } | { delayMs: number };

export interface FakeCall {
  /** `cgi-bin/draft/add`. */
  endpoint: string;
  /** The query string without access_token. */
  query: Record<string, string>;
  token?: string;
  /** The JSON body (the AppSecret masked), or `{media: {filename, contentType, size}}` for an upload. */
  body: unknown;
  /** The fake's clock, ms. */
  at: number;
  /** The errcode answered (0 for success), or what was done instead. */
  outcome: number | 'dropped-before' | 'dropped-after' | 'not-found' | `http ${number}`;
}

export interface FakeWechatOptions extends FakeStateOptions {
  appid?: string;
  secret?: string;
  /** Lifetime of a new access token, seconds (WeChat: 7200). */
  tokenLifetimeSeconds?: number;
  /** The fake's clock (ms); share the client's in tests that move time. */
  clock?: () => number;
  /** The content type of JSON answers; WeChat often says text/plain. */
  contentType?: string;
  /** Port on 127.0.0.1; default any free one. */
  port?: number;
  /** Told of each call once it is answered (or dropped), e.g. to print it. */
  onCall?: (call: FakeCall) => void;
}

export interface FakeWechat {
  /** `http://127.0.0.1:<port>`: the client's baseUrl or MPDESK_WECHAT_API_BASE. */
  baseUrl: string;
  appid: string;
  secret: string;
  state: FakeState;
  calls: FakeCall[];
  callsTo(endpoint: string): FakeCall[];
  /** Every access token handed out, oldest first. */
  tokens: string[];
  /** The next `count` calls to `endpoint` get `fault`. */
  fail(endpoint: string, fault: FakeFault, count?: number): void;
  /** The current token expires now: calls with it answer 42001, and stable_token hands out a new one. */
  expireToken(): void;
  /** The made-up statistics of `day` change from now on, as when WeChat corrects a past day (needs datacubeSeed). */
  reviseDatacube(day: string): void;
  /** The next submitted publish ends in `status` (2 to 6) instead of 0. */
  settleNextPublish(status: number, failIdx?: number[]): void;
  close(): Promise<void>;
}

interface Parsed {
  json?: unknown;
  form?: FormData;
}

export async function startFakeWechat(options: FakeWechatOptions = {}): Promise<FakeWechat> {
  const clock = options.clock ?? Date.now;
  const appid = options.appid ?? 'wx1234567890abcdef';
  const secret = options.secret ?? 'fake-app-secret-0123456789abcdef';
  const state = new FakeState(options, clock);
  const tokens = new TokenBook(clock, (options.tokenLifetimeSeconds ?? 7200) * 1000);
  const calls: FakeCall[] = [];
  const faults = new Map<string, FakeFault[]>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const endpoint = url.pathname.replace(/^\/+/, '');
    const { access_token: token, ...query } = Object.fromEntries(url.searchParams);
    const parsed = await parse(request);
    const call: FakeCall = { endpoint, query, ...(token ? { token } : {}), body: logged(parsed), at: clock(), outcome: 0 };
    calls.push(call);
    try {
      await respond(request, response, call, parsed);
    } finally {
      options.onCall?.(call);
    }
  }

  async function respond(request: IncomingMessage, response: ServerResponse, call: FakeCall, parsed: Parsed): Promise<void> {
    const { endpoint, query, token } = call;
    const fault = faults.get(endpoint)?.shift();
    if (fault && 'delayMs' in fault) await wait(fault.delayMs);
    if (fault && 'drop' in fault && fault.drop === 'before') return drop(request, call, 'dropped-before');
    if (fault && 'status' in fault) {
      call.outcome = `http ${fault.status}`;
      response.writeHead(fault.status, { 'content-type': 'text/html; charset=utf-8' }).end(fault.body ?? `<html><body><h1>${fault.status}</h1></body></html>`);
      return;
    }
    const answer = fault && 'errcode' in fault ? { errcode: fault.errcode, errmsg: fault.errmsg ?? `fault ${fault.errcode} rid: ${rid()}` } : answerFor(endpoint, query, token, parsed);
    if (!answer) {
      call.outcome = 'not-found';
      response.writeHead(404, { 'content-type': 'text/plain' }).end('404 Not Found');
      return;
    }
    call.outcome = typeof answer.errcode === 'number' ? answer.errcode : 0;
    if (fault && 'drop' in fault) return drop(request, call, 'dropped-after');
    response.writeHead(200, { 'content-type': options.contentType ?? 'text/plain' }).end(JSON.stringify(answer));
  }

  function answerFor(endpoint: string, query: Record<string, string>, token: string | undefined, parsed: Parsed): Record<string, unknown> | undefined {
    try {
      if (endpoint === api.stableToken) return tokens.grant(body(parsed), appid, secret);
      const route = routes[endpoint] ?? (endpoint in datacubeSpans ? (p: Parsed) => state.datacubeRows(endpoint, body(p)) : undefined);
      if (!route) return undefined;
      tokens.check(token);
      return route(parsed, query);
    } catch (error) {
      if (error instanceof Refusal) return { errcode: error.errcode, errmsg: `${error.errmsg} rid: ${rid()}` };
      throw error;
    }
  }

  type Route = (parsed: Parsed, query: Record<string, string>) => Record<string, unknown>;
  const routes: Record<string, Route> = {
    [api.uploadImage]: (p) => state.uploadImage(fileOf(p.form)),
    [api.addMaterial]: (p, query) => state.addMaterial(query.type, fileOf(p.form)),
    [api.addDraft]: (p) => state.addDraft(body(p)),
    [api.updateDraft]: (p) => state.updateDraft(body(p)),
    [api.getDraft]: (p) => state.getDraft(body(p)),
    [api.listDrafts]: (p) => state.listDrafts(body(p)),
    [api.submitPublish]: (p) => state.submitPublish(body(p)),
    [api.getPublish]: (p) => state.getPublish(body(p)),
    [api.listPublished]: (p) => state.listPublished(body(p)),
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appid,
    secret,
    state,
    calls,
    callsTo: (endpoint) => calls.filter((call) => call.endpoint === endpoint),
    tokens: tokens.issued,
    fail(endpoint, fault, count = 1) {
      faults.set(endpoint, [...(faults.get(endpoint) ?? []), ...Array.from({ length: count }, () => fault)]);
    },
    expireToken: () => tokens.expireCurrent(),
    reviseDatacube(day) {
      if (!state.generated) throw new Error('reviseDatacube needs the datacubeSeed option');
      state.generated.revise(day);
    },
    settleNextPublish(status, failIdx = status === 2 || status === 4 ? [1] : []) {
      state.outcomes.push({ status, fail_idx: failIdx });
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Tokens as stable_token hands them out: the same one until 5 minutes before it expires, then a new one. */
class TokenBook {
  readonly issued: string[] = [];
  private readonly expiry = new Map<string, number>();
  private readonly revoked = new Set<string>();

  constructor(
    private readonly clock: () => number,
    private readonly lifetimeMs: number,
  ) {}

  grant(json: Record<string, unknown>, appid: string, secret: string): Record<string, unknown> {
    if (json.grant_type !== 'client_credential') throw new Refusal(40002, 'invalid grant_type');
    if (!json.appid) throw new Refusal(41002, 'appid missing');
    if (json.appid !== appid) throw new Refusal(40013, 'invalid appid');
    if (!json.secret) throw new Refusal(41004, 'appsecret missing');
    if (json.secret !== secret) throw new Refusal(40125, 'invalid appsecret');
    const current = this.issued.at(-1);
    const left = current ? (this.expiry.get(current) ?? 0) - this.clock() : 0;
    if (current && json.force_refresh !== true && !this.revoked.has(current) && left > 5 * 60_000) {
      return { access_token: current, expires_in: Math.floor(left / 1000) };
    }
    // A forced refresh invalidates the old token at once; a normal one leaves it valid until it expires.
    if (current && json.force_refresh === true) this.revoked.add(current);
    const token = `ACCESS_${randomBytes(48).toString('base64url')}`;
    this.issued.push(token);
    this.expiry.set(token, this.clock() + this.lifetimeMs);
    return { access_token: token, expires_in: Math.floor(this.lifetimeMs / 1000) };
  }

  check(token: string | undefined): void {
    if (!token) throw new Refusal(41001, 'access_token missing');
    const expiresAt = this.expiry.get(token);
    if (expiresAt === undefined || this.revoked.has(token)) throw new Refusal(40001, 'invalid credential, access_token is invalid or not latest');
    if (expiresAt <= this.clock()) throw new Refusal(42001, 'access_token expired');
  }

  expireCurrent(): void {
    const current = this.issued.at(-1);
    if (current) this.expiry.set(current, this.clock());
  }
}

async function parse(request: IncomingMessage): Promise<Parsed> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const raw = Buffer.concat(chunks);
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    try {
      return { form: await new Response(raw, { headers: { 'content-type': type } }).formData() };
    } catch {
      return {};
    }
  }
  try {
    return { json: JSON.parse(raw.toString('utf8')) };
  } catch {
    return {};
  }
}

function body(parsed: Parsed): Record<string, unknown> {
  if (!isObject(parsed.json)) throw new Refusal(47001, 'data format error hint: [json object expected]');
  return parsed.json;
}

function fileOf(form: FormData | undefined): File | undefined {
  const media = form?.get('media');
  return media instanceof File ? media : undefined;
}

function logged(parsed: Parsed): unknown {
  const file = fileOf(parsed.form);
  if (file) return { media: { filename: file.name, contentType: file.type, size: file.size } };
  return isObject(parsed.json) && 'secret' in parsed.json ? { ...parsed.json, secret: '***' } : parsed.json;
}

function drop(request: IncomingMessage, call: FakeCall, outcome: 'dropped-before' | 'dropped-after'): void {
  call.outcome = outcome;
  request.socket.destroy();
}

const rid = () => randomBytes(6).toString('hex');
