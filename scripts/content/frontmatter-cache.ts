import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { isObject } from '../shared/json-shape.ts';
import { notice, unsavedCacheNotice } from '../shared/notice.ts';
import { sealJson, unsealJson } from '../shared/seal.ts';
import { toolHash } from '../shared/tool-hash.ts';
import { shown, writeError } from '../shared/write-error.ts';
import type { FieldSpan, Span } from './frontmatter.ts';

/** A frontmatter block's parse, with spans counted from the block's first character. */
export interface ParsedBlock {
  data: Record<string, unknown>;
  fields: ReadonlyMap<string, FieldSpan>;
}

/** Parses of YAML blocks by their exact text, kept between runs. */
export interface BlockMemo {
  get(block: string): ParsedBlock | undefined;
  set(block: string, parsed: ParsedBlock): void;
  /** Writes what this run parsed or used, and drops what it did not; nothing when nothing changed. */
  save(): Promise<void>;
}

/** [pointer, value start, value end] or, for a mapping entry, [pointer, value start, value end, key start, key end]. */
type StoredField = [string, number, number] | [string, number, number, number, number];
interface StoredBlock {
  data: Record<string, unknown>;
  fields: StoredField[];
}

const cacheFile = (root: string) => join(root, '.cache', 'mpdesk', 'frontmatter.json');
const blockKey = (block: string) => createHash('sha256').update(block).digest('base64url');

/**
 * The frontmatter blocks of a repository's content, parsed (data and field spans) and kept in
 * `.cache/mpdesk/frontmatter.json` by the hash of the tool and each block's text: YAML with source ranges costs
 * about a third of a millisecond a block, which every command that reads the content paid for every file. A cache
 * that cannot be read or reads wrong is parsed again with one notice; it never changes a result.
 */
export async function openBlockMemo(root: string): Promise<BlockMemo> {
  const path = cacheFile(root);
  const tool = toolHash();
  const stored = await readStored(path, tool);
  const used = new Map<string, StoredBlock>();
  let changed = stored.dropped;
  return {
    get(block) {
      const key = blockKey(block);
      const entry = stored.blocks.get(key);
      if (!entry) return undefined;
      used.set(key, entry);
      return toParsed(entry);
    },
    set(block, parsed) {
      const entry = toStored(parsed);
      if (!entry) return;
      used.set(blockKey(block), entry);
      changed = true;
    },
    async save() {
      if (!changed && used.size === stored.blocks.size) return;
      const blocks = Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      try {
        await writeFileAtomic(path, sealJson({ tool, blocks }));
      } catch (error) {
        unsavedCacheNotice('frontmatter 缓存', writeError(error, path).message, '结果照常给出。');
      }
    },
  };
}

async function readStored(path: string, tool: string): Promise<{ blocks: Map<string, StoredBlock>; dropped: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { blocks: new Map(), dropped: false };
  }
  const blocks = storedBlocks(text, tool);
  if (blocks === 'other-tool') return { blocks: new Map(), dropped: true };
  if (!blocks) {
    notice(`frontmatter 缓存 ${shown(path)} 已损坏，已丢弃并重新读取。`);
    return { blocks: new Map(), dropped: true };
  }
  return { blocks, dropped: false };
}

function storedBlocks(text: string, tool: string): Map<string, StoredBlock> | 'other-tool' | undefined {
  const read = unsealJson(text);
  if (!read.ok) return read.reason === 'older' ? 'other-tool' : undefined;
  const parsed = read.value;
  if (!isObject(parsed) || !isObject(parsed.blocks)) return undefined;
  if (parsed.tool !== tool) return 'other-tool';
  const blocks = new Map<string, StoredBlock>();
  for (const [key, value] of Object.entries(parsed.blocks)) {
    const entry = storedBlock(value);
    if (!entry) return undefined;
    blocks.set(key, entry);
  }
  return blocks;
}

function storedBlock(value: unknown): StoredBlock | undefined {
  if (!isObject(value) || !isObject(value.data) || !Array.isArray(value.fields)) return undefined;
  const fields: StoredField[] = [];
  for (const field of value.fields) {
    if (!Array.isArray(field) || typeof field[0] !== 'string' || (field.length !== 3 && field.length !== 5)) return undefined;
    const [pointer, ...offsets] = field;
    if (!offsets.every((n) => Number.isSafeInteger(n) && n >= 0)) return undefined;
    const [a, b, c, d] = offsets.map(Number);
    fields.push(c === undefined || d === undefined ? [pointer, a!, b!] : [pointer, a!, b!, c, d]);
  }
  return { data: value.data, fields };
}

function toParsed(entry: StoredBlock): ParsedBlock {
  const fields = new Map<string, FieldSpan>();
  for (const [pointer, start, end, keyStart, keyEnd] of entry.fields) {
    const value: Span = [start, end];
    fields.set(pointer, keyStart === undefined || keyEnd === undefined ? { value } : { key: [keyStart, keyEnd], value });
  }
  // A fresh copy each time: a caller may change the data it was given.
  return { data: structuredClone(entry.data), fields };
}

/** Undefined for data JSON would not give back as it is (an infinite number, -0, a key `__proto__`). */
function toStored(parsed: ParsedBlock): StoredBlock | undefined {
  if (!survivesJson(parsed.data)) return undefined;
  const fields: StoredField[] = [...parsed.fields].map(([pointer, span]) => (span.key ? [pointer, span.value[0], span.value[1], span.key[0], span.key[1]] : [pointer, span.value[0], span.value[1]]));
  return { data: structuredClone(parsed.data), fields };
}

function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && survivesJson(item));
}
