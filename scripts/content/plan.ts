import type { Frontmatter, Span } from './frontmatter.ts';
import type { PlanFile, SourceFile } from './index.ts';
import type { ContentPlan } from './schema-types.ts';
import { typedFields } from './schemas.ts';

export type PlanEntryFields = ContentPlan['entries'][number];

/** One entry of a plan, typed, with where it and its fields are written. */
export interface PlanEntry {
  /** Position in `entries`, 0-based as JSON pointers count (`/entries/3`). */
  index: number;
  fields: PlanEntryFields;
  /** The whole list item, from its first key to its last value. */
  span: Span;
  /** Where each field's key is written. */
  keys: Partial<Record<keyof PlanEntryFields, Span>>;
}

/**
 * One monthly plan as every stage sees it: where it is, its text, its frontmatter (raw with field spans, and typed)
 * and its entries. An entry whose values do not have their schema's shape is left out: validate reports why.
 */
export interface Plan {
  /** Repository-relative path. */
  file: string;
  account: string;
  /** The month its file name gives (`2026-12`). */
  month: string;
  source: SourceFile;
  doc: Frontmatter;
  fields: Partial<Omit<ContentPlan, 'entries'>>;
  entries: PlanEntry[];
}

const resolved = new WeakMap<SourceFile, Plan>();
const entryKeys = ['id', 'topic', 'format', 'owner', 'publish_at', 'goal'] as const;

/** The resolved plan, made once per loaded file; undefined when its frontmatter could not be read. */
export function resolvePlan(file: PlanFile): Plan | undefined {
  const { source, doc, place } = file;
  if (!doc) return undefined;
  const known = resolved.get(source);
  if (known) return known;
  const { entries: _typedEntries, ...fields } = typedFields('plan', doc.data);
  const raw: unknown[] = Array.isArray(doc.data.entries) ? doc.data.entries : [];
  const entries: PlanEntry[] = [];
  raw.forEach((value, index) => {
    // The entries property's own validator, over a list of this one entry: parse, then type.
    const typed = typedFields('plan', { entries: [value] }).entries?.[0];
    if (!typed) return;
    const pointer = `/entries/${index}`;
    const keys: PlanEntry['keys'] = {};
    for (const key of entryKeys) {
      const span = doc.fields.get(`${pointer}/${key}`)?.key;
      if (span) keys[key] = span;
    }
    entries.push({ index, fields: typed, span: trimmed(source.text, doc.fields.get(pointer)?.value ?? doc.span), keys });
  });
  const plan: Plan = { file: source.file, account: place.account, month: place.month, source, doc, fields, entries };
  resolved.set(source, plan);
  return plan;
}

/** A list item's span without the line break YAML counts into it, so it ends on its last line. */
function trimmed(text: string, [start, end]: Span): Span {
  let last = end;
  while (last > start && /\s/.test(text[last - 1]!)) last--;
  return [start, last];
}

/** An article's `plan:` value as the month and entry id it names (`2026-12/03`), or undefined when it is not one. */
export function planReference(value: string): { month: string; id: string } | undefined {
  const match = value.match(/^(\d{4}-\d{2})\/([A-Za-z0-9_-]+)$/);
  return match ? { month: match[1]!, id: match[2]! } : undefined;
}
