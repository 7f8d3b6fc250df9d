import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.js';

/** A writer whose batches finish when the test says so, recording what each held. */
function controlledWriter(fail: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const finishers: Array<() => void> = [];
  const write = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => finishers.push(resolve));
    if (fail(items)) throw new Error(`batch ${items.join(',')} failed`);
    return items.map((item) => (item < 0 ? new Error(`item ${item} refused`) : item * 10));
  };
  const finishNext = async () => {
    while (finishers.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    finishers.shift()!();
  };
  return { write, batches, finishNext };
}

describe('the batcher (group commit)', () => {
  it('writes items that arrive during a write together in the next batch, each answered with its own result', async () => {
    const writer = controlledWriter();
    const batcher = createBatcher(writer.write, { maxBatch: 10 });
    const first = batcher.add(1);
    const rest = [2, 3, 4].map((item) => batcher.add(item));
    await writer.finishNext();
    expect(await first).toBe(10);
    await writer.finishNext();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(writer.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps batches within the maximum, in arrival order', async () => {
    const writer = controlledWriter();
    const batcher = createBatcher(writer.write, { maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map((item) => batcher.add(item));
    for (let i = 0; i < 3; i++) await writer.finishNext();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(writer.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('rejects only the item whose result is an error', async () => {
    const writer = controlledWriter();
    const batcher = createBatcher(writer.write, { maxBatch: 10 });
    const first = batcher.add(1);
    const good = batcher.add(2);
    const bad = batcher.add(-3);
    const badRefused = expect(bad).rejects.toThrow('item -3 refused');
    await writer.finishNext();
    await writer.finishNext();
    await expect(first).resolves.toBe(10);
    await expect(good).resolves.toBe(20);
    await badRefused;
  });

  it('writes a failed batch again one item at a time, so one bad item fails only its own request', async () => {
    // Any batch holding 7 fails as a whole (as a constraint violation would).
    const writer = controlledWriter((items) => items.includes(7));
    const batcher = createBatcher(writer.write, { maxBatch: 10 });
    const first = batcher.add(1);
    const others = Promise.allSettled([6, 7, 8].map((item) => batcher.add(item)));
    await writer.finishNext(); // [1]
    await writer.finishNext(); // [6, 7, 8] fails
    for (let i = 0; i < 3; i++) await writer.finishNext(); // [6], [7], [8]
    await expect(first).resolves.toBe(10);
    const settled = await others;
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(writer.batches).toEqual([[1], [6, 7, 8], [6], [7], [8]]);
  });

  it('writes up to `concurrency` batches at once', async () => {
    const writer = controlledWriter();
    const batcher = createBatcher(writer.write, { maxBatch: 10, concurrency: 2 });
    const all = [1, 2, 3, 4].map((item) => batcher.add(item));
    // 1 and 2 each start a batch of their own; 3 and 4 wait for the first to finish.
    await writer.finishNext();
    await writer.finishNext();
    await writer.finishNext();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40]);
    expect(writer.batches).toEqual([[1], [2], [3, 4]]);
  });

  it('starts again after going idle', async () => {
    const writer = controlledWriter();
    const batcher = createBatcher(writer.write, { maxBatch: 10 });
    const one = batcher.add(1);
    await writer.finishNext();
    await one;
    const two = batcher.add(2);
    await writer.finishNext();
    expect(await two).toBe(20);
  });
});
