import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { decodeText, readFrontmatter, typedFields, type ArticleFrontmatter, type Span } from '../content/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';

/** The `wechat:` block of an article: what publishing has done, written after each successful call. */
export type Receipt = NonNullable<ArticleFrontmatter['wechat']>;

/** The schema's order, so a receipt reads the same in every article and diffs stay small. */
const fieldOrder: ReadonlyArray<keyof Receipt> = [
  'state', 'draft_media_id', 'draft_index', 'draft_hash', 'publish_id', 'article_id', 'msg_data_id', 'url',
  'drafted_at', 'updated_at', 'submitted_at', 'published_at', 'fail_reason',
];

interface Edit {
  span: Span;
  text: string;
}

/**
 * The article's text with `receipt` as its `wechat:` block (replacing the one there, or added as the last field) and,
 * when given, `status` set. Every other byte stays as it was: comments, quoting, key order, line endings.
 */
export function withReceipt(text: string, receipt: Receipt, status?: 'published'): string {
  const bomLength = text.startsWith('\uFEFF') ? 1 : 0;
  const parsed = readFrontmatter(text, bomLength);
  if (!parsed.ok) throw new Error(`无法写入发布回执：frontmatter 读不出来（${parsed.message}）`);
  const { fields, span } = parsed.frontmatter;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = ['wechat:', ...fieldOrder.flatMap((key) => (receipt[key] === undefined ? [] : [`  ${key}: ${stringify(receipt[key]).trimEnd()}`]))].join(eol);
  const edits: Edit[] = [];
  const existing = fields.get('/wechat');
  if (existing?.key) {
    const old = text.slice(existing.key[0], existing.value[1]);
    edits.push({ span: [existing.key[0], existing.value[1]], text: block + (/\r?\n$/.exec(old)?.[0] ?? '') });
  } else {
    const closing = closingLine(text, span);
    edits.push({ span: [closing, closing], text: block + eol });
  }
  const statusField = fields.get('/status');
  if (status && statusField) edits.push({ span: statusField.value, text: status });
  edits.sort((a, b) => b.span[0] - a.span[0]);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.span[0]) + edit.text + out.slice(edit.span[1]);
  return out;
}

/** Where the frontmatter's closing `---` line starts. */
function closingLine(text: string, span: Span): number {
  const block = text.slice(span[0], span[1]);
  const at = block.search(/(?<=\n)---[ \t]*(\r?\n)?$/);
  if (at < 0) throw new Error('无法写入发布回执：找不到 frontmatter 结尾的 --- 行。');
  return span[0] + at;
}

/** The receipt as the file now says, read from disk, so each write starts from what the last one left. */
export function receiptIn(text: string): Receipt | undefined {
  const parsed = readFrontmatter(text, text.startsWith('\uFEFF') ? 1 : 0);
  return parsed.ok ? typedFields('article', parsed.frontmatter.data).wechat : undefined;
}

/**
 * Reads the article, applies `change` to its receipt and writes it back atomically. The new text is read back and
 * its receipt must be exactly what was meant: a receipt that would not parse is never written.
 */
export async function updateReceipt(path: string, change: (current: Receipt | undefined) => Receipt, status?: 'published'): Promise<Receipt> {
  const decoded = decodeText(await readFile(path));
  if (!decoded.ok) throw new Error(`无法写入发布回执：${decoded.message}`);
  const next = change(receiptIn(decoded.text));
  const text = withReceipt(decoded.text, next, status);
  const written = receiptIn(text);
  if (JSON.stringify(sorted(written)) !== JSON.stringify(sorted(next))) throw new Error(`发布回执写入后读回不一致，没有写入：${JSON.stringify(next)}`);
  await writeFileAtomic(path, text);
  return next;
}

const sorted = (receipt: Receipt | undefined) => (receipt ? Object.fromEntries(Object.entries(receipt).sort(([a], [b]) => a.localeCompare(b))) : undefined);
