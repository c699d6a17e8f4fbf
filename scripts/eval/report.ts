import { markdownTable } from '../output/markdown-table.ts';
import { formatTable } from '../output/table.ts';
import { proseSets, type ProseSet } from './prose-sets.ts';
import { emptyProse, per10k, precision, recall, type Alarm, type Miss, type ProseTally, type Score, type Tally } from './score.ts';

/** The issue's targets: recall per family and per category, per evasion class, and the prose false-alarm rate. */
export const targets = { recall: 0.95, evasion: 0.9, prosePer10k: 0.5 };

export type ReportFormat = 'text' | 'markdown';

const percent = (n: number | undefined) => (n === undefined ? '—' : `${(n * 100).toFixed(1)}%`);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

function tallyRows(tallies: Record<string, Tally>, aim: number | undefined): string[][] {
  return Object.entries(tallies)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, t]) => {
      const r = recall(t);
      const verdict = aim === undefined || r === undefined ? '' : mark(r >= aim);
      return [key, String(t.expected), String(t.found), percent(r), String(t.alarms), percent(precision(t)), verdict];
    });
}

const tallyHeaders = ['', '应报 expected', '报出 found', '召回 recall', '误报 alarms', '精确 precision', '达标'];

function worstMisses(misses: readonly Miss[], limit: number): string[][] {
  return misses.slice(0, limit).map((m) => [m.category, m.ruleId, m.text, m.got.join(', ') || '（无）']);
}

/** False alarms grouped by rule and the words they named, most frequent first. */
function worstAlarms(alarms: readonly Alarm[], limit: number): string[][] {
  const groups = new Map<string, { alarm: Alarm; count: number }>();
  for (const alarm of alarms) {
    const key = `${alarm.ruleId}\u0000${alarm.term}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { alarm, count: 1 });
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.alarm.ruleId.localeCompare(b.alarm.ruleId))
    .slice(0, limit)
    .map(({ alarm, count }) => [String(count), alarm.ruleId, alarm.term, alarm.where, alarm.text]);
}

function proseLine(tally: ProseTally): string {
  const rate = per10k(tally);
  const families = Object.entries(tally.byFamily).map(([family, n]) => `${family} ${n}`).join('，') || '无';
  return `${tally.findings} 条合规提示，每万字 ${rate.toFixed(2)} 条 ${mark(rate <= targets.prosePer10k)}（${families}）\n`;
}

/** The first set states the target; a tuned set says it is tuned on, the held-out one that its alarms are not listed. */
function proseHeading(set: ProseSet): string {
  if (set.id === 'prose') return `${set.name} ordinary prose（目标 ≤ ${targets.prosePer10k} 条 / 万字）`;
  if (set.heldOut) return `${set.name} ${set.id} prose（${set.what}；不据此调规则，误报不列出；目标同上）`;
  return `${set.name} ${set.id}（${set.what}，参与调参；目标同上）`;
}

const proseOf = (score: Score, id: string): ProseTally => score.prose[id] ?? emptyProse();

export function formatReport(score: Score & { seconds: number; heldOut?: Score }, format: ReportFormat, limit = 25): string {
  const table = (headers: readonly string[], rows: readonly string[][]) =>
    format === 'markdown' ? markdownTable(headers, rows).join('\n') + '\n' : formatTable(headers, rows);
  const heading = (text: string) => (format === 'markdown' ? `\n#### ${text}\n\n` : `\n${text}\n`);
  const chars = (n: number) => n.toLocaleString('en-US');
  return [
    `标注语料 ${score.lines} 行，${proseSets.map((set) => `${set.name} ${chars(proseOf(score, set.id).chars)} 字`).join('，')}；检查用时 ${score.seconds.toFixed(1)} s\n`,
    heading(`按家族 by family（目标召回 ≥ ${targets.recall}）`),
    table(tallyHeaders, tallyRows(score.families, targets.recall)),
    heading(`按类别 by category（目标召回 ≥ ${targets.recall}）`),
    table(tallyHeaders, tallyRows(score.categories, targets.recall)),
    heading(`规避写法 by evasion class（目标召回 ≥ ${targets.evasion}）`),
    table(tallyHeaders, tallyRows(score.evasion, targets.evasion)),
    heading('按位置 by context'),
    table(tallyHeaders, tallyRows(score.contexts, undefined)),
    heading('按规则 by rule'),
    table(tallyHeaders, tallyRows(score.rules, undefined)),
    ...proseSets.flatMap((set) => [heading(proseHeading(set)), proseLine(proseOf(score, set.id))]),
    heading(`漏报 misses（${score.misses.length} 处，列前 ${Math.min(limit, score.misses.length)} 处）`),
    table(['类别', '应报规则', '原文', '实际报出'], worstMisses(score.misses, limit)),
    heading(`误报 false alarms（${score.alarms.length} 处，按规则和词归并）`),
    table(['次数', '规则', '词', '出处', '例句'], worstAlarms(score.alarms, limit)),
    ...(score.heldOut ? heldOutReport(score.heldOut, heading, table) : []),
  ].join('');
}

/**
 * The held-out lines (corpus/held-out/, never tuned on): their own recall per class and family, and how many misses
 * and false alarms there were. Which lines they were is not shown, so that nobody tunes a rule on them.
 */
function heldOutReport(held: Score, heading: (text: string) => string, table: (headers: readonly string[], rows: readonly string[][]) => string): string[] {
  const clean = Object.entries(held.categories).filter(([category]) => category.endsWith('clean'));
  const cleanAlarms = clean.reduce((n, [, t]) => n + t.alarms, 0);
  return [
    heading(`留出集 held-out：规避写法 by evasion class（${held.lines} 行，不参与调参；目标召回 ≥ ${targets.evasion}）`),
    table(tallyHeaders, tallyRows(held.evasion, targets.evasion)),
    heading('留出集 held-out：按家族 by family'),
    table(tallyHeaders, tallyRows(held.families, undefined)),
    `\n留出集中不该报的同音、形近、同首字母行：误报 ${cleanAlarms} 处；留出集漏报 ${held.misses.length} 处、误报 ${held.alarms.length} 处（不列出原文，免得据此调规则）\n`,
  ];
}
