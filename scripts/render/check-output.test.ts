import { describe, expect, it } from 'vitest';
import { checkOutput } from './check-output.ts';

const rules = (html: string) => checkOutput(html).violations.map((v) => v.ruleId);

describe('checkOutput', () => {
  it('accepts a clean fragment and counts visible characters without whitespace', () => {
    const result = checkOutput('<section style="color: #333;"><p>冬天 喝茶🍵</p><a href="https://mp.weixin.qq.com/s/x">上一篇</a></section>');
    expect(result.violations).toEqual([]);
    expect(result.visibleChars).toBe(8);
  });

  it('finds forbidden tags, attributes, CSS, images and links', () => {
    expect(rules('<section><script>x</script><style>p{}</style><iframe></iframe><input></section>')).toEqual([
      'platform/output-tag',
      'platform/output-tag',
      'platform/output-tag',
      'platform/output-tag',
    ]);
    expect(rules('<section class="a" id="b"><p onclick="x()">字</p></section>')).toEqual([
      'platform/output-attribute',
      'platform/output-attribute',
      'platform/output-attribute',
    ]);
    expect(rules('<section style="position: absolute; color: var(--a)"></section>')).toEqual(['platform/output-css', 'platform/output-css']);
    expect(rules('<section><img src="https://example.com/a.jpg"><img src="https://mmbiz.qpic.cn/a.jpg"><img src="images/b.jpg"></section>')).toEqual([
      'platform/output-image',
    ]);
    expect(rules('<section><a href="https://example.com">外链</a></section>')).toEqual(['platform/output-link']);
    expect(rules('<p>一</p><p>二</p>')).toEqual(['platform/output-root']);
  });

  it('enforces the 20,000 character and 1 MB limits', () => {
    expect(rules(`<section>${'字'.repeat(20_000)}</section>`)).toEqual(['platform/output-length']);
    expect(rules(`<section style="color: #333;">${'<span></span>'.repeat(90_000)}</section>`)).toEqual(['platform/output-size']);
  });
});
