import { figure, percent, type Kpi, type LatestKpis } from '../report/index.ts';

/** One KPI as a tile: its figure, the target and whether it is met, as the monthly report words them. */
export interface KpiTile {
  id: string;
  label: string;
  /** `48,594`, `3.49%`; absent when the snapshots cannot say (no reads, no mass send with 送达人数). */
  value?: string;
  /** `60,000`; absent when account.yaml sets none. */
  target?: string;
  /** Why the target is not account.yaml's as written (scaled to the days the snapshots cover). */
  targetNote?: string;
  met?: boolean;
  /** The figure as a share of its target: `81%`. */
  share?: string;
}

export type KpiPanel =
  /** No snapshot holds a day: what to run to get some. */
  | { state: 'none'; message: string }
  /** A snapshot file could not be read: where and why. */
  | { state: 'unreadable'; message: string }
  | { state: 'ok'; month: string; label: string; asOf: string; coveredDays: number; days: number; tiles: KpiTile[] };

function tileOf(kpi: Kpi): KpiTile {
  const met = kpi.target !== undefined && kpi.met !== undefined ? { met: kpi.met } : {};
  const share = kpi.value !== null && kpi.target !== undefined && kpi.target > 0 ? { share: percent(kpi.value / kpi.target, 0) } : {};
  return {
    id: kpi.id,
    label: kpi.label,
    ...(kpi.value !== null ? { value: figure(kpi.value, kpi.unit) } : {}),
    ...(kpi.target !== undefined ? { target: figure(kpi.target, kpi.unit) } : {}),
    ...(kpi.targetNote !== undefined ? { targetNote: kpi.targetNote } : {}),
    ...met,
    ...share,
  };
}

/** The tiles of the latest month in the snapshots, or why there are none. */
export function kpiPanel(account: string, latest: LatestKpis | undefined): KpiPanel {
  if (!latest) return { state: 'none', message: `还没有数据快照：运行 mpdesk metrics pull --account ${account}，或用 mpdesk metrics import 导入后台导出的文件。` };
  const { period, asOf, coveredDays, kpis } = latest;
  return { state: 'ok', month: period.id, label: period.label, asOf, coveredDays, days: period.days.length, tiles: kpis.map(tileOf) };
}
