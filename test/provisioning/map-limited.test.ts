import { mapLimited } from '../../src/provisioning/map-limited';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mapping with a limit on calls in flight', () => {
  it('keeps the input order whatever the completion order', async () => {
    const results = await mapLimited([30, 10, 20], 3, async (value, index) => {
      for (let i = 0; i < value / 10; i++) await tick();
      return `${index}:${value}`;
    });
    expect(results).toEqual(['0:30', '1:10', '2:20']);
  });

  it('never has more than the limit in flight, and uses all of it', async () => {
    let inFlight = 0;
    let most = 0;
    await mapLimited(
      Array.from({ length: 12 }, (_, index) => index),
      4,
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await tick();
        await tick();
        inFlight -= 1;
      },
    );
    expect(most).toBe(4);
  });

  it('handles an empty list and a limit larger than the list', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
    expect(await mapLimited([1, 2], 10, async (value) => value * 2)).toEqual([2, 4]);
  });

  it('refuses a limit that is not a positive integer', async () => {
    await expect(mapLimited([1], 0, async () => 1)).rejects.toThrow(RangeError);
    await expect(mapLimited([1], 1.5, async () => 1)).rejects.toThrow(RangeError);
  });

  it('fails when one call fails', async () => {
    await expect(
      mapLimited([1, 2, 3], 2, async (value) => {
        if (value === 2) throw new Error('boom');
        return value;
      }),
    ).rejects.toThrow('boom');
  });
});
