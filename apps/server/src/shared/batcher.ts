/**
 * Group commit: items that arrive while a batch is being written wait, and go together in the next one,
 * so that a burst of requests shares one transaction (one lock wait, one commit, multi-row statements)
 * instead of queueing for one each. `write` answers, for each item in order, its result or the error
 * that is that item's alone (a duplicate, say). When `write` throws, the batch is written again one item
 * at a time, so that one bad item fails only its own request. Up to `concurrency` batches are written at
 * once (default 1): the part of a transaction before its commit can overlap with another's.
 */
export function createBatcher<T, R>(
  write: (items: T[]) => Promise<Array<R | Error>>,
  options: { maxBatch: number; concurrency?: number },
) {
  const concurrency = options.concurrency ?? 1;
  interface Waiting {
    item: T;
    resolve: (result: R) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  let running = 0;

  const settle = (entry: Waiting, result: R | Error | undefined) => {
    if (result instanceof Error) entry.reject(result);
    else if (result === undefined) entry.reject(new Error('The batch writer gave no result for an item'));
    else entry.resolve(result);
  };

  async function writeAlone(entry: Waiting) {
    try {
      const [result] = await write([entry.item]);
      settle(entry, result);
    } catch (error) {
      entry.reject(error);
    }
  }

  async function drain() {
    running++;
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, options.maxBatch);
        waiting = waiting.slice(batch.length);
        if (batch.length === 1) {
          await writeAlone(batch[0]!);
          continue;
        }
        let results: Array<R | Error>;
        try {
          results = await write(batch.map((entry) => entry.item));
        } catch {
          for (const entry of batch) await writeAlone(entry);
          continue;
        }
        batch.forEach((entry, position) => settle(entry, results[position]));
      }
    } finally {
      running--;
    }
  }

  return {
    /** Writes the item with whatever else is waiting; resolves once its batch is committed. */
    add(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (running < concurrency) void drain();
      });
    },
  };
}
