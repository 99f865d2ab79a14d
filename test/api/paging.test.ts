import type { Page } from '../../src/api/models';
import { pageItems } from '../../src/api/paging';
import type { PageRequest } from '../../src/api/partner-center';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('pageItems', () => {
  it('follows every continuation token and keeps the page size', async () => {
    const pages: Record<string, Page<number>> = {
      first: { items: [1, 2], continuationToken: 'second' },
      second: { items: [3, 4], continuationToken: 'third' },
      third: { items: [5] },
    };
    const requests: PageRequest[] = [];
    const items = await collect(
      pageItems(
        async (request) => {
          requests.push(request);
          return pages[request.continuationToken ?? 'first'];
        },
        { size: 2 },
      ),
    );
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(requests).toEqual([
      { size: 2 },
      { size: 2, continuationToken: 'second' },
      { size: 2, continuationToken: 'third' },
    ]);
  });

  it('stops when the service repeats the token it was given', async () => {
    let calls = 0;
    const items = await collect(
      pageItems(async () => {
        calls += 1;
        return { items: [calls], continuationToken: 'same' };
      }),
    );
    expect(items).toEqual([1, 2]);
  });

  it('fetches no further page when the caller stops early', async () => {
    let calls = 0;
    for await (const item of pageItems(async () => ({ items: [++calls], continuationToken: `t${calls}` }))) {
      if (item === 1) break;
    }
    expect(calls).toBe(1);
  });
});
