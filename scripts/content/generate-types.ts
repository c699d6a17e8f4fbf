import { isObject } from '../shared/json-shape.ts';
import { loadSchema } from './schemas.ts';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { writeFileAtomic } from '../shared/atomic-write.ts';

/** The TypeScript types of every content kind, generated from schemas/: the schema is the one definition. */
const kinds = [
  ['article', 'ArticleFrontmatter'],
  ['account', 'AccountSettings'],
  ['plan', 'ContentPlan'],
  ['words', 'WordListFile'],
  ['media-ledger', 'MediaLedger'],
] as const;

export const typesFile = fileURLToPath(new URL('./schema-types.ts', import.meta.url));

/** Nested `title`s would each become a named type (`SourceURL1`…); without them the types stay inline and readable. */
function withoutNestedTitles(node: Record<string, unknown>, isRoot: boolean): Record<string, unknown> {
  const strip = (value: unknown): unknown => (Array.isArray(value) ? value.map(strip) : isObject(value) ? withoutNestedTitles(value, false) : value);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'title' && !isRoot) continue;
    // Under `properties` the keys are field names, not keywords: a field called `title` stays.
    out[key] = key === 'properties' && isObject(value) ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, strip(schema)])) : strip(value);
  }
  return out;
}

export async function generateTypes(): Promise<string> {
  const parts = ['// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit: change the schema.\n'];
  for (const [kind, name] of kinds) {
    const input = { ...withoutNestedTitles(loadSchema(kind), true), title: name };
    // Item counts are ajv's to check; as tuple types they only repeat each item type (`[T, ...T[]]`).
    parts.push(await compile(input, name, { bannerComment: '', additionalProperties: false, strictIndexSignatures: true, ignoreMinAndMaxItems: true }));
  }
  return parts.join('\n');
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await writeFileAtomic(typesFile, await generateTypes());
  process.stdout.write('已更新 scripts/content/schema-types.ts\n');
}
