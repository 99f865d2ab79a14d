/**
 * Group commit: items submitted while a write is in flight are written together by the next one, in one
 * statement, instead of one statement each. Nothing waits for a timer: an item submitted to an idle writer
 * is written at once (after the current microtask, so items submitted together go together), and under load
 * the batches grow by themselves. Every submitter's promise settles only when its own item's write has
 * settled: resolved after the database committed it, rejected when it failed.
 */

export interface GroupCommitOptions<Item, Result> {
  /** Writes `items` in one atomic statement, all or nothing; the results in the items' order. */
  commit(items: readonly Item[]): Promise<Result[]>;
  /** The most items one statement writes. */
  maxBatch: number;
  /**
   * For a batch of several that failed: true when each of its items may be written again on its own, so that
   * an item the database refuses fails only its own submitter. False (or absent): every submitter of the batch
   * gets the batch's error (a database that cannot be reached would only fail again, more slowly).
   */
  retryAlone?(error: unknown): boolean;
}

interface Pending<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export class GroupCommit<Item, Result> {
  private queue: Pending<Item, Result>[] = [];
  private writing: Promise<void> | undefined;

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {
    if (!Number.isInteger(options.maxBatch) || options.maxBatch < 1) {
      throw new RangeError('maxBatch must be a positive integer');
    }
  }

  /** Resolves with the item's result once it is committed; in the database, items keep their submission order. */
  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.writing ??= this.writeAll();
    });
  }

  /** Resolves when every item submitted so far has been written (or has failed). */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeAll(): Promise<void> {
    // Items submitted in the same synchronous run as the first one join its batch.
    await Promise.resolve();
    try {
      while (this.queue.length > 0) {
        await this.write(this.queue.splice(0, this.options.maxBatch));
      }
    } finally {
      this.writing = undefined;
    }
  }

  private async write(batch: Pending<Item, Result>[]): Promise<void> {
    let results: Result[];
    try {
      results = await this.options.commit(batch.map((pending) => pending.item));
    } catch (error) {
      if (batch.length > 1 && this.options.retryAlone?.(error)) {
        for (const pending of batch) await this.write([pending]);
      } else {
        for (const pending of batch) pending.reject(error);
      }
      return;
    }
    if (results.length !== batch.length) {
      // Committed, but not as asked: never written again (that could duplicate rows), only reported.
      const error = new Error(`group commit: ${results.length} results for ${batch.length} items`);
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const [index, pending] of batch.entries()) pending.resolve(results[index] as Result);
  }
}
