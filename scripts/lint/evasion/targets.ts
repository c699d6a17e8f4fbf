import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sourceUrl } from '../../shared/module-url.ts';
import { foldText } from '../normalize.ts';

/** Which built-in list a target comes from; disguises of one sentence are read as the family its plain words belong to. */
export type TargetFamily = 'absolute' | 'claims' | 'platform' | 'sensitive';

/** A high-risk term whose disguised spellings the matcher restores. */
export interface Target {
  /** As the list writes it (第一), for messages. */
  term: string;
  /** Normalised (第1): what the matcher compares and what restoration writes. */
  folded: string;
  family: TargetFamily;
  /** A word read only as context (公众号, 领取: which family a sentence's disguise belongs to), never restored. */
  contextOnly?: boolean;
}

const files: Record<TargetFamily, string> = {
  absolute: 'ad-law-absolute.yaml',
  claims: 'ad-law-claims.yaml',
  platform: 'platform.yaml',
  sensitive: 'sensitive-builtin.yaml',
};

/**
 * The platform lexicon's word classes that are themselves the risky act or bait (share, follow, like, collect, red
 * packets, diversion and its destinations, headline bait). Rewards, gates, negations and the like are ordinary words
 * that only matter beside these; restoring their look-alikes would only add noise.
 */
const platformClasses = new Set(['分享', '分享任务', '关注', '点赞在看', '集赞', '拉票', '红包', '进群', '导流', '导流去处', '站外平台', '标题党']);

const han = /\p{Script=Han}/u;

function entriesOf(data: unknown): Array<{ term: string; category: string; severity: string }> {
  if (!data || typeof data !== 'object' || !('entries' in data) || !Array.isArray(data.entries)) return [];
  return data.entries.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const term = Reflect.get(item, 'term');
    const category = Reflect.get(item, 'category');
    const severity = Reflect.get(item, 'severity');
    return typeof term === 'string' && typeof category === 'string' ? [{ term, category, severity: typeof severity === 'string' ? severity : 'error' }] : [];
  });
}

/**
 * The built-in lists' terms that are worth disguising: every error or warning entry of the absolute-term, claims and
 * sensitive lists and the platform classes above, with at least one Han character and two characters after folding;
 * the platform lexicon's other words come along as context. Team and account lists are the writers' own words and
 * are matched as written. Read by `npm run gen:evasion`, which stores the result in tables.json for the linter.
 */
export function targetsFromLists(): Target[] {
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const [family, file] of Object.entries(files) as Array<[TargetFamily, string]>) {
    const data: unknown = parse(readFileSync(new URL(`../dictionaries/${file}`, sourceUrl(import.meta.url)), 'utf8'));
    for (const entry of entriesOf(data)) {
      if (entry.severity === 'info') continue;
      const folded = foldText(entry.term);
      if ([...folded].length < 2 || !han.test(folded) || seen.has(folded)) continue;
      seen.add(folded);
      targets.push({ term: entry.term, folded, family, ...(family === 'platform' && !platformClasses.has(entry.category) ? { contextOnly: true } : {}) });
    }
  }
  return targets;
}
