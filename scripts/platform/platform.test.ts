import { describe, expect, it } from 'vitest';
import { loadSchema } from '../content/index.ts';
import { addressProblem, appIdPattern, fieldLimitCeilings, fieldLimits, imageAddressKind, imageHandlingFor, internationalHost, linkKind, linkScheme, nextQuotaReset } from './index.ts';

describe('WeChat facts', () => {
  it('the schemas carry the same field limits as the platform module (editors show them as you type)', () => {
    const article = loadSchema('article').properties as Record<string, { maxLength?: number }>;
    const account = loadSchema('account').properties as Record<string, { properties?: Record<string, { maximum?: number }> }>;
    for (const field of ['title', 'author', 'digest'] as const) {
      expect({ field, limit: article[field]?.maxLength }).toEqual({ field, limit: fieldLimits[field] });
      expect({ field, ceiling: account.limits?.properties?.[field]?.maximum }).toEqual({ field, ceiling: fieldLimitCeilings[field] });
    }
  });

  it('the account schema checks the AppID with the pattern the client uses', () => {
    const account = loadSchema('account').properties as Record<string, { properties?: Record<string, { pattern?: string }> }>;
    expect(account.wechat?.properties?.appid?.pattern).toBe(appIdPattern.source);
  });

  it('daily quotas reset at the next 00:00 Beijing time', () => {
    const at = (iso: string) => new Date(nextQuotaReset(Date.parse(iso))).toISOString();
    expect(at('2026-12-03T10:00:00+08:00')).toBe('2026-12-03T16:00:00.000Z');
    expect(at('2026-12-03T23:59:59+08:00')).toBe('2026-12-03T16:00:00.000Z');
    expect(at('2026-12-04T00:00:00+08:00')).toBe('2026-12-04T16:00:00.000Z');
  });

  it('classifies link addresses', () => {
    expect(
      ['https://mp.weixin.qq.com/s/abc', 'HTTP://MP.WEIXIN.QQ.COM/s?__biz=1', 'https://example.com', '//cdn.example.com/a', 'mailto:a@b.cn', '#top', './a.md', '', '  '].map(linkKind),
    ).toEqual(['wechat-article', 'wechat-article', 'external', 'external', 'email', 'anchor', 'relative', 'empty', 'empty']);
  });

  it('keeps only real WeChat article addresses as article links, and calls malformed addresses invalid', () => {
    const wechat = ['https://mp.weixin.qq.com/s/abc', 'https://mp.weixin.qq.com/s?__biz=MzA5&mid=1', 'https://mp.weixin.qq.com/mp/profile_ext?action=home', 'https://mp.weixin.qq.com/cgi-bin/home', 'https://mp.weixin.qq.com/', 'https://mp.weixin.qq.com/s?id=1'];
    expect(wechat.map(linkKind)).toEqual(['wechat-article', 'wechat-article', 'external', 'external', 'external', 'external']);
    const malformed = ['mailto:', 'mailto:?subject=hi', 'mailto:tea', 'http://[::1', 'https://a..com/x', 'http://'];
    expect(malformed.map(linkKind)).toEqual(malformed.map(() => 'invalid'));
    expect(addressProblem('mailto:')).toBe('邮件链接没有地址：mailto:');
    expect(addressProblem('http://[::1')).toBe('网址格式不对，浏览器无法打开：http://[::1');
    expect(['https://茶事.中国/', 'https://example.com了解', 'https://example.com/路径', 'https://EXAMPLE.com'].map(internationalHost)).toEqual(['xn--3kqw79j.xn--fiqs8s', 'example.xn--com-3h9dv72y', undefined, undefined]);
  });

  it('calls script, data and file addresses unsafe and other schemes unsupported, as a browser reads them', () => {
    const urls = ['javascript:alert(1)', ' JavaScript:void(0)', 'java\tscript:alert(1)', 'vbscript:msgbox', 'data:text/html,hi', 'file:///etc/passwd', 'tel:0571', 'xmpp:a@b.cn', 'weixin://dl/chat'];
    expect(urls.map(linkKind)).toEqual(['unsafe', 'unsafe', 'unsafe', 'unsafe', 'unsafe', 'unsafe', 'unsupported', 'unsupported', 'unsupported']);
    expect(urls.map(linkScheme)).toEqual(['javascript', 'javascript', 'javascript', 'vbscript', 'data', 'file', 'tel', 'xmpp', 'weixin']);
  });

  it('classifies image addresses and formats', () => {
    expect(['https://mmbiz.qpic.cn/a.jpg', 'https://example.com/a.jpg', 'data:image/png;base64,AA', './a.jpg', ''].map(imageAddressKind)).toEqual([
      'wechat',
      'remote',
      'data',
      'local',
      'empty',
    ]);
    expect(['.JPG', '.png', '.webp', '.svg', '.heic', '.bmp', ''].map((ext) => imageHandlingFor(ext).action)).toEqual(['keep', 'keep', 'convert', 'convert', 'refuse', 'refuse', 'refuse']);
  });
});
