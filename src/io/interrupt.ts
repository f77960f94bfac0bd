/**
 * Clean-up on SIGINT and SIGTERM. Code that leaves something on disk while it works (a temporary
 * output file or report folder, a lock) registers how to remove it; on a signal every registered
 * clean-up runs (newest first, synchronously) and the process exits with 128 + the signal number
 * (130 for SIGINT, 143 for SIGTERM), as a shell expects. The handlers are installed only while
 * something is registered, so an idle linkage (or a test runner importing it) keeps Node's defaults.
 */
const cleanups = new Set<() => void>();
const EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 };

function handle(signal: 'SIGINT' | 'SIGTERM'): void {
  for (const fn of [...cleanups].reverse()) {
    try {
      fn();
    } catch {
      /* keep cleaning */
    }
  }
  cleanups.clear();
  process.exit(EXIT[signal]);
}
const onSigint = (): void => handle('SIGINT');
const onSigterm = (): void => handle('SIGTERM');

/** Run `cleanup` if the process is interrupted before the returned function is called. */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
  }
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  };
}
