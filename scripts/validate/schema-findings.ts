import type { ErrorObject } from 'ajv';
import type { SourceFile, Frontmatter } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';
import { didYouMean } from '../shared/did-you-mean.ts';

type JsonSchema = Record<string, unknown>;

/** Turns ajv errors into findings placed on the offending key, with Chinese-first messages that say what was expected. */
export function schemaFindings(source: SourceFile, doc: Frontmatter, errors: readonly ErrorObject[]): Finding[] {
  const conditions = new Map(errors.filter((e) => e.keyword === 'if').map((e) => [e.schemaPath.replace(/\/if$/, ''), e.parentSchema]));
  return relevantErrors(errors).map((error) => {
    // A `required` under `then` says why it is required: the `if` beside it.
    const condition = conditions.get(error.schemaPath.replace(/\/then\/.*$/, ''));
    return toFinding(source, doc, error, error.schemaPath.includes('/then/') ? condition : undefined);
  });
}

/**
 * Keeps the errors a writer can act on: for `anyOf` (true or an object), the branch of the value's own type
 * when there is one, else a single summary; `if/then` wrappers go, their `required` error stays.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'if') dropped.add(error);
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') continue;
    const branches = error.schema as JsonSchema[];
    const match = branches.findIndex((branch) => typeMatches(branch.type, error.data));
    const prefix = `${error.schemaPath}/`;
    for (const other of errors) {
      // The same schema path serves every item of a list: only errors about this value belong to this anyOf.
      if (!other.schemaPath.startsWith(prefix) || !isWithin(other.instancePath, error.instancePath)) continue;
      const inMatchingBranch = match >= 0 && other.schemaPath.startsWith(`${prefix}${match}/`);
      if (!inMatchingBranch) dropped.add(other);
    }
    if (match >= 0) dropped.add(error);
  }
  return errors.filter((error) => !dropped.has(error));
}

function isWithin(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

function typeMatches(type: unknown, value: unknown): boolean {
  const actual = jsonType(value);
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function toFinding(source: SourceFile, doc: Frontmatter, error: ErrorObject, condition?: JsonSchema): Finding {
  const { pointer, field, message, suggestions } = describe(error, condition);
  const span = locate(doc, pointer);
  const range = source.locator.range(span[0], span[1]);
  const finding: Finding = {
    file: source.file,
    ...range,
    ruleId: `schema/${error.keyword}`,
    severity: 'error',
    message,
    field: field || '(frontmatter)',
  };
  if (suggestions?.length) finding.suggestions = suggestions;
  return finding;
}

/** The span of a field's key (or list item); missing fields point at their parent, the root at the first line. */
function locate(doc: Frontmatter, pointer: string): readonly [number, number] {
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const field = doc.fields.get(p);
    if (field) return field.key ?? field.value;
  }
  const start = doc.span[0];
  return [start, start + 3];
}

interface Described {
  pointer: string;
  field: string;
  message: string;
  suggestions?: string[];
}

function describe(error: ErrorObject, condition?: JsonSchema): Described {
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  const params = error.params as Record<string, unknown>;
  const pointer = error.instancePath;
  const field = fieldPath(pointer);
  const label = labelOf(parent, field);
  const value = error.data;

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const child = ((parent.properties as Record<string, JsonSchema> | undefined) ?? {})[missing] ?? {};
      const path = field ? `${field}.${missing}` : missing;
      const why = condition ? `（${describeIf(condition)} 时必填）` : '';
      return {
        pointer,
        field: path,
        message: `缺少必填字段 ${path}${titleSuffix(child)}${why}。${descriptionOf(child)}`.trim(),
      };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const known = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
      const guess = didYouMean(extra, known);
      const path = field ? `${field}.${extra}` : extra;
      return {
        pointer: `${pointer}/${extra}`,
        field: path,
        message: `未知字段 ${path}${guess ? `，是不是想写 ${guess}？` : '。'}可用的字段：${known.join('、')}。`,
        ...(guess ? { suggestions: [guess] } : {}),
      };
    }
    case 'type':
      return {
        pointer,
        field,
        message: `${label}类型不对：应为${typeName(params.type)}，实际是${typeName(jsonType(value))}。`,
      };
    case 'maxLength':
      return {
        pointer,
        field,
        message: `${label}太长：${[...String(value)].length} 个字符，上限 ${String(params.limit)} 个字符。`,
      };
    case 'minLength':
      return { pointer, field, message: `${label}不能为空。` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = didYouMean(String(value), allowed);
      return {
        pointer,
        field,
        message: `${label}的值“${String(value)}”无效，应为以下之一：${allowed.join('、')}。`,
        suggestions: guess ? [guess] : allowed,
      };
    }
    case 'const':
      return { pointer, field, message: `${label}必须是 ${JSON.stringify(params.allowedValue)}。${descriptionOf(parent)}` };
    case 'format':
      return { pointer, field, message: `${label}${formatMessage(String(params.format), value)}` };
    case 'pattern':
      return { pointer, field, message: `${label}格式不对：${shown(parent, value)}。${descriptionOf(parent)}` };
    case 'anyOf':
    case 'oneOf':
      return { pointer, field, message: `${label}的取值不符合要求。${descriptionOf(parent)}` };
    case 'minItems':
      return { pointer, field, message: `${label}至少要有 ${String(params.limit)} 项。` };
    case 'maxItems':
      return { pointer, field, message: `${label}最多 ${String(params.limit)} 项。` };
    case 'uniqueItems':
      return { pointer, field, message: `${label}有重复项（第 ${Number(params.j) + 1} 项与第 ${Number(params.i) + 1} 项相同）。` };
    case 'minimum':
    case 'maximum':
      return {
        pointer,
        field,
        message: `${label}应${error.keyword === 'minimum' ? '不小于' : '不大于'} ${String(params.limit)}，实际是 ${String(value)}。`,
      };
    default:
      return { pointer, field, message: `${label}不符合要求：${error.message ?? error.keyword}。` };
  }
}

function formatMessage(format: string, value: unknown): string {
  const text = String(value);
  if (format === 'date-time') {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
      return `缺少时区：“${text}”，应写成 ${text.replace(' ', 'T')}${text.length === 16 ? ':00' : ''}+08:00 这样带时区的时间。`;
    }
    return `不是有效的时间：“${text}”，应为 ISO 8601 格式，例如 2026-12-03T20:00:00+08:00。`;
  }
  if (format === 'uri') return `不是完整的网址：“${text}”，应以 https:// 开头。`;
  return `格式不对：“${text}”，应为 ${format}。`;
}

/** `{if: {properties: {status: {enum: [a, b]}}}}` → "status 为 a 或 b". */
function describeIf(schema: JsonSchema): string {
  const properties = ((schema.if as JsonSchema | undefined)?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties)
    .map(([name, rule]) => `${name} 为 ${Array.isArray(rule.enum) ? rule.enum.join(' 或 ') : JSON.stringify(rule.const)}`)
    .join('且');
}

/** `/sources/0/url` → `sources[0].url`. */
export function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function labelOf(schema: JsonSchema, field: string): string {
  const title = typeof schema.title === 'string' ? schema.title.split(' / ')[0] : undefined;
  if (!field) return 'frontmatter ';
  return title ? `${title}（${field}）` : `${field} `;
}

function titleSuffix(schema: JsonSchema): string {
  return typeof schema.title === 'string' ? `（${schema.title.split(' / ')[0]}）` : '';
}

/** The offending value in quotes, unless the field is marked `x-redact` (it may be a pasted secret). */
function shown(schema: JsonSchema, value: unknown): string {
  return schema['x-redact'] === true ? '（值不显示：它可能是密钥本身）' : `“${String(value)}”`;
}

function descriptionOf(schema: JsonSchema): string {
  return typeof schema.description === 'string' ? schema.description.split(/(?<=。)\s*(?=[A-Za-z])/)[0]! : '';
}

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '布尔值 true/false',
  object: '键值对',
  array: '列表',
  null: '空值',
};

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => typeNames[String(t)] ?? String(t)).join('或');
}
