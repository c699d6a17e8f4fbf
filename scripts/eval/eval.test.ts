import { describe, expect, it } from 'vitest';
import type { Corpus } from './corpus.ts';
import { compareBaseline, readBaseline, runEval, toBaseline } from './index.ts';

describe('eval:lint', () => {
  it('does not fall behind the committed baseline on the compliance corpus', async () => {
    const result = await runEval();
    expect(result.lines).toBeGreaterThanOrEqual(3000);
    expect(result.prose.chars).toBeGreaterThanOrEqual(200_000);
    expect(result.prose2.chars).toBeGreaterThanOrEqual(150_000);
    expect(result.prose3.chars).toBeGreaterThanOrEqual(90_000);
    expect(result.prose4.chars).toBeGreaterThanOrEqual(100_000);
    expect(result.heldOutProse.chars).toBeGreaterThanOrEqual(100_000);
    expect(compareBaseline(toBaseline(result), await readBaseline())).toEqual([]);
  }, 180_000);

  it('scores a line found, a line missed, a false alarm and prose that raised something', async () => {
    const corpus: Corpus = {
      labelled: [
        {
          category: 'tea-food',
          lines: [
            { text: '本店的白茶是全网最佳的白茶。', expect: ['ad-law/absolute-terms'], why: '绝对化用语' },
            { text: '这款茶能治疗失眠，喝一周就见效。', expect: ['ad-law/regulated-claims', 'facts/unsourced-statistics'], why: '疗效' },
            { text: '天气转凉，记得添衣。', expect: [], why: '普通' },
          ],
        },
      ],
      prose: [{ name: 'essay.txt', paragraphs: ['这是全国销量第一的茶饮品牌。', '秋天到了，树叶黄了。'] }],
      prose2: [{ name: 'docs.txt', paragraphs: ['本店的绿茶是全网最低价。', '运行 npm install 安装依赖。'] }],
      prose3: [{ name: 'wire.txt', paragraphs: ['本店的白茶全网最低价。', '主队在下半场扳平了比分。'] }],
      prose4: [{ name: 'guide.txt', paragraphs: ['本店的乌龙茶全网最低价。', '提交之前，最好先运行一遍测试。'] }],
      heldOutProse: [{ name: 'news.txt', paragraphs: ['本店的红茶全网最低价，扫码下单立减十元。', '周六的比赛因雨推迟。'] }],
      heldOut: [
        {
          category: 'held-out-evasion',
          lines: [
            { text: '本店红茶品质醉佳。', expect: ['ad-law/absolute-terms'], why: '谐音', evasion: 'homophone' },
            { text: '本店红茶品质醉人。', expect: ['ad-law/absolute-terms'], why: '没有规避写法，漏报', evasion: 'homophone' },
          ],
        },
      ],
    };
    const result = await runEval({ corpus });
    expect(result.rules['ad-law/absolute-terms']).toMatchObject({ expected: 1, found: 1 });
    expect(result.rules['facts/unsourced-statistics']).toMatchObject({ expected: 1, found: 0 });
    expect(result.misses).toContainEqual(expect.objectContaining({ ruleId: 'facts/unsourced-statistics', text: '这款茶能治疗失眠，喝一周就见效。' }));
    expect(result.prose.findings).toBeGreaterThan(0);
    expect(result.alarms).toContainEqual(expect.objectContaining({ where: 'essay.txt', ruleId: 'ad-law/absolute-terms' }));
    // The second tuned set is counted apart from the first, and its alarms are listed.
    expect(result.prose2.findings).toBeGreaterThan(0);
    expect(result.prose2.chars).toBe([...'本店的绿茶是全网最低价。运行 npm install 安装依赖。'].length);
    expect(result.alarms.map((a) => a.where)).toContain('docs.txt');
    // So is the third, and its alarms are listed too.
    expect(result.prose3.findings).toBeGreaterThan(0);
    expect(result.prose3.chars).toBe([...'本店的白茶全网最低价。主队在下半场扳平了比分。'].length);
    expect(result.alarms.map((a) => a.where)).toContain('wire.txt');
    // And the fourth.
    expect(result.prose4.findings).toBeGreaterThan(0);
    expect(result.prose4.chars).toBe([...'本店的乌龙茶全网最低价。提交之前，最好先运行一遍测试。'].length);
    expect(result.alarms.map((a) => a.where)).toContain('guide.txt');
    // The held-out prose is counted apart and its alarms are not listed.
    expect(result.heldOutProse.findings).toBeGreaterThan(0);
    expect(result.heldOutProse.chars).toBe([...'本店的红茶全网最低价，扫码下单立减十元。周六的比赛因雨推迟。'].length);
    expect(result.alarms.map((a) => a.where)).not.toContain('news.txt');
    // Held-out lines are scored apart: in their own tallies and under held-out: keys of the baseline, never the corpus's.
    expect(result.heldOut?.evasion['homophone']).toMatchObject({ expected: 2, found: 1 });
    expect(result.categories['held-out-evasion']).toBeUndefined();
    expect(toBaseline(result).recall['held-out:evasion:homophone']).toBe(0.5);
    const base = toBaseline(result);
    expect(compareBaseline(base, base)).toEqual([]);
    expect(compareBaseline(base, { ...base, prosePer10k: 0 })).toEqual([expect.stringContaining('prose findings per 10,000 characters')]);
    expect(compareBaseline(base, { ...base, prose2Per10k: 0 })).toEqual([expect.stringContaining('prose-2 findings per 10,000 characters')]);
    expect(compareBaseline(base, { ...base, prose3Per10k: 0 })).toEqual([expect.stringContaining('prose-3 findings per 10,000 characters')]);
    expect(compareBaseline(base, { ...base, prose4Per10k: 0 })).toEqual([expect.stringContaining('prose-4 findings per 10,000 characters')]);
    expect(compareBaseline(base, { ...base, heldOutPer10k: 0 })).toEqual([expect.stringContaining('held-out prose findings')]);
    expect(compareBaseline(base, { ...base, recall: { ...base.recall, 'rule:facts/unsourced-statistics': 1 } })).toEqual([
      expect.stringContaining('rule:facts/unsourced-statistics: 1 → 0'),
    ]);
  }, 60_000);
});
