import type { Finding } from '../shared/finding.ts';
import { heldOutSets, proseSets } from './prose-sets.ts';
import type { Placed } from './sandbox.ts';

/** The families whose findings are compliance findings: the ones the corpus labels and prose must not raise. */
export const complianceFamilies = ['ad-law', 'platform', 'sensitive', 'ad-label', 'facts', 'privacy'] as const;

/** Expected findings, how many were found, and findings nobody expected. */
export interface Tally {
  expected: number;
  found: number;
  alarms: number;
}

export interface Miss {
  category: string;
  ruleId: string;
  text: string;
  /** What the line got instead. */
  got: string[];
}

export interface Alarm {
  /** The labelled category, or the prose file. */
  where: string;
  ruleId: string;
  /** The quoted words the message names, or the first words of the message. */
  term: string;
  text: string;
}

/** What ordinary prose raised: every compliance finding there is a false alarm. */
export interface ProseTally {
  chars: number;
  findings: number;
  byFamily: Record<string, number>;
}

export interface Score {
  lines: number;
  families: Record<string, Tally>;
  rules: Record<string, Tally>;
  categories: Record<string, Tally>;
  evasion: Record<string, Tally>;
  contexts: Record<string, Tally>;
  /** What each prose set raised, by the set's id in prose-sets.ts; the held-out set's alarms are not listed, so nobody tunes on them. */
  prose: Record<string, ProseTally>;
  misses: Miss[];
  /** False alarms on the labelled lines and the tuned prose sets. */
  alarms: Alarm[];
}

export const emptyProse = (): ProseTally => ({ chars: 0, findings: 0, byFamily: {} });

export const familyOf = (ruleId: string): string => ruleId.slice(0, ruleId.indexOf('/'));
const isCompliance = (ruleId: string): boolean => (complianceFamilies as readonly string[]).includes(familyOf(ruleId));

function add(tallies: Record<string, Tally>, key: string, part: Partial<Tally>): void {
  const tally = (tallies[key] ??= { expected: 0, found: 0, alarms: 0 });
  tally.expected += part.expected ?? 0;
  tally.found += part.found ?? 0;
  tally.alarms += part.alarms ?? 0;
}

/** Compares what was expected of each labelled line with what lint said, and counts what prose raised. */
export function score(placed: ReadonlyMap<string, Placed>, findings: readonly Finding[], excerpt: (f: Finding) => string): Score {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.severity === 'info' || !isCompliance(finding.ruleId)) continue;
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const result: Score = {
    lines: 0, families: {}, rules: {}, categories: {}, evasion: {}, contexts: {},
    prose: Object.fromEntries(proseSets.map((set) => [set.id, emptyProse()])), misses: [], alarms: [],
  };
  for (const item of placed.values()) {
    const got = byFile.get(item.file) ?? [];
    if (item.kind === 'prose') {
      const tally = (result.prose[item.set] ??= emptyProse());
      tally.chars += item.chars;
      tally.findings += got.length;
      for (const f of got) {
        tally.byFamily[familyOf(f.ruleId)] = (tally.byFamily[familyOf(f.ruleId)] ?? 0) + 1;
        if (!heldOutSets.has(item.set)) result.alarms.push({ where: item.source, ruleId: f.ruleId, term: termOf(f.message), text: excerpt(f) });
      }
      continue;
    }
    result.lines++;
    const expected = new Set(item.line.expect.filter(isCompliance));
    const gotIds = new Set(got.map((f) => f.ruleId));
    const groups = [
      [result.categories, item.category],
      [result.contexts, item.line.context ?? 'body'],
      ...(item.line.evasion ? [[result.evasion, item.line.evasion] as const] : []),
    ] as const;
    for (const ruleId of expected) {
      const found = gotIds.has(ruleId) ? 1 : 0;
      add(result.rules, ruleId, { expected: 1, found });
      for (const [tallies, key] of groups) add(tallies, key, { expected: 1, found });
      if (!found) result.misses.push({ category: item.category, ruleId, text: item.line.text, got: [...gotIds] });
    }
    for (const ruleId of gotIds) {
      if (expected.has(ruleId)) continue;
      add(result.rules, ruleId, { alarms: 1 });
      for (const [tallies, key] of groups) add(tallies, key, { alarms: 1 });
      const f = got.find((g) => g.ruleId === ruleId)!;
      result.alarms.push({ where: item.category, ruleId, term: termOf(f.message), text: item.line.text });
    }
    // A family counts as found on a line when any of its rules fired there, whichever the line expected.
    const expectedFamilies = new Set([...expected].map(familyOf));
    const gotFamilies = new Set([...gotIds].map(familyOf));
    for (const family of expectedFamilies) add(result.families, family, { expected: 1, found: gotFamilies.has(family) ? 1 : 0 });
    for (const family of gotFamilies) if (!expectedFamilies.has(family)) add(result.families, family, { alarms: 1 });
  }
  return result;
}

function termOf(message: string): string {
  return /“([^”]+)”/.exec(message)?.[1] ?? message.slice(0, 20);
}

export const recall = (t: Tally): number | undefined => (t.expected ? t.found / t.expected : undefined);
export const precision = (t: Tally): number | undefined => (t.found + t.alarms ? t.found / (t.found + t.alarms) : undefined);
export const per10k = (s: ProseTally): number => (s.chars ? (s.findings / s.chars) * 10_000 : 0);
