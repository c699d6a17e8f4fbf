import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { parseFinding, type Finding } from '../shared/finding.ts';
import { isObject, isStringArray } from '../shared/json-shape.ts';
import { noticeOnce, unsavedCacheNotice } from '../shared/notice.ts';
import { sealJson, unsealJson } from '../shared/seal.ts';
import { toolHash } from '../shared/tool-hash.ts';
import { shown, writeError } from '../shared/write-error.ts';
import type { DictionaryEntry, WordList } from './dictionary.ts';
import type { WordFile } from './word-file.ts';

/** Where a parsed list is kept, and by what key its bytes are known. */
export interface WordFileStore {
  get(file: string, key: string): Promise<WordFile | undefined>;
  set(file: string, key: string, parsed: WordFile): Promise<void>;
}

/**
 * Parsed word lists on disk, one file per list under `.cache/mpdesk/word-lists/`, each valid for the hash of the
 * tool and the list's bytes: a 20,000-entry list takes half a second to parse with its positions and a few
 * milliseconds to read back, which is what a pre-commit hook on one article feels. What cannot be read or reads
 * wrong is parsed again, with one notice per run; the cache never changes a result.
 */
export function diskWordStore(root: string): WordFileStore {
  const dir = join(root, '.cache', 'mpdesk', 'word-lists');
  const tool = toolHash();
  const pathOf = (file: string) => join(dir, `${createHash('sha256').update(file).digest('hex').slice(0, 16)}.json`);
  const fullKey = (key: string) => createHash('sha256').update(tool).update('\0').update(key).digest('hex');
  const tell = noticeOnce();
  return {
    async get(file, key) {
      const path = pathOf(file);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
      const stored = storedList(text);
      if (stored === 'older') return undefined;
      if (!stored) tell(`词表缓存 ${shown(path)} 已损坏，已丢弃并重新读取 ${file}。`);
      return stored?.key === fullKey(key) ? stored.value : undefined;
    },
    async set(file, key, parsed) {
      const path = pathOf(file);
      try {
        await writeFileAtomic(path, sealJson({ key: fullKey(key), value: parsed }));
      } catch (error) {
        unsavedCacheNotice('词表缓存', writeError(error, path).message, '结果照常给出。', tell);
      }
    },
  };
}


/** A stored list, checked, parsed then typed; undefined when any part of it is not what `set` writes. */
function storedList(text: string): { key: string; value: WordFile } | 'older' | undefined {
  const read = unsealJson(text);
  if (!read.ok) return read.reason === 'older' ? 'older' : undefined;
  const parsed = read.value;
  if (!isObject(parsed) || typeof parsed.key !== 'string' || !isObject(parsed.value)) return undefined;
  const { list, findings } = parsed.value;
  const wordList = isObject(list) ? toWordList(list) : undefined;
  const found = Array.isArray(findings) ? findings.map(parseFinding) : undefined;
  if (!wordList || !found || found.some((f) => f === undefined)) return undefined;
  return { key: parsed.key, value: { list: wordList, findings: found.filter((f): f is Finding => f !== undefined) } };
}

function toWordList(list: Record<string, unknown>): WordList | undefined {
  const { entries, allow } = list;
  if (!Array.isArray(entries) || !isStringArray(allow)) return undefined;
  const typed = entries.map(toEntry);
  return typed.every((e) => e !== undefined) ? { entries: typed.filter((e): e is DictionaryEntry => e !== undefined), allow } : undefined;
}

const optionalText = (value: unknown) => value === undefined || typeof value === 'string';
const optionalTexts = (value: unknown) => value === undefined || isStringArray(value);

/** An entry exactly as word-file.ts makes it: the optional fields present only when set. */
function toEntry(value: unknown): DictionaryEntry | undefined {
  if (!isObject(value)) return undefined;
  const { term, category, severity, list, basis, message, suggestions, tags } = value;
  if (typeof term !== 'string' || typeof category !== 'string' || typeof list !== 'string') return undefined;
  if (severity !== 'error' && severity !== 'warning' && severity !== 'info') return undefined;
  if (!optionalText(basis) || !optionalText(message) || !optionalTexts(suggestions) || !optionalTexts(tags)) return undefined;
  const entry: DictionaryEntry = { term, category, severity, list };
  if (typeof basis === 'string') entry.basis = basis;
  if (typeof message === 'string') entry.message = message;
  if (isStringArray(suggestions)) entry.suggestions = suggestions;
  if (isStringArray(tags)) entry.tags = tags;
  return entry;
}
