import { ReadCache } from '../../src/api/read-cache';

function counter<T>(value: T) {
  const calls = { count: 0 };
  const load = async () => {
    calls.count += 1;
    return structuredClone(value);
  };
  return { calls, load };
}

describe('read cache', () => {
  it('serves a value until its TTL passes, by the injected clock', async () => {
    let now = 5_000_000;
    const cache = new ReadCache({ ttlMs: 1000, max: 10, now: () => now });
    const { calls, load } = counter({ name: 'ACME' });
    await cache.read('k', load);
    now = 5_000_999;
    await cache.read('k', load);
    expect(calls.count).toBe(1);
    now = 5_001_001;
    await cache.read('k', load);
    expect(calls.count).toBe(2);
  });

  it('follows jest fake time with the default clock, whatever the import order', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    try {
      const cache = new ReadCache({ ttlMs: 1000, max: 10 });
      const { calls, load } = counter(1);
      await cache.read('k', load);
      jest.setSystemTime(Date.now() + 1001);
      await cache.read('k', load);
      expect(calls.count).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('evicts the least recently used entry beyond max', async () => {
    const cache = new ReadCache({ ttlMs: 60_000, max: 2 });
    const { calls, load } = counter(1);
    await cache.read('a', load);
    await cache.read('b', load);
    await cache.read('a', load);
    await cache.read('c', load);
    await cache.read('a', load);
    expect(calls.count).toBe(3);
    await cache.read('b', load);
    expect(calls.count).toBe(4);
  });

  it('shares one load among concurrent reads of a key, and gives each its own copy', async () => {
    const cache = new ReadCache({ ttlMs: 60_000, max: 10 });
    let release: (value: { n: number }) => void = () => undefined;
    let loads = 0;
    const load = () => {
      loads += 1;
      return new Promise<{ n: number }>((resolve) => {
        release = resolve;
      });
    };
    const reads = Array.from({ length: 10 }, () => cache.read('k', load));
    release({ n: 1 });
    const values = await Promise.all(reads);
    expect(loads).toBe(1);
    values[0].n = 2;
    expect(values[1].n).toBe(1);
  });

  it('forgets a failed load, so the next read tries again', async () => {
    const cache = new ReadCache({ ttlMs: 60_000, max: 10 });
    let loads = 0;
    const failing = async () => {
      loads += 1;
      throw new Error('upstream down');
    };
    await expect(Promise.all([cache.read('k', failing), cache.read('k', failing)])).rejects.toThrow(
      'upstream down',
    );
    expect(loads).toBe(1);
    expect(await cache.read('k', async () => 'fine')).toBe('fine');
  });
});
