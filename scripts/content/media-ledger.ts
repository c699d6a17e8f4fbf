import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '../shared/json-shape.ts';
import type { MediaLedger } from './schema-types.ts';
import { conforms, validatorFor } from './schemas.ts';

export type { MediaLedger } from './schema-types.ts';

/** Where an account's ledger of uploaded images is, relative to the repository root. */
export function mediaLedgerFile(account: string): string {
  return `content/${account}/media-ledger.json`;
}

export type LedgerRead = { ok: true; ledger: MediaLedger } | { ok: false; message: string; line: number };

/**
 * The account's media ledger (schemas/media-ledger.schema.json); an account that never uploaded has an empty one.
 * A ledger that does not parse or fit its schema is an error naming the file and place, never an empty ledger:
 * reading it as empty would upload everything again.
 */
export function readMediaLedger(root: string, account: string): LedgerRead {
  const file = mediaLedgerFile(account);
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch (error) {
    if (isObject(error) && error.code === 'ENOENT') return { ok: true, ledger: { body: {}, cover: {} } };
    return { ok: false, message: `无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`, line: 1 };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    const line = at === undefined ? 1 : text.slice(0, Number(at)).split('\n').length;
    return { ok: false, line, message: `${file} 第 ${line} 行起不是有效的 JSON（可能是合并冲突没有解决）：请修好它再发布，不要删除，否则已上传的图片会再传一次。` };
  }
  if (!conforms('media-ledger', data)) {
    const first = validatorFor('media-ledger')(data)[0];
    const where = first?.instancePath ? `字段 ${first.instancePath.slice(1).replace(/\//g, '.')}` : '顶层';
    return { ok: false, line: 1, message: `${file} 的${where}不符合 schemas/media-ledger.schema.json：${first?.message ?? '形状不对'}。这个文件由 mpdesk publish 写入，请勿手改。` };
  }
  return { ok: true, ledger: data };
}

/** Processed file hash → the WeChat URL of every body image in the ledger: what render puts in `<img src>`. */
export function uploadedImageUrls(ledger: MediaLedger): Map<string, string> {
  return new Map(Object.entries(ledger.body).flatMap(([hash, entry]) => (entry ? [[hash, entry.url] as const] : [])));
}
