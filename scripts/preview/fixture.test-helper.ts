import { cp, mkdtemp } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreview, type Preview, type PreviewBuild } from './index.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The sample article every preview test edits. */
export const sampleArticle = 'content/qinghe-tea/articles/2026/dongri-pao-cha/index.md';
export const sampleDir = 'qinghe-tea/dongri-pao-cha';

/** A copy of the repository's sample content and themes in a new temporary folder. */
export async function sampleRepo(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-preview-'));
  await cp(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
  await cp(join(repoRoot, 'styles'), join(root, 'styles'), { recursive: true });
  return root;
}

export interface WatchedPreview {
  preview: Preview;
  builds: PreviewBuild[];
  /** The next build after a save that `accept` takes (default: any), or a failure after `timeoutMs`. */
  nextBuild(accept?: (build: PreviewBuild) => boolean, timeoutMs?: number): Promise<PreviewBuild>;
}

/** Starts the preview of `root` on a free port and records its builds. */
export async function watchedPreview(root: string, article?: string): Promise<WatchedPreview> {
  const builds: PreviewBuild[] = [];
  const waiting: Array<{ accept: (build: PreviewBuild) => boolean; resolve: (build: PreviewBuild) => void }> = [];
  const preview = await startPreview({
    root,
    port: 0,
    ...(article ? { article } : {}),
    onBuild: (build) => {
      builds.push(build);
      for (const waiter of [...waiting]) {
        if (build.trigger !== 'change' || !waiter.accept(build)) continue;
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(build);
      }
    },
  });
  const nextBuild = (accept: (build: PreviewBuild) => boolean = () => true, timeoutMs = 20_000) =>
    new Promise<PreviewBuild>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no build within ${timeoutMs} ms; builds so far: ${JSON.stringify(builds.map((b) => [b.trigger, b.paths, b.error]))}`)), timeoutMs);
      waiting.push({ accept, resolve: (build) => (clearTimeout(timer), resolve(build)) });
    });
  return { preview, builds, nextBuild };
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with the headers given (Host included, which fetch does not let a caller set). */
export function request(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time (no keep-alive): a closed server is then refused, not a reused socket reset.
    const call = get(url, { headers, method, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    call.on('error', reject);
  });
}

/** The version a served page listens with, from its reload script. */
export function pageVersion(html: string): string {
  const version = html.match(/version=([^"&]*)"/)?.[1];
  if (version === undefined) throw new Error('the page has no reload script');
  return decodeURIComponent(version);
}

export interface EventStream {
  /** The events' names received so far (`reload`). */
  received: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Resolves with the next event, or undefined when none comes within `ms`. */
  next(ms: number): Promise<string | undefined>;
  close(): void;
}

/** Listens to the preview's reload events as a page showing `page` at `version` does. */
export function listenForReload(origin: string, page: string, version: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const received: string[] = [];
    const listeners: Array<() => void> = [];
    let ended!: () => void;
    const endedPromise = new Promise<void>((done) => (ended = done));
    const call = get(`${origin}/_mpdesk/events?page=${encodeURIComponent(page)}&version=${encodeURIComponent(version)}`, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        for (const name of chunk.matchAll(/^event: (\w+)$/gm)) received.push(name[1]!);
        for (const listener of listeners.splice(0)) listener();
      });
      response.on('end', ended);
      response.on('close', ended);
      resolve({
        received,
        ended: endedPromise,
        next: (ms) => {
          const seen = received.length;
          return new Promise((done) => {
            const timer = setTimeout(() => done(undefined), ms);
            const check = () => (received.length > seen ? (clearTimeout(timer), done(received[seen])) : listeners.push(check));
            listeners.push(check);
          });
        },
        close: () => call.destroy(),
      });
    });
    call.on('error', reject);
  });
}
