import { createHash } from 'node:crypto';
import { decodeText, fullWidthColonMistake, readYamlFile, validatorFor, type Frontmatter, type SourceFile } from '../content/index.ts';
import type { Finding, Severity } from '../shared/finding.ts';
import { createLocator } from '../shared/text-locator.ts';
import { schemaFindings } from '../validate/index.ts';
import type { DictionaryEntry, WordList } from './dictionary.ts';
import { engineFinding, fileStart, wordTooShort } from './engine-findings.ts';
import { foldText } from './normalize.ts';
import { readListFile } from './resources.ts';
import type { WordFileStore } from './word-cache.ts';

/** A word list as read, and what is wrong with its file (placed on the offending field). */
export interface WordFile {
  list: WordList;
  findings: Finding[];
}

const empty = (): WordList => ({ entries: [], allow: [] });
/** A missing list: the same object every time, so a dictionary made from it can be reused (see resources.ts). */
const noWords: WordList = Object.freeze({ entries: [], allow: [] });

// Compiled on first use: commands that never read a word list do not pay for it.
const validate = (data: unknown) => validatorFor('words')(data);

/**
 * Reads a word-list YAML file (`entries`, `allow`) against schemas/words.schema.json. A missing file is an empty
 * list; a file that cannot be read or parsed is an empty list and an error finding; entries the schema rejects
 * are left out, each with its finding, and the rest of the list is used.
 * `file` is the repository-relative path findings name; `list` the label messages give the list; `store` keeps
 * parsed lists between runs; `staged`: the bytes to read instead of the file's (the staged version, in a hook).
 */
export async function readWordFile(path: string, file: string, list: string, store?: WordFileStore, staged?: Uint8Array): Promise<WordFile> {
  const read = staged ? { ok: true as const, bytes: Buffer.from(staged) } : await readListFile(path, file);
  if (!read.ok && read.code === 'ENOENT') return { list: noWords, findings: [] };
  if (!read.ok) return { list: empty(), findings: [fail(file, 'schema/read', `无法读取词表：${read.message}`)] };
  const key = `${file}\0${list}`;
  const known = parsedLists.get(path);
  if (known?.key === key && known.bytes.equals(read.bytes)) return { list: known.result.list, findings: known.result.findings.map((f) => ({ ...f })) };
  const result = store ? await storedParse(store, key, read.bytes, () => parseWordFile(read.bytes, path, file, list), file) : parseWordFile(read.bytes, path, file, list);
  parsedLists.set(path, { key, bytes: read.bytes, result });
  return { list: result.list, findings: result.findings.map((f) => ({ ...f })) };
}

/** The list's parse from the store when its bytes were parsed before, else parsed now and stored. */
async function storedParse(store: WordFileStore, key: string, bytes: Buffer, parse: () => WordFile, file: string): Promise<WordFile> {
  const byBytes = createHash('sha256').update(key).update('\0').update(bytes).digest('hex');
  const kept = await store.get(file, byBytes);
  if (kept) return kept;
  const parsed = parse();
  await store.set(file, byBytes, parsed);
  return parsed;
}

/**
 * Each list's last parse, with the bytes it came from: a process that lints again and again (`mpdesk preview`)
 * parses the built-in lists, about 130 KB of YAML, once, and a list again only when its bytes change.
 */
const parsedLists = new Map<string, { key: string; bytes: Buffer; result: WordFile }>();

function parseWordFile(bytes: Buffer, path: string, file: string, list: string): WordFile {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const at = { line: decoded.line, column: decoded.column, endLine: decoded.line, endColumn: decoded.column };
    return { list: empty(), findings: [{ ...fail(file, 'schema/encoding', decoded.message), ...at }] };
  }
  const { text, bomLength } = decoded;
  const source: SourceFile = { path, file, text, bomLength, locator: createLocator(text) };
  const parsed = readYamlFile(text, bomLength);
  if (!parsed.ok) {
    const ruleId = parsed.reason === 'yaml' ? 'schema/yaml-syntax' : 'schema/type';
    const message = `词表没有生效：${parsed.message}`;
    return { list: empty(), findings: [{ ...fail(file, ruleId, message), ...source.locator.range(parsed.span[0], parsed.span[1]) }] };
  }
  const doc = parsed.frontmatter;
  const errors = validate(doc.data);
  const findings = schemaFindings(source, doc, errors).map((f) => (f.field === '(frontmatter)' ? { ...f, field: '(words.yaml)' } : f));
  // An entry the schema rejects is reported there and not used: a misspelt severity must not match as an error.
  const rejected = (pointer: string) => errors.some((e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`));
  const colons = fullWidthColons(source, doc);
  findings.push(...colons.findings);
  const result = toWordList(doc.data, list, (pointer) => rejected(pointer) || colons.pointers.has(pointer));
  for (const { entry, pointer } of result.located) {
    const folded = foldText(entry.term);
    if ([...folded].length >= 2) continue;
    const span = doc.fields.get(`${pointer}/term`)?.value ?? doc.fields.get(pointer)?.value ?? doc.span;
    const left = folded ? `只剩“${folded}”一个字` : '什么也不剩';
    const message = `词条“${entry.term}”归一化后（统一全半角和繁简、去掉夹杂的符号、折叠重复的字）${left}，会匹配到太多地方，已忽略；请写成更长的词。`;
    findings.push({ ...engineFinding(wordTooShort, file, source.locator.range(span[0], span[1]), message), field: fieldOf(pointer) });
  }
  return { list: result.list, findings };
}

/** The fields of an entry (schemas/words.schema.json), which `toEntry` reads. */
const entryFields = ['term', 'category', 'severity', 'basis', 'message', 'suggestions', 'tags'];

/**
 * `- term：竞品` is valid YAML, a plain string entry that would never match what the writer meant: an error at the
 * item, the usual full-width-colon explanation, and the entry is not used.
 */
function fullWidthColons(source: SourceFile, doc: Frontmatter): { findings: Finding[]; pointers: Set<string> } {
  const findings: Finding[] = [];
  const pointers = new Set<string>();
  for (const key of ['entries', 'deny'] as const) {
    const items: unknown = doc.data[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      const mistake = typeof item === 'string' ? fullWidthColonMistake(`- ${item}`, entryFields) : undefined;
      const span = doc.fields.get(`/${key}/${index}`)?.value;
      if (!mistake || !span) return;
      pointers.add(`/${key}/${index}`);
      const message = `词条“${String(item)}”会被当成一个要查的词，没有生效：${mistake}`;
      findings.push({ ...fail(source.file, 'schema/yaml-syntax', message), ...source.locator.range(span[0], span[1]), field: `${key}[${index}]` });
    });
  }
  return { findings, pointers };
}

function fail(file: string, ruleId: string, message: string): Finding {
  return { file, ...fileStart, ruleId, severity: 'error', message };
}

/** `/entries/3` → `entries[3]`. */
function fieldOf(pointer: string): string {
  return pointer.slice(1).replace(/\/(\d+)/g, '[$1]');
}

/** The entries and allow phrases of a parsed list that the schema accepts; the rest are the schema's findings. */
function toWordList(data: Frontmatter['data'], list: string, rejected: (pointer: string) => boolean): { list: WordList; located: Array<{ entry: DictionaryEntry; pointer: string }> } {
  const located: Array<{ entry: DictionaryEntry; pointer: string }> = [];
  for (const key of ['entries', 'deny'] as const) {
    const items = data[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      const pointer = `/${key}/${index}`;
      const entry = rejected(pointer) ? undefined : toEntry(item, list);
      if (entry) located.push({ entry, pointer });
    });
  }
  const allow = Array.isArray(data.allow) ? data.allow.filter((phrase: unknown, index: number): phrase is string => typeof phrase === 'string' && phrase !== '' && !rejected(`/allow/${index}`)) : [];
  return { list: { entries: located.map((l) => l.entry), allow }, located };
}

function toEntry(item: unknown, list: string): DictionaryEntry | undefined {
  if (typeof item === 'string') return item ? { term: item, category: '敏感词', severity: 'error', list } : undefined;
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const field = (name: string): unknown => Reflect.get(item, name);
  const term = field('term');
  if (typeof term !== 'string' || !term) return undefined;
  const text = (name: string) => {
    const value = field(name);
    return typeof value === 'string' && value ? value : undefined;
  };
  const entry: DictionaryEntry = { term, category: text('category') ?? '敏感词', severity: severityOf(field('severity')), list };
  const basis = text('basis');
  const message = text('message');
  if (basis) entry.basis = basis;
  if (message) entry.message = message;
  if (Array.isArray(field('suggestions'))) entry.suggestions = strings(field('suggestions'));
  if (Array.isArray(field('tags'))) entry.tags = strings(field('tags'));
  return entry;
}

function severityOf(value: unknown): Severity {
  return value === 'warning' || value === 'info' ? value : 'error';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}
