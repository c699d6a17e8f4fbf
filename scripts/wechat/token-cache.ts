import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { isObject } from '../shared/json-shape.ts';

/** An access token and when it expires (ms since the epoch). */
export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * One file per AppID under the repository's `.cache/mpdesk/` (git-ignored), readable by its owner only, so every
 * command and every run of one account shares a token instead of asking WeChat each time.
 */
export function tokenCachePath(cacheDir: string, appid: string): string {
  return join(cacheDir, `wechat-token-${appid}.json`);
}

/** The cached token for `appid`, or undefined when there is none or the file is not one this module wrote. */
export async function readCachedToken(path: string, appid: string): Promise<CachedToken | undefined> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.appid !== appid) return undefined;
  const { access_token: accessToken, expires_at: expiresAt } = value;
  if (typeof accessToken !== 'string' || accessToken === '' || typeof expiresAt !== 'number') return undefined;
  return { accessToken, expiresAt };
}

export async function writeCachedToken(path: string, appid: string, token: CachedToken): Promise<void> {
  const record = { appid, access_token: token.accessToken, expires_at: token.expiresAt, expires: new Date(token.expiresAt).toISOString() };
  await writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
}
