import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type SchemaKind = 'account' | 'article' | 'plan';

/** Per-account WeChat field limits; the article schema's own maxLength values are the defaults. */
export interface FieldLimits {
  title?: number;
  author?: number;
  digest?: number;
}

export type JsonSchema = Record<string, unknown>;

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const schemaDir = new URL('../../schemas/', import.meta.url);

export function loadSchema(kind: SchemaKind): JsonSchema {
  return JSON.parse(readFileSync(new URL(`${kind}.schema.json`, schemaDir), 'utf8')) as JsonSchema;
}

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
addFormats(ajv);

const compiled = new Map<string, ValidateFunction>();

function compile(key: string, schema: () => JsonSchema): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    const body = schema();
    // Each per-account variant is compiled as its own schema, so it needs its own $id.
    validate = ajv.compile({ ...body, $id: `${String(body.$id).replace(/\.schema\.json$/, '')}/${key.replace(/:/g, '-')}.schema.json` });
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
  const properties = schema.properties as Record<string, JsonSchema>;
  for (const field of ['title', 'author', 'digest'] as const) {
    const limit = limits[field];
    if (limit !== undefined) properties[field] = { ...properties[field], maxLength: limit };
  }
  return schema;
}
