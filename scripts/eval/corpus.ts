import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type JSONSchemaType } from 'ajv';
import { parse } from 'yaml';
import { sourceUrl } from '../shared/module-url.ts';
import { proseSets } from './prose-sets.ts';

/** Where a labelled line is placed in its article: the body by default, or the title, a heading, alt or link text. */
export type LineContext = 'body' | 'title' | 'heading' | 'alt' | 'link';

export interface LabelledLine {
  text: string;
  /** Every compliance rule id the line must get; empty: it must get none. */
  expect: string[];
  why: string;
  /** The id of the guidance or case in SOURCES.md; clean lines written as ordinary copy have none. */
  source?: string;
  evasion?: string;
  context?: LineContext;
}

export interface LabelledFile {
  category: string;
  lines: LabelledLine[];
}

export interface ProseFile {
  name: string;
  /** One paragraph per entry, as the corpus file has them. */
  paragraphs: string[];
}

export interface Corpus {
  labelled: LabelledFile[];
  /** The prose of each set of prose-sets.ts, by set id; a set with no entry has no prose. */
  prose: Record<string, ProseFile[]>;
  /** Lines kept out of tuning (held-out/*.yaml), scored and reported on their own; absent or empty: none. */
  heldOut?: LabelledFile[];
}

export const corpusDir = fileURLToPath(new URL('../lint/corpus/', sourceUrl(import.meta.url)));

const lineSchema: JSONSchemaType<LabelledLine> = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'expect', 'why'],
  properties: {
    text: { type: 'string', minLength: 1 },
    expect: { type: 'array', items: { type: 'string', pattern: '^[a-z-]+/[a-z-]+$' } },
    why: { type: 'string', minLength: 1 },
    source: { type: 'string', pattern: '^S[0-9]{2}$', nullable: true },
    evasion: { type: 'string', nullable: true },
    context: { type: 'string', enum: ['body', 'title', 'heading', 'alt', 'link'], nullable: true },
  },
};

const fileSchema: JSONSchemaType<LabelledFile> = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'lines'],
  properties: { category: { type: 'string', pattern: '^[a-z-]+$' }, lines: { type: 'array', minItems: 1, items: lineSchema } },
};

const checkFile = new Ajv({ allErrors: true }).compile(fileSchema);

export class CorpusError extends Error {}

/** The labelled files of one folder of the corpus, checked against the corpus's shape; a malformed file names itself. */
async function readLabelled(dir: string, folder: string): Promise<LabelledFile[]> {
  const files: LabelledFile[] = [];
  for (const name of (await readdir(join(dir, folder))).filter((n) => n.endsWith('.yaml')).sort()) {
    const data: unknown = parse(await readFile(join(dir, folder, name), 'utf8'));
    if (!checkFile(data)) {
      const first = checkFile.errors?.[0];
      throw new CorpusError(`语料文件 ${folder}/${name} 格式不对：${first?.instancePath || '/'} ${first?.message ?? ''}`);
    }
    files.push(data);
  }
  return files;
}

/** The labelled lines, the held-out lines and every prose set, each from the folder named after it. */
export async function readCorpus(dir = corpusDir): Promise<Corpus> {
  const labelled = await readLabelled(dir, 'labelled');
  const heldOut = await readLabelled(dir, 'held-out');
  const prose = await Promise.all(proseSets.map(async (set) => [set.id, await readProse(join(dir, set.id))] as const));
  return { labelled, heldOut, prose: Object.fromEntries(prose) };
}

async function readProse(proseDir: string): Promise<ProseFile[]> {
  const prose: ProseFile[] = [];
  // A set listed in prose-sets.ts whose folder is gone is a broken corpus, said as such rather than as ENOENT.
  const names = await readdir(proseDir).catch((error: unknown) => {
    throw new CorpusError(`普通文本目录 ${proseDir} 读不出（scripts/eval/prose-sets.ts 列出了它）：${error instanceof Error ? error.message : String(error)}`);
  });
  for (const name of names.filter((n) => n.endsWith('.txt') && !n.startsWith('LICENSE')).sort()) {
    const paragraphs = (await readFile(join(proseDir, name), 'utf8')).split('\n').filter((line) => line.trim());
    prose.push({ name, paragraphs });
  }
  return prose;
}
