import { GroupCommit } from '../../src/store/group-commit';

/** A writer whose commits the test settles by hand, recording every batch it was given. */
function manualWriter() {
  const batches: string[][] = [];
  const settle: { resolve(): void; reject(error: Error): void }[] = [];
  const commit = (items: readonly string[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push([...items]);
      settle.push({ resolve: () => resolve(items.map((item) => `written ${item}`)), reject });
    });
  return { batches, settle, commit };
}

/** Lets pending promise callbacks run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('writes items submitted together in one commit, and resolves each with its own result', async () => {
    const commit = jest.fn(async (items: readonly string[]) => items.map((item) => item.toUpperCase()));
    const writer = new GroupCommit({ commit, maxBatch: 10 });

    const results = await Promise.all(['a', 'b', 'c'].map((item) => writer.submit(item)));

    expect(commit).toHaveBeenCalledTimes(1);
    expect(commit).toHaveBeenCalledWith(['a', 'b', 'c']);
    expect(results).toEqual(['A', 'B', 'C']);
  });

  it('batches what arrives while a commit is in flight into the next one, in submission order', async () => {
    const { batches, settle, commit } = manualWriter();
    const writer = new GroupCommit({ commit, maxBatch: 10 });

    const first = writer.submit('1');
    await settled();
    const later = ['2', '3', '4'].map((item) => writer.submit(item));
    await settled();
    expect(batches).toEqual([['1']]);

    settle[0]?.resolve();
    await expect(first).resolves.toBe('written 1');
    await settled();
    expect(batches).toEqual([['1'], ['2', '3', '4']]);
    settle[1]?.resolve();
    await expect(Promise.all(later)).resolves.toEqual(['written 2', 'written 3', 'written 4']);
  });

  it('resolves no submitter before its commit has completed', async () => {
    const { settle, commit } = manualWriter();
    const writer = new GroupCommit({ commit, maxBatch: 10 });
    let resolved = false;
    const submitted = writer.submit('x').then(() => {
      resolved = true;
    });

    await settled();
    expect(resolved).toBe(false);
    settle[0]?.resolve();
    await submitted;
    expect(resolved).toBe(true);
  });

  it('rejects every submitter of a failing batch with its error, and goes on with the next batch', async () => {
    const { batches, settle, commit } = manualWriter();
    const writer = new GroupCommit({ commit, maxBatch: 10, retryAlone: () => false });

    const failing = ['a', 'b'].map((item) => writer.submit(item));
    await settled();
    const next = writer.submit('c');
    settle[0]?.reject(new Error('database unreachable'));

    for (const submitted of failing) await expect(submitted).rejects.toThrow('database unreachable');
    await settled();
    settle[1]?.resolve();
    await expect(next).resolves.toBe('written c');
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  it('writes the items of a refused batch one by one when allowed, so only the refused item fails', async () => {
    const commit = jest.fn(async (items: readonly string[]) => {
      if (items.includes('bad')) throw new Error('refused: bad');
      return items.map((item) => `written ${item}`);
    });
    const writer = new GroupCommit({ commit, maxBatch: 10, retryAlone: () => true });

    const results = await Promise.allSettled(['a', 'bad', 'c'].map((item) => writer.submit(item)));

    expect(results).toEqual([
      { status: 'fulfilled', value: 'written a' },
      { status: 'rejected', reason: new Error('refused: bad') },
      { status: 'fulfilled', value: 'written c' },
    ]);
    expect(commit.mock.calls.map(([items]) => items)).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('never writes a batch again when the commit answered with the wrong number of results', async () => {
    const commit = jest.fn(async (items: readonly string[]) => items.slice(1));
    const writer = new GroupCommit({ commit, maxBatch: 10, retryAlone: () => true });

    const results = await Promise.allSettled(['a', 'b'].map((item) => writer.submit(item)));

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('writes at most maxBatch items per commit', async () => {
    const commit = jest.fn(async (items: readonly number[]) => items.map((item) => item * 2));
    const writer = new GroupCommit({ commit, maxBatch: 2 });

    const results = await Promise.all([1, 2, 3, 4, 5].map((item) => writer.submit(item)));

    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(commit.mock.calls.map(([items]) => items)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('is idle once everything submitted has been written', async () => {
    const { settle, commit } = manualWriter();
    const writer = new GroupCommit({ commit, maxBatch: 10 });
    await writer.idle();

    const first = writer.submit('a');
    let idle = false;
    const waiting = writer.idle().then(() => {
      idle = true;
    });
    await settled();
    const second = writer.submit('b');
    settle[0]?.resolve();
    await first;
    await settled();
    expect(idle).toBe(false);
    settle[1]?.resolve();
    await Promise.all([second, waiting]);
    expect(idle).toBe(true);
  });

  it('refuses a batch size that is not a positive integer', () => {
    const commit = async (items: readonly string[]) => [...items];
    expect(() => new GroupCommit({ commit, maxBatch: 0 })).toThrow(RangeError);
    expect(() => new GroupCommit({ commit, maxBatch: 1.5 })).toThrow(RangeError);
  });
});
