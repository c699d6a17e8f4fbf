import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { isObject } from '../shared/json-shape.ts';
import { storedValidator } from './stored-validator.ts';
import type { AccountSettings, ArticleFrontmatter, ContentPlan, MediaLedger, WordListFile } from './schema-types.ts';

export type SchemaKind = 'account' | 'article' | 'plan' | 'words' | 'media-ledger';

/** The typed value of each content kind, generated from its schema (schema-types.ts). */
export interface SchemaTypes {
  account: AccountSettings;
  article: ArticleFrontmatter;
  plan: ContentPlan;
  words: WordListFile;
  'media-ledger': MediaLedger;
}

/** Per-account WeChat field limits; the article schema's own maxLength values are the defaults. */
export interface FieldLimits {
  title?: number;
  author?: number;
  digest?: number;
}

export type JsonSchema = Record<string, unknown>;


const schemaDir = new URL('../../schemas/', import.meta.url);

export function loadSchema(kind: SchemaKind): JsonSchema {
  const schema: unknown = JSON.parse(readFileSync(new URL(`${kind}.schema.json`, schemaDir), 'utf8'));
  if (!isObject(schema)) throw new Error(`schemas/${kind}.schema.json 不是 JSON 对象。`);
  return schema;
}

function propertiesOf(schema: JsonSchema): Record<string, unknown> {
  return isObject(schema.properties) ? schema.properties : {};
}

const load = createRequire(import.meta.url);
let made: Ajv2020 | undefined;

/** The schema compiler, loaded only when a validator is not in compiled/validators/ (stored-validator.ts). */
function ajv(): Ajv2020 {
  if (made) return made;
  const { Ajv2020: Compiler } = load('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = load('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
  // `code.source` keeps the generated code, for stored-validator.ts.
  made = new Compiler({ allErrors: true, verbose: true, strict: true, strictRequired: false, code: { source: true } });
  addFormats(made);
  // `x-redact: true` marks a field whose wrong value may be a secret pasted in the wrong place: messages never echo it.
  made.addVocabulary(['x-redact']);
  return made;
}

const compiled = new Map<string, ValidateFunction>();

function compile(key: string, schema: () => JsonSchema): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    const body = schema();
    // Each variant is compiled as its own schema, so it needs its own $id.
    validate = storedValidator(ajv, { ...body, $id: `${String(body.$id).replace(/\.schema\.json$/, '')}/${key.replace(/[:/]/g, '-')}.schema.json` });
    compiled.set(key, validate);
  }
  return validate;
}

export function validatorFor(kind: SchemaKind, limits: FieldLimits = {}): (data: unknown) => ErrorObject[] {
  const key = kind === 'article' ? `article:${limits.title ?? ''}:${limits.author ?? ''}:${limits.digest ?? ''}` : kind;
  const validate = compile(key, () => (kind === 'article' ? articleSchemaWith(limits) : loadSchema(kind)));
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}

function articleSchemaWith(limits: FieldLimits): JsonSchema {
  const schema = loadSchema('article');
  const properties = propertiesOf(schema);
  for (const field of ['title', 'author', 'digest'] as const) {
    const limit = limits[field];
    const property = properties[field];
    if (limit !== undefined && isObject(property)) properties[field] = { ...property, maxLength: limit };
  }
  return schema;
}

/** Whether a parsed value is a valid content file of this kind, as a type guard: parse, then type. */
export function conforms<K extends SchemaKind>(kind: K, data: unknown): data is SchemaTypes[K] {
  return validatorFor(kind)(data).length === 0;
}

/** A property's schema without length limits: a title too long for WeChat is still the title. */
function withoutLengthLimits(node: JsonSchema): JsonSchema {
  const strip = (value: unknown): unknown => (Array.isArray(value) ? value.map(strip) : isObject(value) ? withoutLengthLimits(value) : value);
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'maxLength').map(([key, value]) => [key, strip(value)]));
}

function propertyValidator(kind: SchemaKind, property: string): ValidateFunction | undefined {
  const key = `${kind}/${property}`;
  if (compiled.has(key)) return compiled.get(key);
  const schema = propertiesOf(loadSchema(kind))[property];
  if (!isObject(schema)) return undefined;
  return compile(key, () => ({ $id: `https://mpdesk.dev/schemas/${kind}.schema.json`, ...withoutLengthLimits(schema) }));
}

/**
 * The fields of a parsed YAML mapping whose values have the shape their schema gives, typed by the generated
 * types. A field with the wrong shape is left out (validation reports it); length limits do not count here.
 */
export function typedFields<K extends SchemaKind>(kind: K, data: Readonly<Record<string, unknown>>): Partial<SchemaTypes[K]> {
  const fields: Partial<SchemaTypes[K]> = {};
  for (const [name, value] of Object.entries(data)) {
    const validate = propertyValidator(kind, name);
    if (validate?.(value)) Object.assign(fields, { [name]: value });
  }
  return fields;
}
