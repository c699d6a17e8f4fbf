import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus, type Corpus } from './corpus.ts';
import { compareBaseline, formatReport, readBaseline, runEval, toBaseline } from './index.ts';
import { proseSets } from './prose-sets.ts';

describe('eval:lint', () => {
  it('does not fall behind the committed baseline on the compliance corpus', async () => {
    const result = await runEval();
    expect(result.lines).toBeGreaterThanOrEqual(3000);
    for (const set of proseSets) expect(result.prose[set.id]?.chars, set.id).toBeGreaterThanOrEqual(set.minChars);
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
      prose: {
        prose: [{ name: 'essay.txt', paragraphs: ['这是全国销量第一的茶饮品牌。', '秋天到了，树叶黄了。'] }],
        'prose-2': [{ name: 'docs.txt', paragraphs: ['本店的绿茶是全网最低价。', '运行 npm install 安装依赖。'] }],
        'prose-4': [{ name: 'guide.txt', paragraphs: ['本店的乌龙茶全网最低价。', '提交之前，最好先运行一遍测试。'] }],
        'held-out': [{ name: 'news.txt', paragraphs: ['本店的红茶全网最低价，扫码下单立减十元。', '周六的比赛因雨推迟。'] }],
      },
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
    expect(result.prose['prose']?.findings).toBeGreaterThan(0);
    expect(result.alarms).toContainEqual(expect.objectContaining({ where: 'essay.txt', ruleId: 'ad-law/absolute-terms' }));
    // Every tuned set is counted apart from the others, and its alarms are listed; a set with no prose counts nothing.
    for (const [id, where, text] of [['prose-2', 'docs.txt', '本店的绿茶是全网最低价。运行 npm install 安装依赖。'], ['prose-4', 'guide.txt', '本店的乌龙茶全网最低价。提交之前，最好先运行一遍测试。']] as const) {
      expect(result.prose[id]).toMatchObject({ chars: [...text].length, findings: expect.any(Number) });
      expect(result.prose[id]?.findings, id).toBeGreaterThan(0);
      expect(result.alarms.map((a) => a.where)).toContain(where);
    }
    expect(result.prose['prose-3']).toEqual({ chars: 0, findings: 0, byFamily: {} });
    // The held-out prose is counted apart and its alarms are not listed.
    expect(result.prose['held-out']?.findings).toBeGreaterThan(0);
    expect(result.prose['held-out']?.chars).toBe([...'本店的红茶全网最低价，扫码下单立减十元。周六的比赛因雨推迟。'].length);
    expect(result.alarms.map((a) => a.where)).not.toContain('news.txt');
    // Held-out lines are scored apart: in their own tallies and under held-out: keys of the baseline, never the corpus's.
    expect(result.heldOut?.evasion['homophone']).toMatchObject({ expected: 2, found: 1 });
    expect(result.categories['held-out-evasion']).toBeUndefined();
    expect(toBaseline(result).recall['held-out:evasion:homophone']).toBe(0.5);
    // The report counts the held-out misses but never shows their lines, in any format for people.
    for (const format of ['text', 'markdown'] as const) {
      const report = formatReport({ ...result, seconds: 1 }, format);
      expect(report).toContain('留出集漏报 1 处');
      expect(report).not.toContain('本店红茶品质醉人');
    }
    const base = toBaseline(result);
    expect(compareBaseline(base, base)).toEqual([]);
    // Any set's figure worse than the baseline's is named, the held-out one too.
    for (const set of proseSets) {
      const worse = compareBaseline(base, { ...base, prosePer10k: { ...base.prosePer10k, [set.id]: -1 } });
      expect(worse, set.id).toEqual([expect.stringContaining(`${set.id} findings per 10,000 characters`)]);
    }
    expect(compareBaseline(base, { ...base, recall: { ...base.recall, 'rule:facts/unsourced-statistics': 1 } })).toEqual([
      expect.stringContaining('rule:facts/unsourced-statistics: 1 → 0'),
    ]);
  }, 60_000);

  it('names a prose set whose folder is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdesk-corpus-'));
    try {
      for (const folder of ['labelled', 'held-out']) await mkdir(join(dir, folder));
      await expect(readCorpus(dir)).rejects.toThrow(/普通文本目录 .*prose.* 读不出/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says a baseline written before the prose sets were one list is of the old layout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdesk-baseline-'));
    try {
      const file = join(dir, 'baseline.json');
      await writeFile(file, JSON.stringify({ recall: {}, alarms: {}, prosePer10k: 0.3, prose2Per10k: 0.1, heldOutPer10k: 3.1 }));
      await expect(readBaseline(file)).rejects.toThrow(/旧格式.*--write-baseline/);
      await writeFile(file, JSON.stringify({ recall: {}, alarms: {}, prosePer10k: { prose: 0.3, 'held-out': 1 } }));
      expect((await readBaseline(file)).prosePer10k).toEqual({ prose: 0.3, 'held-out': 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
