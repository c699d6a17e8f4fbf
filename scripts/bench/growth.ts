/** Issue 15: twice the articles may take about twice the time, never worse than this. */
export const growthLimit = 2.2;

export interface Growth {
  /** Time at N and 2N net of the fixed cost, in ms. */
  small: number;
  large: number;
  /** large / small: 2 is linear. */
  ratio: number;
  ok: boolean;
}

/**
 * The growth from N to 2N articles with the fixed cost (start-up, loading modules, a tiny corpus' run) taken off
 * both, so the ratio is that of the work that depends on the articles. Infinite when the net small time is not
 * positive (the fixed cost swallowed it: the corpus is too small to say anything).
 */
export function growth(smallMs: number, largeMs: number, fixedMs: number): Growth {
  const small = smallMs - fixedMs;
  const large = largeMs - fixedMs;
  const ratio = small > 0 ? large / small : Number.POSITIVE_INFINITY;
  return { small, large, ratio, ok: ratio <= growthLimit };
}

export function describeGrowth(g: Growth, fixedMs: number): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const ratio = Number.isFinite(g.ratio) ? `${g.ratio.toFixed(2)} 倍` : '无法计算 n/a';
  return `${s(g.small)} → ${s(g.large)}（${ratio}，已扣除固定开销 ${s(fixedMs)}）`;
}
