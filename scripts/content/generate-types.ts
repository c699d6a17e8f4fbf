import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { writeFileAtomic } from '../shared/atomic-write.ts';

/** The TypeScript types of every content kind, generated from schemas/: the schema is the one definition. */
const kinds = [
  ['article', 'ArticleFrontmatter'],
  ['account', 'AccountSettings'],
  ['plan', 'ContentPlan'],
] as const;

export const typesFile = fileURLToPath(new URL('./schema-types.ts', import.meta.url));

/** Nested `title`s would each become a named type (`SourceURL1`…); without them the types stay inline and readable. */
function withoutNestedTitles(node: unknown, isRoot: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutNestedTitles(item, false));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'title' && !isRoot) continue;
    out[key] =
      key === 'properties' && value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, withoutNestedTitles(schema, false)]))
        : withoutNestedTitles(value, false);
  }
  return out;
}

export async function generateTypes(): Promise<string> {
  const parts = ['// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit: change the schema.\n'];
  for (const [kind, name] of kinds) {
    const schema = JSON.parse(readFileSync(new URL(`../../schemas/${kind}.schema.json`, import.meta.url), 'utf8'));
    const input = { ...(withoutNestedTitles(schema, true) as Record<string, unknown>), title: name };
    parts.push(await compile(input, name, { bannerComment: '', additionalProperties: false, strictIndexSignatures: true }));
  }
  return parts.join('\n');
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await writeFileAtomic(typesFile, await generateTypes());
  process.stdout.write('已更新 scripts/content/schema-types.ts\n');
}
