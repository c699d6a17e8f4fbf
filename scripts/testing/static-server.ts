import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  /** The same as `origin`. */
  url: string;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/**
 * Serves a folder read-only on 127.0.0.1 at a random port, for browser tests. A loopback origin is a secure
 * context, so pages get the async clipboard API, which file:// pages may not.
 */
export async function serveFolder(folder: string): Promise<StaticServer> {
  const base = resolve(folder);
  const server = createServer((request, response) => {
    let path: string;
    try {
      path = resolve(join(base, decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)));
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (path !== base && !path.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (path === base || path.endsWith(sep)) path = join(path, 'index.html');
    readFile(path).then(
      (body) => response.writeHead(200, { 'content-type': types[extname(path).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found'),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
