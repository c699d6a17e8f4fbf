import { describe, expect, it } from 'vitest';
import { chartEngine, stableIds } from './charts.ts';

describe('charts', () => {
  it('renumbers ECharts’ per-process ids, so the same chart is the same bytes however many came before', async () => {
    const renderChart = await chartEngine();
    const option = { xAxis: { type: 'category' as const, data: ['11-01', '11-02', '11-03'] }, yAxis: { type: 'value' as const }, series: [{ type: 'line' as const, data: [1200, 1350, 980], areaStyle: {} }] };
    const first = renderChart('reads', 300, option);
    renderChart('other', 300, option);
    const again = renderChart('reads', 300, option);
    expect(again).toBe(first);
    expect(first).not.toMatch(/zr\d+-/);
    expect(first).toMatch(/id="mp-reads-\d+"/);
    expect(first).toContain("font-family:'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif");
  });

  it('maps every id and its references alike', () => {
    expect(stableIds('<clipPath id="zr7-c3"></clipPath><g clip-path="url(#zr7-c3)" class="zr7-cls-12"></g>', 'mp-x')).toBe('<clipPath id="mp-x-0"></clipPath><g clip-path="url(#mp-x-0)" class="mp-x-1"></g>');
  });
});
