import { isAppError } from '../errors';

/**
 * Batching of small statements that many turns run at once (audit rows, bot state reads): requests made
 * during one turn of the event loop are run together, as one statement, at the end of it. Under load the
 * requests of every conversation being served meet there, so one statement does the work of many; an idle
 * bot runs a lone request at once (setImmediate, no timer). While a batch runs, new requests wait for the
 * next one. Writes this way are a group commit: each requester's promise settles only when the statement
 * carrying its own request has settled (resolved after the database committed it, rejected if it failed).
 *
 * PGlite runs a statement synchronously on this thread, so without the wait for the end of the loop turn a
 * statement would always be over before another request could be made, and nothing would ever be batched.
 */

export interface BatcherOptions<Request, Result> {
  /** Runs `requests` as one atomic statement, all or nothing; the results in the requests' order. */
  run(requests: readonly Request[]): Promise<Result[]>;
  /** The most requests one statement carries. */
  maxBatch: number;
  /**
   * For a batch of several that failed: true when each of its requests may be run again on its own, so that
   * one the database refuses fails only its own requester. False (or absent): every requester of the batch
   * gets the batch's error.
   */
  retryAlone?(error: unknown): boolean;
}

interface Pending<Request, Result> {
  request: Request;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/** True when the database itself is unavailable: running the requests of a batch one by one would fail too. */
export function isStoreUnavailable(error: unknown): boolean {
  return isAppError(error) && error.code === 'STORE_UNAVAILABLE';
}

/** Taken at load: a test faking timers must not hold up the store's statements (nothing here is timed). */
const { setImmediate: atEndOfLoopTurn } = globalThis;
const endOfLoopTurn = () => new Promise<void>((resolve) => atEndOfLoopTurn(resolve));

export class Batcher<Request, Result> {
  private queue: Pending<Request, Result>[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly options: BatcherOptions<Request, Result>) {
    if (!Number.isInteger(options.maxBatch) || options.maxBatch < 1) {
      throw new RangeError('maxBatch must be a positive integer');
    }
  }

  /** Resolves with the request's result once its statement has run; statements run in request order. */
  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.running ??= this.runAll();
    });
  }

  /** Resolves when every request submitted so far has run (or failed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async runAll(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await endOfLoopTurn();
        await this.run(this.queue.splice(0, this.options.maxBatch));
      }
    } finally {
      this.running = undefined;
    }
  }

  private async run(batch: Pending<Request, Result>[]): Promise<void> {
    let results: Result[];
    try {
      results = await this.options.run(batch.map((pending) => pending.request));
    } catch (error) {
      if (batch.length > 1 && this.options.retryAlone?.(error)) {
        for (const pending of batch) await this.run([pending]);
      } else {
        for (const pending of batch) pending.reject(error);
      }
      return;
    }
    if (results.length !== batch.length) {
      // It ran, but not as asked: never run again (that could duplicate rows), only reported.
      const error = new Error(`batch: ${results.length} results for ${batch.length} requests`);
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const [index, pending] of batch.entries()) pending.resolve(results[index] as Result);
  }
}
