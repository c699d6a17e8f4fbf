import type { DeskReport, KpiPanel, KpiTile } from '../desk/index.ts';
import { escapeHtml } from '../shared/escape-html.ts';

function tile(entry: KpiTile): string {
  const state = entry.value === undefined ? 'no-data' : entry.met === undefined ? 'no-target' : entry.met ? 'met' : 'unmet';
  const value = entry.value === undefined ? '<strong class="value muted">暂无数据</strong>' : `<strong class="value">${escapeHtml(entry.value)}</strong>`;
  const verdict = entry.met === undefined ? '' : ` <span class="verdict">${entry.met ? '✔' : '✘'}${entry.share ? ` ${escapeHtml(entry.share)}` : ''}</span>`;
  const target = entry.target === undefined ? '未设目标' : `目标 ${escapeHtml(entry.target)}${verdict}`;
  const note = entry.targetNote ? `<span class="note">${escapeHtml(entry.targetNote)}</span>` : '';
  return `<li class="tile ${state}"><span class="label">${escapeHtml(entry.label)}</span>${value}<span class="target">${target}</span>${note}</li>`;
}

function reportList(reports: readonly DeskReport[], account: string): string {
  if (!reports.length) return `<p class="muted">还没有报告：运行 mpdesk report monthly --account ${escapeHtml(account)} 生成。</p>`;
  return `<ul class="reports">${reports.map((report) => `<li><a href="${escapeHtml(report.href)}">${escapeHtml(report.label)}</a></li>`).join('')}</ul>`;
}

/** The KPI tiles of the newest month in the snapshots, with the day they run to, and the account's reports. */
export function kpisHtml(panel: KpiPanel, reports: readonly DeskReport[], account: string): string {
  let body: string;
  if (panel.state === 'none') body = `<p class="muted">暂无数据。${escapeHtml(panel.message)}</p>`;
  else if (panel.state === 'unreadable') body = `<p class="bad">${escapeHtml(panel.message)}</p>`;
  else body = `<ul class="tiles">${panel.tiles.map(tile).join('')}</ul>`;
  const when = panel.state === 'ok' ? ` <small>${escapeHtml(panel.label)} · 数据截至 ${escapeHtml(panel.asOf)}${panel.coveredDays < panel.days ? `（本月已有 ${panel.coveredDays} 天）` : ''}</small>` : '';
  return `<section class="kpis"><h3>核心指标${when}</h3>${body}<h3>报告</h3>${reportList(reports, account)}</section>`;
}
