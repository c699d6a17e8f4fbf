import { join } from 'node:path';
import { mediaLedgerFile, readMediaLedger, type MediaLedger } from '../content/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { PublishStop } from './stop.ts';

export type BodyEntry = NonNullable<MediaLedger['body'][string]>;
export type CoverEntry = NonNullable<MediaLedger['cover'][string]>;

/** The ledger as committed; one that cannot be read stops publishing for the account (uploading again is worse). */
export function loadLedger(root: string, account: string): MediaLedger {
  const read = readMediaLedger(root, account);
  if (!read.ok) throw new PublishStop(read.message);
  return read.ledger;
}

/** Pretty-printed with every key sorted, so the same uploads give the same file and `git log -p` reads as a history. */
export function ledgerText(ledger: MediaLedger): string {
  const sortKeys = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, inner]) => [key, sortKeys(inner)]))
      : value;
  return `${JSON.stringify(sortKeys(ledger), null, 2)}\n`;
}

/** Records one upload right after WeChat answered: read, add, write atomically, so a crash loses nothing recorded. */
export async function recordUpload(root: string, account: string, upload: { section: 'body'; hash: string; entry: BodyEntry } | { section: 'cover'; hash: string; entry: CoverEntry }): Promise<void> {
  const ledger = loadLedger(root, account);
  if (upload.section === 'body') ledger.body[upload.hash] = upload.entry;
  else ledger.cover[upload.hash] = upload.entry;
  await writeFileAtomic(join(root, mediaLedgerFile(account)), ledgerText(ledger));
}
