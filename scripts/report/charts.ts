import type { EChartsOption } from 'echarts';
import type { AccountReport } from './account-report.ts';
import { percent } from './format.ts';

/**
 * The report's charts as SVG, drawn by Apache ECharts' server-side SVG renderer (no browser, no canvas). Fonts are
 * named for Chinese (the viewer's own CJK font draws them); crowded axis labels are thinned or turned; the ids
 * ECharts numbers per process are renumbered per chart, so the same report gives the same bytes and two charts in
 * one HTML page never share an id.
 */

export const chartFont = "'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";
const width = 720;
const text = '#333333';
const muted = '#888888';

export interface Chart {
  /** File name: `reads.svg`. */
  file: string;
  /** What it shows, for alt text and captions. */
  title: string;
  svg: string;
}

/** ECharts' `zr<instance>-<kind><n>` ids and classes, renumbered in order of first appearance under `prefix`. */
export function stableIds(svg: string, prefix: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\bzr\d+-[a-z]+-?\d+\b/g, (id) => {
    if (!seen.has(id)) seen.set(id, `${prefix}-${seen.size}`);
    return seen.get(id)!;
  });
}

/** Draws one chart as SVG: `name` prefixes its ids. */
export type DrawChart = (name: string, height: number, option: EChartsOption) => string;

let engine: Promise<DrawChart> | undefined;

/**
 * ECharts, loaded when a report is drawn: it takes a quarter of a second to load, and every build reads the report
 * stage for the desk's KPI tiles without drawing anything.
 */
export function chartEngine(): Promise<DrawChart> {
  engine ??= loadEngine();
  return engine;
}

async function loadEngine(): Promise<DrawChart> {
  const [{ BarChart, GaugeChart, HeatmapChart, LineChart, ScatterChart }, { GridComponent, LegendComponent, TitleComponent, VisualMapComponent }, { init, use }, { SVGRenderer }] = await Promise.all([
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/core'),
    import('echarts/renderers'),
  ]);
  use([BarChart, GaugeChart, HeatmapChart, LineChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, VisualMapComponent, SVGRenderer]);
  return (name, height, option) => {
    const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: chartFont, color: text }, ...option });
    const svg = chart.renderToSVGString();
    chart.dispose();
    return `${stableIds(svg, `mp-${name}`)}\n`;
  };
}

/** Month days as `11-06`; a week's as `11-23 周一`. */
const dayLabels = (report: AccountReport) => report.days.map((d) => (report.period.kind === 'weekly' ? `${d.day.slice(5)} 周${'一二三四五六日'[report.days.indexOf(d)]}` : d.day.slice(5)));
const categoryAxis = (data: string[]) => ({ type: 'category' as const, data, axisLabel: { interval: 'auto' as const, hideOverlap: true, rotate: data.length > 16 ? 45 : 0, color: muted }, axisTick: { alignWithLabel: true } });
const valueAxis = (name: string) => ({ type: 'value' as const, name, nameTextStyle: { color: muted }, axisLabel: { color: muted }, splitLine: { lineStyle: { color: '#eeeeee' } } });
const legend = { top: 8, textStyle: { color: text } };
const title = (words: string) => ({ text: words, left: 8, top: 6, textStyle: { fontSize: 14, fontWeight: 'bold' as const, color: text } });

function readsChart(report: AccountReport, renderChart: DrawChart): Chart {
  const reads = report.days.map((d) => d.reads ?? null);
  const svg = renderChart('reads', 340, {
    color: [report.colors.primary, report.colors.accent, '#d9534f'],
    title: title('每日阅读'),
    legend: { ...legend, right: 16 },
    grid: { left: 56, right: 24, top: 56, bottom: 56 },
    xAxis: categoryAxis(dayLabels(report)),
    yAxis: valueAxis('次 / 人'),
    series: [
      { type: 'bar', name: '阅读次数', data: reads, barMaxWidth: 18 },
      { type: 'line', name: '阅读人数', data: report.days.map((d) => d.readers ?? null), symbolSize: 4 },
      { type: 'scatter', name: '发文日', data: report.days.map((d, i) => (d.sent.length ? reads[i] : null)), symbol: 'triangle', symbolSize: 10, symbolOffset: [0, -12] },
    ],
  });
  return { file: 'reads.svg', title: '每日阅读次数与阅读人数（三角为发文日）', svg };
}

function followersChart(report: AccountReport, renderChart: DrawChart): Chart {
  const hasTotal = report.days.some((d) => d.total !== undefined);
  const svg = renderChart('followers', 340, {
    color: [report.colors.primary, '#b0b0b0', report.colors.accent, '#555555'],
    title: title('关注人数'),
    legend: { ...legend, right: 16 },
    grid: { left: 56, right: hasTotal ? 72 : 24, top: 56, bottom: 56 },
    xAxis: categoryAxis(dayLabels(report)),
    yAxis: [valueAxis('人'), ...(hasTotal ? [{ ...valueAxis('累计'), scale: true, splitLine: { show: false } }] : [])],
    series: [
      { type: 'bar', name: '新增', stack: 'change', data: report.days.map((d) => d.newUsers ?? null), barMaxWidth: 18 },
      { type: 'bar', name: '取消', stack: 'change', data: report.days.map((d) => (d.cancelled === undefined ? null : -d.cancelled)), barMaxWidth: 18 },
      { type: 'line', name: '净增', data: report.days.map((d) => d.net ?? null), symbolSize: 4 },
      ...(hasTotal ? [{ type: 'line' as const, name: '累计关注', yAxisIndex: 1, data: report.days.map((d) => d.total ?? null), symbol: 'none', lineStyle: { type: 'dashed' as const } }] : []),
    ],
  });
  return { file: 'followers.svg', title: '每日新增、取消和净增关注，虚线为累计关注人数', svg };
}

function sourcesChart(report: AccountReport, renderChart: DrawChart): Chart {
  const sources = [...report.sources].reverse();
  const svg = renderChart('sources', 80 + sources.length * 34, {
    color: [report.colors.primary],
    title: title('阅读来源'),
    grid: { left: 150, right: 120, top: 44, bottom: 24 },
    xAxis: { ...valueAxis('阅读次数'), nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: sources.map((s) => s.name), axisLabel: { color: text } },
    series: [{ type: 'bar', data: sources.map((s) => s.reads), barMaxWidth: 22, label: { show: true, position: 'right', color: text, formatter: (p) => `${percent(sources[p.dataIndex]!.share)}` } }],
  });
  return { file: 'sources.svg', title: '阅读来源（阅读次数与占比）', svg };
}

function hoursChart(report: AccountReport, renderChart: DrawChart): Chart {
  const data = report.hours.byWeekdayHour.flatMap((hours, day) => hours.map((reads, hour) => [hour, day, reads]));
  const max = Math.max(1, ...data.map((cell) => cell[2]!));
  const svg = renderChart('hours', 330, {
    title: title('阅读时段（北京时间）'),
    grid: { left: 56, right: 24, top: 44, bottom: 80 },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), name: '点', nameTextStyle: { color: muted }, axisLabel: { color: muted }, splitArea: { show: true } },
    yAxis: { type: 'category', data: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'], inverse: true, axisLabel: { color: text } },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 8, itemHeight: 180, text: ['多', '少'], textStyle: { color: muted }, inRange: { color: ['#f4f7f5', report.colors.primary] } },
    series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#ffffff', borderWidth: 1 } }],
  });
  return { file: 'hours.svg', title: '各星期、各小时的阅读次数（北京时间）', svg };
}

/** One gauge per KPI that has a target: the share of it reached, up to 150 %. */
function kpiChart(report: AccountReport, renderChart: DrawChart): Chart | undefined {
  const targeted = report.kpis.filter((kpi) => kpi.target !== undefined && kpi.target > 0 && kpi.value !== null);
  if (!targeted.length) return undefined;
  const columns = Math.min(3, targeted.length);
  const rows = Math.ceil(targeted.length / columns);
  const svg = renderChart('kpi', 40 + rows * 200, {
    title: title('KPI 完成度'),
    series: targeted.map((kpi, index) => {
      const done = Math.round((kpi.value! / kpi.target!) * 100);
      const color = kpi.met ? report.colors.primary : report.colors.accent;
      return {
        type: 'gauge',
        center: [`${((index % columns) + 0.5) * (100 / columns)}%`, 40 + 200 * Math.floor(index / columns) + 110],
        radius: 80,
        min: 0,
        max: 150,
        splitNumber: 3,
        anchor: { show: false },
        progress: { show: true, width: 12, itemStyle: { color } },
        axisLine: { lineStyle: { width: 12, color: [[1, '#eeeeee']] } },
        axisTick: { show: false },
        // One mark, at the target (100 % of 150).
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        title: { offsetCenter: [0, '72%'], color: text, fontSize: 13 },
        detail: { offsetCenter: [0, '18%'], fontSize: 20, color, formatter: `${done}%` },
        data: [{ value: Math.min(done, 150), name: `${kpi.label} ${kpi.met ? '✔' : '✘'}` }],
      };
    }),
  });
  return { file: 'kpi.svg', title: 'KPI 完成度（相对目标的百分比）', svg };
}

/** Every chart of one account's report, in the order the report shows them. */
export function accountCharts(report: AccountReport, draw: DrawChart): Chart[] {
  return [kpiChart(report, draw), readsChart(report, draw), followersChart(report, draw), report.sources.length ? sourcesChart(report, draw) : undefined, report.hours.days ? hoursChart(report, draw) : undefined].filter((chart): chart is Chart => chart !== undefined);
}
