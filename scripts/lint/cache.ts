import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { parseFinding, type Finding } from '../shared/finding.ts';
import { isCount, isObject } from '../shared/json-shape.ts';
import { noticeOnce, unsavedCacheNotice } from '../shared/notice.ts';
import { jsonSum } from '../shared/json-sum.ts';
import { shown, writeError } from '../shared/write-error.ts';
import type { PeerParagraph } from './define-rule.ts';

/** Everything lint learned about one file, valid while its key (content hash of its inputs) is unchanged. */
export interface CacheEntry {
  key: string;
  findings: Finding[];
  title: string;
  paragraphs: PeerParagraph[];
  /**
   * The hash of the tool and the article's text alone, which its fingerprints depend on: an article only compared
   * with (`lint --staged`) uses them without the whole input key, which would stat its folder.
   */
  printKey: string;
}

/** What is wrong with one word-list file, valid while the hash of the tool and the file's text is unchanged. */
export interface ListEntry {
  key: string;
  findings: Finding[];
}

/**
 * The fingerprints of an article only compared with (a `--staged` run lints the staged files only), valid while
 * the hash of the tool and its text is unchanged: the next commit need not parse it again.
 */
export interface PrintEntry {
  key: string;
  paragraphs: PeerParagraph[];
}

export interface LintCache {
  entries: Record<string, CacheEntry>;
  lists: Record<string, ListEntry>;
  prints: Record<string, PrintEntry>;
}

/** A repository's lint cache for one run: what could be read of it, and how to save it. */
export interface LintCacheFile {
  cache: LintCache;
  /** Saves the cache; when it cannot be saved, a notice (the run's results stand). */
  save(): Promise<void>;
}

export const lintCachePath = (root: string) => join(root, '.cache', 'mpdesk', 'lint.json');

/**
 * The cache is optional: what cannot be read, or reads wrong, is left out and those files are linted again. One
 * run gives at most one notice about it (a corrupt file, one that cannot be read, or cannot be saved), never a
 * failure. Each record carries a hash of its content, so a record changed on disk is not trusted.
 */
export async function openLintCache(root: string): Promise<LintCacheFile> {
  const path = lintCachePath(root);
  const tell = noticeOnce();
  const cache = await readCache(path, tell);
  return {
    cache,
    async save() {
      try {
        await writeFileAtomic(path, JSON.stringify(sealed(cache)));
      } catch (error) {
        unsavedCacheNotice('检查缓存', writeError(error, path).message, '结果照常给出，下次检查不能复用这次的结果。', tell);
      }
    },
  };
}

async function readCache(path: string, tell: (message: string) => void): Promise<LintCache> {
  const empty = (): LintCache => ({ entries: {}, lists: {}, prints: {} });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    // No cache yet (or no folder for it): nothing to say; saving it will say what is wrong, if anything.
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') tell(`检查缓存 ${shown(path)} 无法读取：${writeError(error, path).reason}。这次不用缓存，全部重新检查。`);
    return empty();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (isObject(parsed) && parsed.format !== format) return empty();
  const cache = { entries: records(parsed, 'entries', cacheEntry), lists: records(parsed, 'lists', listEntry), prints: records(parsed, 'prints', printEntry) };
  const kept = Object.keys(cache.entries).length + Object.keys(cache.lists).length + Object.keys(cache.prints).length;
  const stored = isObject(parsed) ? count(parsed.entries) + count(parsed.lists) + count(parsed.prints) : -1;
  if (kept !== stored) tell(`检查缓存 ${shown(path)} 已损坏，已丢弃并重新检查。`);
  return cache;
}

function count(group: unknown): number {
  return isObject(group) ? Object.keys(group).length : 0;
}

/**
 * The layout of the file. An older mpdesk's cache (no `format`, fingerprints as number arrays) is simply not used:
 * its keys carry the older tool's hash, so none of its records would match anyway.
 */
const format = 3;

/** The cache as stored: each record with the hash of its content, fingerprints packed (see `packPrints`). */
function sealed(cache: LintCache) {
  const lists = Object.fromEntries(Object.entries(cache.lists).map(([file, entry]) => [file, { ...entry, sum: knownSums.get(entry) ?? jsonSum(listContent(entry)) }]));
  const entries = Object.fromEntries(
    Object.entries(cache.entries).map(([file, entry]) => {
      const paragraphs = packedOf(entry);
      return [file, { ...entry, paragraphs, sum: knownSums.get(entry) ?? jsonSum(entryContent(entry, paragraphs)) }];
    }),
  );
  const prints = Object.fromEntries(
    Object.entries(cache.prints).map(([file, entry]) => {
      const paragraphs = packedOf(entry);
      return [file, { key: entry.key, paragraphs, sum: knownSums.get(entry) ?? jsonSum(printContent(entry.key, paragraphs)) }];
    }),
  );
  return { format, entries, lists, prints };
}

interface PackedParagraph {
  line: number;
  prints: string;
}

/**
 * A paragraph's fingerprints (unsigned 32-bit hashes) as base64 of their little-endian bytes: a third of the
 * size of a JSON number array, and far quicker to read back, in a file that holds every article's.
 */
function packPrints(prints: Uint32Array): string {
  const bytes = Buffer.alloc(prints.length * 4);
  prints.forEach((print, i) => bytes.writeUInt32LE(print, i * 4));
  return bytes.toString('base64');
}

function unpackPrints(packed: string): Uint32Array | undefined {
  const bytes = Buffer.from(packed, 'base64');
  if (bytes.length % 4 !== 0 || bytes.toString('base64') !== packed) return undefined;
  const prints = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < prints.length; i++) prints[i] = bytes.readUInt32LE(i * 4);
  return prints;
}

/** The packed paragraphs of each record read from the file, so writing it back does not pack them again. */
const packedParagraphs = new WeakMap<{ paragraphs: PeerParagraph[] }, PackedParagraph[]>();
const packedOf = (entry: { paragraphs: PeerParagraph[] }) => packedParagraphs.get(entry) ?? entry.paragraphs.map((p) => ({ line: p.line, prints: packPrints(p.prints) }));

/** A record's content in a fixed order, whatever order its objects' keys were written in: what its hash covers. */
const findingContent = (f: Finding) => [f.file, f.line, f.column, f.endLine, f.endColumn, f.ruleId, f.severity, f.message, f.field ?? null, f.suggestions ?? null];
const listContent = (entry: ListEntry) => [entry.key, entry.findings.map(findingContent)];
const entryContent = (entry: Omit<CacheEntry, 'paragraphs'>, paragraphs: readonly PackedParagraph[]) => [...listContent(entry), entry.title, entry.printKey, paragraphs.map((p) => [p.line, p.prints])];
const printContent = (key: string, paragraphs: readonly PackedParagraph[]) => [key, paragraphs.map((p) => [p.line, p.prints])];

function records<T>(parsed: unknown, name: string, read: (value: unknown) => T | undefined): Record<string, T> {
  const result: Record<string, T> = {};
  const group: unknown = isObject(parsed) ? parsed[name] : undefined;
  if (!isObject(group)) return result;
  for (const [file, value] of Object.entries(group)) {
    const entry = read(value);
    if (entry) result[file] = entry;
  }
  return result;
}

function cacheEntry(value: unknown): CacheEntry | undefined {
  const list = findingsOf(value);
  if (!list || !isObject(value) || typeof value.title !== 'string' || typeof value.printKey !== 'string') return undefined;
  const read = paragraphsOf(value.paragraphs);
  if (!read) return undefined;
  const own = { ...list, title: value.title, printKey: value.printKey };
  const entry = verified({ ...own, paragraphs: read.paragraphs }, value.sum, jsonSum(entryContent(own, read.packed)));
  if (entry) packedParagraphs.set(entry, read.packed);
  return entry;
}

function printEntry(value: unknown): PrintEntry | undefined {
  if (!isObject(value) || typeof value.key !== 'string') return undefined;
  const read = paragraphsOf(value.paragraphs);
  if (!read) return undefined;
  const entry = verified({ key: value.key, paragraphs: read.paragraphs }, value.sum, jsonSum(printContent(value.key, read.packed)));
  if (entry) packedParagraphs.set(entry, read.packed);
  return entry;
}

/** Stored paragraphs, as written (for the sum) and unpacked. */
function paragraphsOf(value: unknown): { packed: PackedParagraph[]; paragraphs: PeerParagraph[] } | undefined {
  if (!Array.isArray(value)) return undefined;
  const packed: PackedParagraph[] = [];
  const paragraphs: PeerParagraph[] = [];
  for (const p of value) {
    const prints = isObject(p) && typeof p.prints === 'string' ? unpackPrints(p.prints) : undefined;
    if (!isObject(p) || !isCount(p.line) || typeof p.prints !== 'string' || !prints) return undefined;
    packed.push({ line: p.line, prints: p.prints });
    paragraphs.push({ line: p.line, prints });
  }
  return { packed, paragraphs };
}

function listEntry(value: unknown): ListEntry | undefined {
  const entry = findingsOf(value);
  return entry && isObject(value) ? verified(entry, value.sum, jsonSum(listContent(entry))) : undefined;
}

/**
 * The sums of the records read and found intact, by record: a run that lints one file writes the others back
 * unchanged, and need not hash their content again.
 */
const knownSums = new WeakMap<object, string>();

function verified<T extends object>(entry: T, stored: unknown, computed: string): T | undefined {
  if (stored !== computed) return undefined;
  knownSums.set(entry, computed);
  return entry;
}

function findingsOf(value: unknown): ListEntry | undefined {
  if (!isObject(value) || typeof value.key !== 'string' || !Array.isArray(value.findings)) return undefined;
  const findings: Finding[] = [];
  for (const f of value.findings) {
    const finding = parseFinding(f);
    if (!finding) return undefined;
    findings.push(finding);
  }
  return { key: value.key, findings };
}
