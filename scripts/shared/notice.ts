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
