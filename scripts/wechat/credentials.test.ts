import { describe, expect, it } from 'vitest';
import { wechatCredentials } from './credentials.ts';
import { WechatError } from './errors.ts';

const secret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

function failure(run: () => unknown): WechatError {
  try {
    run();
  } catch (error) {
    if (error instanceof WechatError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('wechatCredentials', () => {
  it('takes the AppID from account.yaml and the AppSecret from the variable it names', () => {
    const settings = { wechat: { appid: 'wx1234567890abcdef', secret_env: 'QINGHE_WECHAT_SECRET' } };
    expect(wechatCredentials('qinghe-tea', settings, { QINGHE_WECHAT_SECRET: `${secret}\n` })).toEqual({ appid: 'wx1234567890abcdef', secret, secretEnv: 'QINGHE_WECHAT_SECRET' });
  });

  it('reads WECHAT_APPSECRET when no variable is named', () => {
    expect(wechatCredentials('qinghe-tea', { wechat: { appid: 'wx1234567890abcdef' } }, { WECHAT_APPSECRET: secret }).secretEnv).toBe('WECHAT_APPSECRET');
  });

  it('says where the AppID goes when account.yaml has none', () => {
    const error = failure(() => wechatCredentials('qinghe-tea', {}, { WECHAT_APPSECRET: secret }));
    expect(error.kind).toBe('credentials');
    expect(error.message).toBe(
      'content/qinghe-tea/account.yaml 没有 wechat.appid，无法调用微信接口。在 content/qinghe-tea/account.yaml 里加上 wechat: {appid: wx…, secret_env: …}（AppID 在公众号后台“设置与开发 → 基本配置”）。',
    );
  });

  it('names the missing variable and how to set it locally and in GitHub Actions', () => {
    const error = failure(() => wechatCredentials('qinghe-tea', { wechat: { appid: 'wx1234567890abcdef', secret_env: 'QINGHE_WECHAT_SECRET' } }, { WECHAT_APPSECRET: secret }));
    expect(error.message).toContain('环境变量 QINGHE_WECHAT_SECRET 没有设置');
    expect(error.advice).toContain('export QINGHE_WECHAT_SECRET=');
    expect(error.advice).toContain('仓库 secret QINGHE_WECHAT_SECRET');
    expect(error.message).not.toContain(secret);
  });
});
