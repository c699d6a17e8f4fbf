import { tokenRefreshMarginMs } from '../platform/index.ts';
import { readCachedToken, writeCachedToken, type CachedToken } from './token-cache.ts';

export interface TokenSourceOptions {
  appid: string;
  cacheFile: string;
  clock: () => number;
  /** Asks WeChat: `stable_token` with force_refresh false, which never invalidates a token another run holds. */
  fetchToken: () => Promise<CachedToken>;
  /** A token that cannot be cached still works for this run: say so and go on. */
  onCacheWriteError: (error: unknown) => void;
}

/**
 * The access token for one AppID: held in memory, then the cache file, then WeChat, each used until 5 minutes
 * before it expires. Never force-refreshed: that would break every other run holding the old token.
 */
export class TokenSource {
  private held?: CachedToken;
  private pending?: Promise<string>;

  constructor(private readonly options: TokenSourceOptions) {}

  get(): Promise<string> {
    if (this.held && this.usable(this.held)) return Promise.resolve(this.held.accessToken);
    return this.once(async () => {
      const cached = await readCachedToken(this.options.cacheFile, this.options.appid);
      if (cached && this.usable(cached)) return (this.held = cached).accessToken;
      return this.fetch();
    });
  }

  /** WeChat refused `failed` (40001, 42001, 40014): another token, the cache's if another run already has one, else WeChat's. */
  refetch(failed: string): Promise<string> {
    if (this.held && this.held.accessToken !== failed && this.usable(this.held)) return Promise.resolve(this.held.accessToken);
    this.held = undefined;
    return this.once(async () => {
      const cached = await readCachedToken(this.options.cacheFile, this.options.appid);
      if (cached && cached.accessToken !== failed && this.usable(cached)) return (this.held = cached).accessToken;
      return this.fetch();
    });
  }

  /** Calls made together share one look-up. */
  private once(load: () => Promise<string>): Promise<string> {
    this.pending ??= load().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetch(): Promise<string> {
    const token = await this.options.fetchToken();
    this.held = token;
    try {
      await writeCachedToken(this.options.cacheFile, this.options.appid, token);
    } catch (error) {
      this.options.onCacheWriteError(error);
    }
    return token.accessToken;
  }

  private usable(token: CachedToken): boolean {
    return token.expiresAt - tokenRefreshMarginMs > this.options.clock();
  }
}
