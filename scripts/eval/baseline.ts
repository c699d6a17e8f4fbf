import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { isObject } from '../shared/json-shape.ts';
import { corpusDir } from './corpus.ts';
import { per10k, recall, type Score, type Tally } from './score.ts';

/** The committed figures the suite holds the rules to: recall may not fall, false alarms may not rise. */
export interface Baseline {
  recall: Record<string, number>;
  alarms: Record<string, number>;
  prosePer10k: number;
  /** The second tuned prose set's figure; absent from baselines written before it existed. */
  prose2Per10k?: number;
  /** The third tuned prose set's figure; absent from baselines written before it existed. */
  prose3Per10k?: number;
  /** The fourth tuned prose set's figure; absent from baselines written before it existed. */
  prose4Per10k?: number;
  heldOutPer10k: number;
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
    prosePer10k: round(per10k(score.prose)),
    prose2Per10k: round(per10k(score.prose2)),
    prose3Per10k: round(per10k(score.prose3)),
    prose4Per10k: round(per10k(score.prose4)),
    heldOutPer10k: round(per10k(score.heldOutProse)),
  };
}

export async function readBaseline(file = baselineFile): Promise<Baseline> {
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  const numbers = (value: unknown): Record<string, number> | undefined =>
    isObject(value) && Object.values(value).every((v) => typeof v === 'number') ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Number(v)])) : undefined;
  if (!isObject(data)) throw new Error(`${file} 不是评测基线`);
  const recallValues = numbers(data.recall);
  const alarmValues = numbers(data.alarms);
  if (!recallValues || !alarmValues || typeof data.prosePer10k !== 'number' || typeof data.heldOutPer10k !== 'number') {
    throw new Error(`${file} 不是评测基线（缺 recall、alarms、prosePer10k 或 heldOutPer10k）`);
  }
  const prose2 = typeof data.prose2Per10k === 'number' ? { prose2Per10k: data.prose2Per10k } : {};
  const prose3 = typeof data.prose3Per10k === 'number' ? { prose3Per10k: data.prose3Per10k } : {};
  const prose4 = typeof data.prose4Per10k === 'number' ? { prose4Per10k: data.prose4Per10k } : {};
  return { recall: recallValues, alarms: alarmValues, prosePer10k: data.prosePer10k, ...prose2, ...prose3, ...prose4, heldOutPer10k: data.heldOutPer10k };
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
  if (now.prosePer10k > base.prosePer10k) worse.push(`普通文本误报 prose findings per 10,000 characters: ${base.prosePer10k} → ${now.prosePer10k}`);
  if (base.prose2Per10k !== undefined && (now.prose2Per10k ?? 0) > base.prose2Per10k) {
    worse.push(`第二组普通文本误报 prose-2 findings per 10,000 characters: ${base.prose2Per10k} → ${now.prose2Per10k}`);
  }
  if (base.prose3Per10k !== undefined && (now.prose3Per10k ?? 0) > base.prose3Per10k) {
    worse.push(`第三组普通文本误报 prose-3 findings per 10,000 characters: ${base.prose3Per10k} → ${now.prose3Per10k}`);
  }
  if (base.prose4Per10k !== undefined && (now.prose4Per10k ?? 0) > base.prose4Per10k) {
    worse.push(`第四组普通文本误报 prose-4 findings per 10,000 characters: ${base.prose4Per10k} → ${now.prose4Per10k}`);
  }
  if (now.heldOutPer10k > base.heldOutPer10k) {
    worse.push(`留出文本误报 held-out prose findings per 10,000 characters: ${base.heldOutPer10k} → ${now.heldOutPer10k}`);
  }
  return worse;
}
