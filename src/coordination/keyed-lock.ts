/**
 * Runs the tasks of one key one after another, in arrival order, while different keys run in
 * parallel: two messages of one person never race on the same state. In-process; a shared lock
 * (Redis) can stand behind the same interface when several instances serve one campaign.
 */
export interface TurnLock {
  withLock<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createKeyedLock(): TurnLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(task, task);
      const tail = run.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
  };
}
