import { lstatSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { makeDir } from '../shared/make-dir.ts';
import type { RenderedArticle } from './index.ts';

export type OutputTarget = { ok: true } | { ok: false; message: string };

/**
 * Whether `render -o <path>` may write `path`: a new file, or an existing regular file, which is replaced. A
 * symlink is refused rather than followed or replaced (either would surprise: the file it points at changes, or
 * the link is gone), and so is a folder, a FIFO, a device or a socket, which a rename would silently replace.
 */
export function checkOutputTarget(path: string, shown: string): OutputTarget {
  let info: Stats;
  try {
    info = lstatSync(path);
  } catch {
    // Nothing there yet (or a folder on the way is missing or a file): the write itself says what is wrong.
    return { ok: true };
  }
  if (info.isFile()) return { ok: true };
  if (info.isSymbolicLink()) {
    const target = linkTarget(path);
    return { ok: false, message: `-o ${shown} 是符号链接${target ? `（指向 ${target}）` : '（指向的文件不存在）'}，mpdesk 不会替换它，也不会写到它指向的文件：请直接写出目标文件的路径${target ? `，如 -o ${target}` : ''}。` };
  }
  const kind = info.isDirectory() ? '目录' : info.isFIFO() ? '命名管道（FIFO）' : info.isCharacterDevice() || info.isBlockDevice() ? '设备文件' : info.isSocket() ? '套接字' : '特殊文件';
  const hint = info.isDirectory() ? `请给出文件名，如 -o ${join(shown, 'article.html')}` : '要输出到标准输出，去掉 -o 即可';
  return { ok: false, message: `-o ${shown} 是${kind}，不是普通文件，mpdesk 不会覆盖它：${hint}。` };
}

/** Writes the fragment to `path` and its processed images to `images/` beside it; a failure is a WriteError. */
export async function writeRendered(rendered: Pick<RenderedArticle, 'html' | 'assets'>, path: string): Promise<void> {
  makeDir(dirname(path));
  for (const asset of rendered.assets) await writeFileAtomic(join(dirname(path), asset.name), readFileSync(asset.path));
  await writeFileAtomic(path, rendered.html);
}

function linkTarget(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
