import type { WechatErrorKind } from './types.ts';

export interface WechatErrorDetails {
  /** The endpoint path, `cgi-bin/draft/add`. */
  endpoint?: string;
  errcode?: number;
  /** The HTTP status, when the answer was not WeChat's JSON. */
  status?: number;
  /** For `quota-daily`: when the quota resets (ISO time, 00:00 Beijing time). */
  resumeAt?: string;
}

// Whatever a message quotes (a URL, an answer body), these never leave it.
const urlSecrets = /\b(access_token|secret|appsecret)=[^&\s"'<>]+/gi;
const jsonSecrets = /"(access_token|secret)"\s*:\s*"[^"]*"/gi;

export function scrub(text: string): string {
  return text.replace(urlSecrets, '$1=***').replace(jsonSecrets, '"$1":"***"');
}

/**
 * A failed WeChat call, in Chinese, as the caller must act on it (`kind`). `message` says what happened and then
 * what to do; `advice` is the second part alone. Neither ever holds the AppSecret or an access token.
 */
export class WechatError extends Error {
  override name = 'WechatError';
  readonly advice: string;
  readonly endpoint?: string;
  readonly errcode?: number;
  readonly status?: number;
  readonly resumeAt?: string;

  constructor(
    readonly kind: WechatErrorKind,
    problem: string,
    advice: string,
    details: WechatErrorDetails = {},
  ) {
    const said = scrub(problem);
    const todo = scrub(advice);
    super(todo ? `${said}。${todo}` : `${said}。`);
    this.advice = todo;
    Object.assign(this, details);
  }
}

/** Replaces the secret values one client knows (its AppSecret, every token it has held) wherever text quotes them. */
export class Redactor {
  private readonly values = new Set<string>();

  add(value: string): void {
    // A very short value would blank out ordinary words; WeChat's secrets and tokens are long.
    if (value.length >= 8) this.values.add(value);
  }

  apply(text: string): string {
    let out = scrub(text);
    for (const value of this.values) out = out.split(value).join('***');
    return out;
  }
}
