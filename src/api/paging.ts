import type { Page } from './models';
import type { PageRequest } from './partner-center';

/**
 * Follows every page of a collection and yields its items, e.g.
 * `for await (const user of pageItems((page) => partnerCenter.listUsers(ctx, customerId, page))) …`.
 * Stops on the last page, or if the service hands back the token it was just given.
 */
export async function* pageItems<T>(
  fetchPage: (page: PageRequest) => Promise<Page<T>>,
  first: PageRequest = {},
): AsyncGenerator<T, void, undefined> {
  let request = first;
  for (;;) {
    const page = await fetchPage(request);
    yield* page.items;
    const next = page.continuationToken;
    if (next === undefined || next === request.continuationToken) return;
    request = { size: first.size, continuationToken: next };
  }
}
