import { AppError } from '../../src/errors';
import { Batcher, isStoreUnavailable } from '../../src/store/batcher';

/** A statement runner that the test settles by hand, recording every batch it was given. */
function manualRunner() {
  const batches: string[][] = [];
  const settle: { resolve(): void; reject(error: Error): void }[] = [];
  const run = (requests: readonly string[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push([...requests]);
      settle.push({ resolve: () => resolve(requests.map((request) => `ran ${request}`)), reject });
    });
  return { batches, settle, run };
}

/** Lets the current turn of the event loop end (and pending promise callbacks run). */
const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Lets the event loop turn until `condition` holds (at most a few turns). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 10 && !condition(); turn++) await nextLoopTurn();
  expect(condition()).toBe(true);
}

describe('statement batcher', () => {
  it('runs requests submitted together as one statement, and resolves each with its own result', async () => {
    const run = jest.fn(async (requests: readonly string[]) =>
      requests.map((request) => request.toUpperCase()),
    );
    const batcher = new Batcher({ run, maxBatch: 10 });

    const results = await Promise.all(['a', 'b', 'c'].map((request) => batcher.submit(request)));

    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith(['a', 'b', 'c']);
    expect(results).toEqual(['A', 'B', 'C']);
  });

  it('gathers requests from the whole turn of the event loop, even when a statement completes at once (PGlite)', async () => {
    const run = jest.fn(async (requests: readonly string[]) => [...requests]);
    const batcher = new Batcher({ run, maxBatch: 10 });

    const turn = async (request: string) => {
      await Promise.resolve();
      const first = await batcher.submit(`${request}1`);
      return [first, await batcher.submit(`${request}2`)];
    };
    const first = batcher.submit('x');
    const turns = await Promise.all([turn('a'), turn('b'), first]);

    expect(turns).toEqual([['a1', 'a2'], ['b1', 'b2'], 'x']);
    expect(run.mock.calls.map(([requests]) => requests)).toEqual([
      ['x', 'a1', 'b1'],
      ['a2', 'b2'],
    ]);
  });

  it('batches what arrives while a statement runs into the next one, in submission order', async () => {
    const { batches, settle, run } = manualRunner();
    const batcher = new Batcher({ run, maxBatch: 10 });

    const first = batcher.submit('1');
    await nextLoopTurn();
    const later = ['2', '3', '4'].map((request) => batcher.submit(request));
    await nextLoopTurn();
    expect(batches).toEqual([['1']]);

    settle[0]?.resolve();
    await expect(first).resolves.toBe('ran 1');
    await until(() => batches.length === 2);
    expect(batches).toEqual([['1'], ['2', '3', '4']]);
    settle[1]?.resolve();
    await expect(Promise.all(later)).resolves.toEqual(['ran 2', 'ran 3', 'ran 4']);
  });

  it('resolves no requester before its statement has completed (a group commit)', async () => {
    const { settle, run } = manualRunner();
    const batcher = new Batcher({ run, maxBatch: 10 });
    let resolved = false;
    const submitted = batcher.submit('x').then(() => {
      resolved = true;
    });

    await nextLoopTurn();
    await nextLoopTurn();
    expect(resolved).toBe(false);
    settle[0]?.resolve();
    await submitted;
    expect(resolved).toBe(true);
  });

  it('rejects every requester of a failing batch with its error, and goes on with the next batch', async () => {
    const { batches, settle, run } = manualRunner();
    const batcher = new Batcher({ run, maxBatch: 10, retryAlone: () => false });

    const failing = ['a', 'b'].map((request) => batcher.submit(request));
    await nextLoopTurn();
    const next = batcher.submit('c');
    settle[0]?.reject(new Error('database unreachable'));

    for (const submitted of failing) await expect(submitted).rejects.toThrow('database unreachable');
    await until(() => batches.length === 2);
    settle[1]?.resolve();
    await expect(next).resolves.toBe('ran c');
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  it('runs the requests of a refused batch one by one when allowed, so only the refused one fails', async () => {
    const run = jest.fn(async (requests: readonly string[]) => {
      if (requests.includes('bad')) throw new Error('refused: bad');
      return requests.map((request) => `ran ${request}`);
    });
    const batcher = new Batcher({ run, maxBatch: 10, retryAlone: () => true });

    const results = await Promise.allSettled(['a', 'bad', 'c'].map((request) => batcher.submit(request)));

    expect(results).toEqual([
      { status: 'fulfilled', value: 'ran a' },
      { status: 'rejected', reason: new Error('refused: bad') },
      { status: 'fulfilled', value: 'ran c' },
    ]);
    expect(run.mock.calls.map(([requests]) => requests)).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('never runs a batch again when it answered with the wrong number of results', async () => {
    const run = jest.fn(async (requests: readonly string[]) => requests.slice(1));
    const batcher = new Batcher({ run, maxBatch: 10, retryAlone: () => true });

    const results = await Promise.allSettled(['a', 'b'].map((request) => batcher.submit(request)));

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('puts at most maxBatch requests in one statement', async () => {
    const run = jest.fn(async (requests: readonly number[]) => requests.map((request) => request * 2));
    const batcher = new Batcher({ run, maxBatch: 2 });

    const results = await Promise.all([1, 2, 3, 4, 5].map((request) => batcher.submit(request)));

    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(run.mock.calls.map(([requests]) => requests)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('is idle once every request submitted has run', async () => {
    const { batches, settle, run } = manualRunner();
    const batcher = new Batcher({ run, maxBatch: 10 });
    await batcher.idle();

    const first = batcher.submit('a');
    let idle = false;
    const waiting = batcher.idle().then(() => {
      idle = true;
    });
    await nextLoopTurn();
    const second = batcher.submit('b');
    settle[0]?.resolve();
    await first;
    await until(() => batches.length === 2);
    expect(idle).toBe(false);
    settle[1]?.resolve();
    await Promise.all([second, waiting]);
    expect(idle).toBe(true);
  });

  it('refuses a batch size that is not a positive integer', () => {
    const run = async (requests: readonly string[]) => [...requests];
    expect(() => new Batcher({ run, maxBatch: 0 })).toThrow(RangeError);
    expect(() => new Batcher({ run, maxBatch: 1.5 })).toThrow(RangeError);
  });
});

describe('isStoreUnavailable', () => {
  it('is true only for the store being unreachable, not for a statement the database refused', () => {
    expect(isStoreUnavailable(new AppError('STORE_UNAVAILABLE'))).toBe(true);
    expect(isStoreUnavailable(new AppError('INTERNAL'))).toBe(false);
    expect(isStoreUnavailable(new Error('invalid byte sequence for encoding "UTF8": 0x00'))).toBe(false);
  });
});

describe('statement batcher under fake timers', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('still runs its statements: it waits for the end of the loop turn, not for a clock', async () => {
    jest.useFakeTimers();
    const run = jest.fn(async (requests: readonly string[]) => [...requests]);
    const batcher = new Batcher({ run, maxBatch: 10 });

    await expect(batcher.submit('a')).resolves.toBe('a');
  });
});
