/**
 * A one-line notice on standard error: something mpdesk noticed and repaired by itself (a corrupt cache record
 * discarded, a stale lock taken over), which the user should know but which needs nothing from them.
 */
export function notice(message: string, cause?: string): void {
  const said: NoticeMessage = { type: 'notice', message, ...(cause === undefined ? {} : { cause }) };
  if (forward) forward(said);
  else sayNotice(said);
}

let forward: ((notice: NoticeMessage) => void) | undefined;

/** In a pool worker (worker-serve.ts): notices go to the main thread, which knows what the other threads have said. */
export function forwardNotices(to: (notice: NoticeMessage) => void): void {
  forward = to;
}

/** A notice from a worker thread (see worker-pool.ts), or from this one. */
export interface NoticeMessage {
  type: 'notice';
  message: string;
  /** What went wrong, when one cause can fail many caches: said once per cause across all threads. */
  cause?: string;
}

const causesSaid = new Set<string>();

export function sayNotice({ message, cause }: NoticeMessage): void {
  if (cause !== undefined) {
    if (causesSaid.has(cause)) return;
    causesSaid.add(cause);
  }
  process.stderr.write(`mpdesk: 注意：${message}\n`);
}

/** A `notice` that speaks once however often it is called: a cache that fails says so once per run. */
export function noticeOnce(): (message: string, cause?: string) => void {
  let said = false;
  return (message, cause) => {
    if (!said) notice(message, cause);
    said = true;
  };
}

const causesNamed = new Set<string>();

/**
 * A cache that could not be saved, said once per cause: a `.cache` that is a file fails every cache of the run
 * the same way, and one line says it (`cause`: the write error's message, which names the path and the reason).
 * `tell`: the cache's own `noticeOnce`, when it says at most one thing per run.
 */
export function unsavedCacheNotice(what: string, cause: string, after: string, tell: (message: string, cause?: string) => void = notice): void {
  if (causesNamed.has(cause)) return;
  causesNamed.add(cause);
  tell(`${what}没有保存：${cause}${after}同一原因的其他缓存不再逐条提示。`, cause);
}
