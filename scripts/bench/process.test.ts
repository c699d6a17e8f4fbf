import { describe, expect, it } from 'vitest';
import { growth, describeGrowth } from './growth.ts';
import { describeRun, medianRun, parseGnuTime } from './process.ts';

describe('parseGnuTime', () => {
  it('reads user + system CPU and the peak resident set', () => {
    expect(parseGnuTime('3.41 0.52 612340\n')).toEqual({ cpuMs: 3930, peakMb: 612340 / 1024 });
  });

  it('reads the figures after the line GNU time adds when the command fails (lint exits 1 on errors)', () => {
    const figures = parseGnuTime('Command exited with non-zero status 1\n1.20 0.30 204800\n');
    expect(figures?.peakMb).toBe(200);
    expect(figures?.cpuMs).toBeCloseTo(1500);
  });

  it('gives nothing for output it does not know (a killed process, an empty file)', () => {
    expect(parseGnuTime('')).toBeUndefined();
    expect(parseGnuTime('Command terminated by signal 9\n')).toBeUndefined();
  });
});

describe('medianRun', () => {
  it('keeps the whole run of median wall time, with its memory', () => {
    const runs = [{ ms: 900, peakMb: 310 }, { ms: 420, peakMb: 300 }, { ms: 450, peakMb: 305 }];
    expect(medianRun(runs)).toEqual({ ms: 450, peakMb: 305 });
  });

  it('takes the lower middle of an even count', () => {
    expect(medianRun([{ ms: 4 }, { ms: 1 }, { ms: 3 }, { ms: 2 }]).ms).toBe(2);
  });
});

describe('describeRun', () => {
  it('names CPU and memory only when GNU time measured them', () => {
    expect(describeRun({ ms: 1234, cpuMs: 2100, peakMb: 511.6 })).toBe('1.23 s，CPU 2.10 s，峰值内存 512 MB');
    expect(describeRun({ ms: 1234, cpuMs: undefined, peakMb: undefined })).toBe('1.23 s');
  });
});

describe('growth', () => {
  it('takes the fixed start-up cost off both sides: 500 → 1,000 articles linted in 4.3 s → 8.1 s', () => {
    const g = growth(4300, 8100, 500);
    expect(g.small).toBe(3800);
    expect(g.large).toBe(7600);
    expect(g.ratio).toBeCloseTo(2);
    expect(g.ok).toBe(true);
  });

  it('fails above 2.2x: the second half of the articles costs more than the first', () => {
    expect(growth(3000, 6500, 500).ok).toBe(false);
    expect(growth(3000, 6000, 500).ok).toBe(true);
  });

  it('cannot judge when the fixed cost swallows the small run', () => {
    const g = growth(400, 900, 500);
    expect(g.ratio).toBe(Number.POSITIVE_INFINITY);
    expect(g.ok).toBe(false);
    expect(describeGrowth(g, 500)).toContain('无法计算');
  });

  it('describes the net times and the ratio', () => {
    expect(describeGrowth(growth(4300, 8100, 500), 500)).toBe('3.80 s → 7.60 s（2.00 倍，已扣除固定开销 0.50 s）');
  });
});
