import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { isObject } from '../shared/json-shape.ts';
import { corpusDir } from './corpus.ts';
import { proseSets } from './prose-sets.ts';
import { emptyProse, per10k, recall, type Score, type Tally } from './score.ts';

/** The committed figures the suite holds the rules to: recall may not fall, false alarms may not rise. */
export interface Baseline {
  recall: Record<string, number>;
  alarms: Record<string, number>;
  /** Compliance findings per 10,000 characters of each prose set, by its id in prose-sets.ts. */
  prosePer10k: Record<string, number>;
}

export const baselineFile = join(corpusDir, 'baseline.json');

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function recalls(prefix: string, tallies: Record<string, Tally>): [string, number][] {
  return Object.entries(tallies).flatMap(([key, t]) => {
    const r = recall(t);
    return r === undefined ? [] : [[`${prefix}:${key}`, round(r)] as [string, number]];
  });
}

/** The corpus's figures and, prefixed `held-out:`, the held-out lines' recall per family and class and their false alarms. */
export function toBaseline(score: Score & { heldOut?: Score }): Baseline {
  const groups = { family: score.families, rule: score.rules, category: score.categories, evasion: score.evasion, context: score.contexts };
  const held = score.heldOut ? { 'held-out:family': score.heldOut.families, 'held-out:evasion': score.heldOut.evasion } : {};
  const entries = Object.entries({ ...groups, ...held }).flatMap(([prefix, tallies]) => recalls(prefix, tallies));
  const alarmsOf = (prefix: string, families: Record<string, Tally>) => Object.entries(families).map(([family, t]) => [`${prefix}${family}`, t.alarms] as const);
  const alarms = [...alarmsOf('family:', score.families), ...(score.heldOut ? alarmsOf('held-out:family:', score.heldOut.families) : [])];
  return {
    recall: Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b))),
    alarms: Object.fromEntries(alarms.sort(([a], [b]) => a.localeCompare(b))),
    prosePer10k: Object.fromEntries(proseSets.map((set) => [set.id, round(per10k(score.prose[set.id] ?? emptyProse()))])),
  };
}

export async function readBaseline(file = baselineFile): Promise<Baseline> {
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isObject(data)) throw new Error(`${file} 不是评测基线`);
  // Before the prose sets were one list, each had its own key (prosePer10k a number, prose2Per10k … heldOutPer10k).
  if (typeof data.prosePer10k === 'number' || 'heldOutPer10k' in data) {
    throw new Error(`${file} 是旧格式的评测基线（每组普通文本各占一个键）；请用 npm run eval:lint -- --write-baseline 按新格式重写`);
  }
  const recallValues = numbers(data.recall);
  const alarmValues = numbers(data.alarms);
  const proseValues = numbers(data.prosePer10k);
  if (!recallValues || !alarmValues || !proseValues) throw new Error(`${file} 不是评测基线（缺 recall、alarms 或 prosePer10k）`);
  return { recall: recallValues, alarms: alarmValues, prosePer10k: proseValues };
}

function numbers(value: unknown): Record<string, number> | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, v]) => typeof v === 'number') ? Object.fromEntries(entries.map(([k, v]) => [k, Number(v)])) : undefined;
}

export async function writeBaseline(baseline: Baseline, file = baselineFile): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/** Every figure that got worse than the baseline, as a sentence; empty when none did. */
export function compareBaseline(now: Baseline, base: Baseline): string[] {
  const worse: string[] = [];
  for (const [key, before] of Object.entries(base.recall)) {
    const after = now.recall[key] ?? 0;
    if (after < before) worse.push(`召回率 recall ${key}: ${before} → ${after}`);
  }
  for (const [key, before] of Object.entries(base.alarms)) {
    const after = now.alarms[key] ?? 0;
    if (after > before) worse.push(`误报 false alarms ${key}: ${before} → ${after}`);
  }
  for (const [key, after] of Object.entries(now.alarms)) {
    if (!(key in base.alarms) && after > 0) worse.push(`误报 false alarms ${key}: 0 → ${after}`);
  }
  for (const [id, before] of Object.entries(base.prosePer10k)) {
    const after = now.prosePer10k[id] ?? 0;
    const name = proseSets.find((set) => set.id === id)?.name ?? id;
    if (after > before) worse.push(`${name}误报 ${id} findings per 10,000 characters: ${before} → ${after}`);
  }
  return worse;
}
