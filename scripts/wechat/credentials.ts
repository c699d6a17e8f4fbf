import { defaultSecretEnv } from '../platform/index.ts';
import type { AccountSettings } from '../content/index.ts';
import { WechatError } from './errors.ts';

export interface WechatCredentials {
  appid: string;
  secret: string;
  /** The environment variable the secret came from, for advice. */
  secretEnv: string;
}

/**
 * An account's AppID (from account.yaml `wechat.appid`) and AppSecret (from the environment variable
 * `wechat.secret_env` names, default WECHAT_APPSECRET), or a `credentials` error saying where each one goes.
 */
export function wechatCredentials(account: string, settings: Pick<AccountSettings, 'wechat'>, env: NodeJS.ProcessEnv = process.env): WechatCredentials {
  const file = `content/${account}/account.yaml`;
  const appid = settings.wechat?.appid;
  if (!appid) {
    throw new WechatError(
      'credentials',
      `${file} 没有 wechat.appid，无法调用微信接口`,
      `在 ${file} 里加上 wechat: {appid: wx…, secret_env: …}（AppID 在公众号后台“设置与开发 → 基本配置”）。`,
    );
  }
  const secretEnv = settings.wechat?.secret_env ?? defaultSecretEnv;
  const secret = env[secretEnv]?.trim();
  if (!secret) {
    throw new WechatError(
      'credentials',
      `环境变量 ${secretEnv} 没有设置：账号 ${account} 的 AppSecret 应放在这里（${file} 的 wechat.secret_env）`,
      `本机运行前 export ${secretEnv}=…；GitHub Actions 里把 AppSecret 存为仓库 secret ${secretEnv}，并在 workflow 的 env 里传给 mpdesk。AppSecret 不要写进任何文件。`,
    );
  }
  return { appid, secret, secretEnv };
}
