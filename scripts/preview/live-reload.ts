import type { ServerResponse } from 'node:http';

/** Where open pages listen for reloads (Server-Sent Events). */
export const eventsPath = '/_mpdesk/events';

interface Listener {
  key: string;
  /** The version of the page the browser has. */
  version: string;
  response: ServerResponse;
}

/**
 * The open pages, each listening on one event stream with the page it shows and that page's version: a page
 * whose version is no longer the current one is told to reload, once. A page that connects after a build it
 * missed (it loaded just before the build ended) is told at once, so no save goes unseen.
 */
export class LiveReload {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly current: (key: string) => string) {}

  listen(key: string, version: string, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // A browser whose server went away tries again this soon (ms), so a restarted preview is found quickly.
    response.write('retry: 300\n\n');
    const listener = { key, version, response };
    this.listeners.add(listener);
    response.on('close', () => this.listeners.delete(listener));
    this.tell(listener);
  }

  /** After a build: every page whose content changed reloads. */
  pagesChanged(): void {
    for (const listener of this.listeners) this.tell(listener);
  }

  /** How many pages are listening (for tests and the bench). */
  get size(): number {
    return this.listeners.size;
  }

  close(): void {
    for (const { response } of this.listeners) response.end();
    this.listeners.clear();
  }

  private tell(listener: Listener): void {
    const now = this.current(listener.key);
    if (now === listener.version) return;
    listener.version = now;
    listener.response.write(`event: reload\ndata: ${JSON.stringify({ version: now })}\n\n`);
  }
}

/**
 * The script every served page gets: it listens for its reload and shows in `#mpdesk-live` (when the page has one)
 * whether the preview is still running.
 */
export function reloadScript(key: string, version: string): string {
  const url = `${eventsPath}?page=${encodeURIComponent(key)}&version=${encodeURIComponent(version)}`;
  return `<script>
(() => {
  const live = document.getElementById('mpdesk-live');
  const events = new EventSource(${JSON.stringify(url).replace(/</g, '\\u003c')});
  events.addEventListener('open', () => { if (live) { live.textContent = '● 保存后自动刷新'; live.dataset.state = 'on'; } });
  events.addEventListener('error', () => { if (live) { live.textContent = '○ 与 mpdesk preview 的连接断开，重新连接中…'; live.dataset.state = 'off'; } });
  events.addEventListener('reload', () => { events.close(); location.reload(); });
})();
</script>
`;
}
