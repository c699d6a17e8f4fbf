import { decodeImage } from './image-decode.ts';
import type { ImageRef } from './references.ts';

export interface ImageProblem {
  ruleId: string;
  message: string;
}

/** Why an image cannot be published as written, or undefined when the build can process it. */
export function imageProblem(image: ImageRef, account: string, show: (path: string) => string): ImageProblem | undefined {
  const what = image.site === 'cover' ? '封面' : '图片';
  const { target, url } = image;
  switch (target.kind) {
    case 'local':
    case 'wechat':
      return undefined;
    case 'empty':
      return { ruleId: 'image/missing', message: `${what}地址为空：写上图片文件的相对路径，如 ./cover.jpg。` };
    case 'missing':
      return { ruleId: 'image/missing', message: `找不到${what}“${url}”（${show(target.path)}）。` };
    case 'not-a-file':
      return { ruleId: 'image/missing', message: `${what}“${url}”不是普通文件（${show(target.path)} 是目录或特殊文件）。` };
    case 'outside':
      return { ruleId: 'image/outside-account', message: `${what}路径“${url}”超出了账号目录 content/${account}/（或是指向目录外的链接），请把图片放在文章旁边。` };
    case 'unsupported':
      return { ruleId: 'image/format', message: `${what}“${url}”：${target.reason}` };
    case 'remote':
      return { ruleId: 'image/external', message: `外部${what}会被微信过滤：${url}。请下载后放在文章旁边，用相对路径引用。` };
    case 'data':
      return { ruleId: 'image/external', message: `${what}不能内嵌为 data: 地址，微信会过滤：请存成文件放在文章旁边，用相对路径引用。` };
  }
}

/**
 * Why a local image, though a file of an accepted format, cannot be used: not an image, corrupt or cut off, or a
 * decompression bomb. Decoded as the build opens it; lint reports it, and the build refuses the same.
 */
export async function decodeProblem(image: ImageRef): Promise<ImageProblem | undefined> {
  if (image.target.kind !== 'local') return undefined;
  const decoded = await decodeImage(image.target.path);
  if (decoded.ok) return undefined;
  return { ruleId: 'image/unreadable', message: `${image.site === 'cover' ? '封面' : '图片'}“${image.url}”：${decoded.reason}` };
}
