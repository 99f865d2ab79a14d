import { LRUCache } from 'lru-cache';

/**
 * A read-through cache for customer reads: entries live `ttlMs`, at most `max` of them, and concurrent
 * reads of the same key share one upstream request. Failed reads are not cached. Callers get their own
 * copy, so one dialog cannot change what another reads.
 */

export interface ReadCacheOptions {
  ttlMs: number;
  max: number;
  /** The clock, read on every access (tests under fake timers need no import order). */
  now?: () => number;
}

export const defaultReadCacheOptions = Object.freeze({ ttlMs: 60_000, max: 500 });

export class ReadCache {
  private readonly entries: LRUCache<string, { value: unknown }>;
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(options: ReadCacheOptions) {
    const now = options.now ?? (() => Date.now());
    this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs, ttlResolution: 0, perf: { now } });
  }

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) return structuredClone(hit.value as T);
    let pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = load().then(
        (value) => {
          this.entries.set(key, { value });
          this.inFlight.delete(key);
          return value;
        },
        (error: unknown) => {
          this.inFlight.delete(key);
          throw error;
        },
      );
      this.inFlight.set(key, pending);
    }
    return structuredClone(await pending);
  }
}
