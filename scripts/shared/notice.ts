/**
 * A one-line notice on standard error: something mpdesk noticed and repaired by itself (a corrupt cache record
 * discarded, a stale lock taken over), which the user should know but which needs nothing from them.
 */
export function notice(message: string): void {
  process.stderr.write(`mpdesk: 注意：${message}\n`);
}

/** A `notice` that speaks once however often it is called: a cache that fails says so once per run. */
export function noticeOnce(): (message: string) => void {
  let said = false;
  return (message) => {
    if (!said) notice(message);
    said = true;
  };
}

const causesSaid = new Set<string>();

/**
 * A cache that could not be saved, said once per cause: a `.cache` that is a file fails every cache of the run
 * the same way, and one line says it (`cause`: the write error's message, which names the path and the reason).
 * `tell`: the cache's own `noticeOnce`, when it says at most one thing per run.
 */
export function unsavedCacheNotice(what: string, cause: string, after: string, tell: (message: string) => void = notice): void {
  if (causesSaid.has(cause)) return;
  causesSaid.add(cause);
  tell(`${what}没有保存：${cause}${after}同一原因的其他缓存不再逐条提示。`);
}
