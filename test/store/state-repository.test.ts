import type { SqlExecutor } from '../../src/store/sql-executor';
import { createStateRepository, inKeyOrder, isConditional } from '../../src/store/state-repository';
import { StateConflictError } from '../../src/store/store';
import { engines, type Harness, openHarness, uniquePrefix } from './engines';

describe('state write classification', () => {
  it('treats an absent etag and "*" as unconditional, anything else as conditional', () => {
    expect(isConditional({ key: 'k', value: 1 })).toBe(false);
    expect(isConditional({ key: 'k', value: 1, etag: '*' })).toBe(false);
    expect(isConditional({ key: 'k', value: 1, etag: 'abc' })).toBe(true);
    expect(isConditional({ key: 'k', value: 1, etag: '' })).toBe(true);
  });

  it('orders writes by key so concurrent transactions lock rows in the same order', () => {
    const ordered = inKeyOrder([
      { key: 'b', value: 1 },
      { key: 'a', value: 2 },
      { key: 'c', value: 3 },
    ]);
    expect(ordered.map((write) => write.key)).toEqual(['a', 'b', 'c']);
  });
});

describe.each(engines)('state repository on %s', (engine) => {
  let harness: Harness;
  let prefix: string;
  const key = (name: string) => `${prefix}/${name}`;

  beforeAll(async () => {
    harness = await openHarness(engine);
  });
  afterAll(async () => {
    await harness?.store.close();
  });
  beforeEach(() => {
    prefix = uniquePrefix(engine);
  });

  it('reads back what was written, with a fresh etag per write', async () => {
    const { state } = harness.store;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder is part of the hostile text
    const value = { dialogStack: [{ id: 'reset', state: { step: 2 } }], note: 'ünïcødé "quoted" \\ ${x}' };
    await state.write([{ key: key('a'), value }]);
    const first = (await state.read([key('a')])).get(key('a'));
    expect(first?.value).toEqual(value);

    await state.write([{ key: key('a'), value: { changed: true } }]);
    const second = (await state.read([key('a')])).get(key('a'));
    expect(second?.value).toEqual({ changed: true });
    expect(second?.etag).toEqual(expect.any(String));
    expect(second?.etag).not.toBe(first?.etag);
  });

  it('stores JSON scalars, arrays and null as they are', async () => {
    const { state } = harness.store;
    const values: Record<string, unknown> = {
      str: 'text',
      num: 42.5,
      arr: [1, 'two', null],
      nil: null,
      yes: true,
    };
    await state.write(Object.entries(values).map(([name, value]) => ({ key: key(name), value })));
    const read = await state.read(Object.keys(values).map(key));
    for (const [name, value] of Object.entries(values)) expect(read.get(key(name))?.value).toEqual(value);
  });

  it('leaves keys that do not exist out of the result', async () => {
    await harness.store.state.write([{ key: key('present'), value: 1 }]);
    const read = await harness.store.state.read([key('present'), key('absent')]);
    expect([...read.keys()]).toEqual([key('present')]);
    expect((await harness.store.state.read([])).size).toBe(0);
  });

  it('writes when the etag matches the stored one', async () => {
    const { state } = harness.store;
    await state.write([{ key: key('a'), value: 1 }]);
    const { etag } = (await state.read([key('a')])).get(key('a')) ?? { etag: '' };
    await state.write([{ key: key('a'), value: 2, etag }]);
    expect((await state.read([key('a')])).get(key('a'))?.value).toBe(2);
  });

  it('refuses a write whose etag is stale, and keeps the stored value', async () => {
    const { state } = harness.store;
    await state.write([{ key: key('a'), value: 'first' }]);
    const { etag } = (await state.read([key('a')])).get(key('a')) ?? { etag: '' };
    await state.write([{ key: key('a'), value: 'second' }]);

    const stale = state.write([{ key: key('a'), value: 'lost update', etag }]);
    await expect(stale).rejects.toBeInstanceOf(StateConflictError);
    await expect(stale).rejects.toMatchObject({ key: key('a') });
    expect((await state.read([key('a')])).get(key('a'))?.value).toBe('second');
  });

  it('treats a conditional write to a key that does not exist as a conflict', async () => {
    await expect(
      harness.store.state.write([{ key: key('gone'), value: 1, etag: 'some-etag' }]),
    ).rejects.toBeInstanceOf(StateConflictError);
    expect((await harness.store.state.read([key('gone')])).size).toBe(0);
  });

  it('writes unconditionally with "*" whatever is stored', async () => {
    const { state } = harness.store;
    await state.write([{ key: key('a'), value: 1 }]);
    await state.write([{ key: key('a'), value: 2, etag: '*' }]);
    await state.write([{ key: key('new'), value: 3, etag: '*' }]);
    const read = await state.read([key('a'), key('new')]);
    expect(read.get(key('a'))?.value).toBe(2);
    expect(read.get(key('new'))?.value).toBe(3);
  });

  it('applies all writes of one call or none of them', async () => {
    const { state } = harness.store;
    await state.write([{ key: key('b'), value: 'b0' }]);
    const failing = state.write([
      { key: key('a'), value: 'a1' },
      { key: key('b'), value: 'b1', etag: 'stale' },
      { key: key('c'), value: 'c1', etag: '*' },
    ]);
    await expect(failing).rejects.toBeInstanceOf(StateConflictError);
    const read = await state.read([key('a'), key('b'), key('c')]);
    expect(read.has(key('a'))).toBe(false);
    expect(read.get(key('b'))?.value).toBe('b0');
    expect(read.has(key('c'))).toBe(false);
  });

  it('deletes keys, and deleting a missing key is not an error', async () => {
    const { state } = harness.store;
    await state.write([
      { key: key('a'), value: 1 },
      { key: key('b'), value: 2 },
    ]);
    await state.delete([key('a'), key('missing')]);
    await state.delete([]);
    expect([...(await state.read([key('a'), key('b')])).keys()]).toEqual([key('b')]);
  });

  it('lets exactly one of two writers holding the same etag win', async () => {
    const other = engine === 'postgres' ? await openHarness(engine) : harness;
    try {
      for (let round = 0; round < 20; round += 1) {
        const k = key(`race-${round}`);
        await harness.store.state.write([{ key: k, value: 'start' }]);
        const { etag } = (await harness.store.state.read([k])).get(k) ?? { etag: '' };
        const results = await Promise.allSettled([
          harness.store.state.write([{ key: k, value: 'one', etag }]),
          other.store.state.write([{ key: k, value: 'two', etag }]),
        ]);
        const winners = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
        expect(winners).toHaveLength(1);
        const loser = results.find((result) => result.status === 'rejected');
        expect(loser?.status === 'rejected' && loser.reason).toBeInstanceOf(StateConflictError);
        expect((await harness.store.state.read([k])).get(k)?.value).toBe(winners[0] === 0 ? 'one' : 'two');
      }
    } finally {
      if (other !== harness) await other.store.close();
    }
  });

  it('resolves crossing multi-key writes with one winner and no deadlock', async () => {
    const other = engine === 'postgres' ? await openHarness(engine) : harness;
    try {
      for (let round = 0; round < 10; round += 1) {
        const [x, y] = [key(`x-${round}`), key(`y-${round}`)];
        await harness.store.state.write([
          { key: x, value: 0 },
          { key: y, value: 0 },
        ]);
        const read = await harness.store.state.read([x, y]);
        const etagOf = (k: string) => read.get(k)?.etag ?? '';
        const results = await Promise.allSettled([
          harness.store.state.write([
            { key: x, value: 1, etag: etagOf(x) },
            { key: y, value: 1, etag: etagOf(y) },
          ]),
          other.store.state.write([
            { key: y, value: 2, etag: etagOf(y) },
            { key: x, value: 2, etag: etagOf(x) },
          ]),
        ]);
        const rejected = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
        expect(rejected).toHaveLength(1);
        expect(rejected[0]).toBeInstanceOf(StateConflictError);
        const after = await harness.store.state.read([x, y]);
        expect(after.get(x)?.value).toBe(after.get(y)?.value);
      }
    } finally {
      if (other !== harness) await other.store.close();
    }
  });

  it('reads the keys of concurrent reads with one SELECT, each read getting its own keys', async () => {
    const selects: unknown[][] = [];
    const counting: SqlExecutor = {
      ...harness.db,
      query: (sql, params) => {
        if (sql.startsWith('SELECT')) selects.push([...(params ?? [])]);
        return harness.db.query(sql, params);
      },
    };
    const state = createStateRepository(counting);
    await harness.store.state.write([
      { key: key('one'), value: 1 },
      { key: key('two'), value: 2 },
      { key: key('three'), value: 3 },
    ]);

    const [first, second, third] = await Promise.all([
      state.read([key('one')]),
      state.read([key('two'), key('missing')]),
      state.read([key('three'), key('one')]),
    ]);

    expect(selects).toHaveLength(1);
    expect([...(first?.keys() ?? [])]).toEqual([key('one')]);
    expect(second?.get(key('two'))?.value).toBe(2);
    expect([...(second?.keys() ?? [])]).toEqual([key('two')]);
    expect(new Map([...(third?.entries() ?? [])].map(([k, item]) => [k, item.value]))).toEqual(
      new Map([
        [key('three'), 3],
        [key('one'), 1],
      ]),
    );
  });

  it('hands two concurrent reads of the same key values of their own (botbuilder changes what it loaded)', async () => {
    await harness.store.state.write([{ key: key('shared'), value: { dialogStack: [] } }]);

    const [first, second] = await Promise.all([
      harness.store.state.read([key('shared')]),
      harness.store.state.read([key('shared')]),
    ]);
    const loaded = first.get(key('shared'))?.value as { dialogStack: string[] } | undefined;
    loaded?.dialogStack.push('changed');
    expect(loaded?.dialogStack).toEqual(['changed']);

    expect(second.get(key('shared'))?.value).toEqual({ dialogStack: [] });
    expect(second.get(key('shared'))?.etag).toBe(first.get(key('shared'))?.etag);
  });

  it('sees every write committed before the read was made', async () => {
    const { state } = harness.store;
    await state.write([{ key: key('fresh'), value: 'old' }]);
    const reads: Promise<unknown>[] = [];
    for (let round = 0; round < 5; round += 1) {
      await state.write([{ key: key('fresh'), value: `v${round}` }]);
      reads.push(state.read([key('fresh')]).then((items) => items.get(key('fresh'))?.value));
    }
    // Each read was made after its round's write and before the next one: it sees that write or a later one.
    const seen = (await Promise.all(reads)) as string[];
    seen.forEach((value, round) => {
      expect(Number(value.slice(1))).toBeGreaterThanOrEqual(round);
    });
  });

  it('fails only the read whose key the database refuses, not the others read with it', async () => {
    await harness.store.state.write([{ key: key('fine'), value: 'ok' }]);

    const results = await Promise.allSettled([
      harness.store.state.read([key('fine')]),
      harness.store.state.read([`${key('nul')}\u0000`]),
    ]);

    expect(results[0]?.status === 'fulfilled' && results[0].value.get(key('fine'))?.value).toBe('ok');
    expect(results[1]?.status).toBe('rejected');
  });
});
