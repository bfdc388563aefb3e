/**
 * Trying again after a failure, waiting longer each time up to a cap: for services that may be
 * down for a while (Telegram's Bot API at start, the database while an instance starts).
 */

export interface BackoffOptions {
  /** The first wait; each next one doubles, up to `maxMs`. */
  firstMs: number;
  maxMs: number;
  /** Gives up after this many attempts (rethrowing the last error); default: never. */
  attempts?: number;
  /** Stops waiting (and trying) once aborted: a server that shuts down. */
  signal?: AbortSignal;
  /** Whether an error is worth another attempt; default: every error. */
  retryable?: (err: unknown) => boolean;
  /** Told of each failed attempt; `retryInMs` is undefined when there will be no other. */
  onFailure?: (err: unknown, attempt: number, retryInMs: number | undefined) => void;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function backoffDelay(attempt: number, firstMs: number, maxMs: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.min(attempt - 1, 30));
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Runs `task` until it succeeds, the attempts run out, or `signal` aborts (then the last error is thrown). */
export async function keepTrying<T>(task: (attempt: number) => Promise<T>, opts: BackoffOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task(attempt);
    } catch (err) {
      const last = opts.signal?.aborted || attempt === opts.attempts || !(opts.retryable?.(err) ?? true);
      const wait = last ? undefined : backoffDelay(attempt, opts.firstMs, opts.maxMs);
      opts.onFailure?.(err, attempt, wait);
      if (wait === undefined) throw err;
      await pause(wait, opts.signal);
      if (opts.signal?.aborted) throw err;
    }
  }
}
