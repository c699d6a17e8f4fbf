/** The file-system part of a relative URL (query and hash dropped, percent-decoding undone); undefined for remote, protocol-relative and empty URLs. */
export function localPath(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '') return undefined;
  const path = url.replace(/[?#].*$/, '');
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

export const emptyImageUrl = '图片地址为空：写上图片文件的相对路径，如 ./cover.jpg。';
