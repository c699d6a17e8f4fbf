import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { UsageError } from '../shared/path-filter.ts';
import { eventsPath, type LiveReload } from './live-reload.ts';
import { failedPage, notFoundPage, servedDesk, servedPreview } from './page-html.ts';
import { deskKey, type PreviewPages } from './pages.ts';

/** What the routes read: the output folder, what the builds said, and the open pages. */
export interface PreviewSite {
  outDir: string;
  pages: PreviewPages;
  live: LiveReload;
  /** Resolves once the first build is done: a page asked for before then waits for it rather than show an old one. */
  firstBuild: Promise<unknown>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.css': 'text/css; charset=utf-8',
};

const html = types['.html']!;
const articlePath = /^\/([^/]+)\/([^/]+)\/(preview\.html)?$|^\/([^/]+)\/([^/]+)$/;

/**
 * The preview's routes: `/` the front page, `/<account>/<slug>/preview.html` an article with its findings (or,
 * when it failed, the findings alone), the other output files as built, and the reload events. Only GET and HEAD,
 * only for a Host of this machine (a page elsewhere cannot reach the server through a name that points here).
 */
export function previewHandler(site: PreviewSite, port: () => number) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    route(site, port(), request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, request, 500, 'text/plain; charset=utf-8', `预览出错：${error instanceof Error ? error.message : String(error)}`);
      else response.end();
    });
  };
}

async function route(site: PreviewSite, port: number, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, request, 405, 'text/plain; charset=utf-8', '预览只接受 GET 请求。', { allow: 'GET, HEAD' });
  if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(request.headers.host ?? '')) return send(response, request, 403, 'text/plain; charset=utf-8', '预览只接受本机地址（127.0.0.1）的请求。');
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return send(response, request, 400, 'text/plain; charset=utf-8', '地址无法解码。');
  }
  if (path === eventsPath) return site.live.listen(url.searchParams.get('page') ?? '', url.searchParams.get('version') ?? '', response);
  await site.firstBuild;
  const { pages } = site;
  if (path === '/' || path === '/index.html') {
    const desk = await readText(join(site.outDir, 'index.html'));
    return desk === undefined ? notFound(site, request, response, path, '\0') : send(response, request, 200, html, servedDesk(desk, pages.version(deskKey)));
  }
  const match = path.match(articlePath);
  const dir = match ? `${match[1] ?? match[4]}/${match[2] ?? match[5]}` : undefined;
  const page = dir === undefined ? undefined : pages.page(dir);
  if (match && !match[3] && page) return send(response, request, 302, 'text/plain; charset=utf-8', '', { location: `/${dir}/preview.html` });
  if (match?.[3]) {
    if (!page) return notFound(site, request, response, path, dir!);
    const version = pages.version(page.dir);
    const preview = page.built ? await readText(join(site.outDir, page.dir, 'preview.html')) : undefined;
    return send(response, request, 200, html, preview === undefined ? failedPage(page, version, pages.lintMissing) : servedPreview(preview, page, version, pages.lintMissing));
  }
  // The build's own files (its record, temporary files) start with a dot and are not served.
  const parts = path.split('/').filter(Boolean);
  if (!parts.length || parts.some((part) => part.startsWith('.') || part.includes('\\'))) return notFound(site, request, response, path, '\0');
  const body = await readFile(join(site.outDir, ...parts)).catch(() => undefined);
  if (body === undefined) return notFound(site, request, response, path, '\0');
  send(response, request, 200, types[extname(path).toLowerCase()] ?? 'application/octet-stream', body);
}

function notFound(site: PreviewSite, request: IncomingMessage, response: ServerResponse, path: string, key: string): void {
  send(response, request, 404, html, notFoundPage(path, key, site.pages.version(key)));
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

function send(response: ServerResponse, request: IncomingMessage, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  // Every file can change with the next save: the browser asks again each time.
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Listens on 127.0.0.1 only, at `port` or, when it is taken, the next free one (up to 20 tries); 0 lets the system
 * choose. Says which port it took.
 */
export async function listenOnLoopback(server: Server, port: number): Promise<number> {
  const last = port === 0 ? 0 : Math.min(65535, port + 19);
  for (let candidate = port; candidate <= last; candidate++) {
    const taken = await new Promise<boolean>((done, fail) => {
      const onError = (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? done(true) : fail(error));
      server.once('error', onError);
      server.listen(candidate, '127.0.0.1', () => {
        server.off('error', onError);
        done(false);
      });
    });
    const address = server.address();
    if (!taken && address && typeof address === 'object') return address.port;
  }
  throw new UsageError(`端口 ${port}–${last} 都已被占用：用 --port 指定另一个端口。`);
}
