import type { Customer } from '../api/models';
import type { CallContext, PartnerCenter } from '../api/partner-center';
import type { CustomerScope } from '../auth/customer-scope';
import { type CustomerIndex, customerOf } from '../customers/customer-index';
import { isAppError } from '../errors';
import type { LookupQuery } from './lookup-query';

/**
 * Finding customers for a lookup query: a tenant id exactly, through Partner Center; a name or a domain
 * through the customer index when it is complete (typos, any word order, ranked), else through Partner
 * Center's `starts_with` on the domain or company name, one page at a time.
 */

export const LOOKUP_PAGE_SIZE = 10;
/** Index matches a lookup pages through at most; past them the agent should narrow the query. */
export const MAX_INDEX_MATCHES = 100;

export type SearchSource = 'index' | 'partnerCenter';

export type CustomerSearchResult = { source: SearchSource } & (
  | { kind: 'none' }
  | { kind: 'one'; customer: Customer }
  | {
      kind: 'many';
      customers: Customer[];
      /** Partner Center's continuation of the search, when it has more pages. */
      continuationToken?: string;
      /** Whether the index has more matches than this first page. */
      moreInIndex?: boolean;
    }
);

export async function findCustomers(
  partnerCenter: PartnerCenter,
  ctx: CallContext,
  query: LookupQuery,
  index?: CustomerIndex,
): Promise<CustomerSearchResult> {
  if (query.kind === 'tenantId') {
    const customer = await getCustomerOrNothing(partnerCenter, ctx, query.tenantId);
    return customer
      ? { source: 'partnerCenter', kind: 'one', customer }
      : { source: 'partnerCenter', kind: 'none' };
  }
  if (index && index.status().coverage === 'complete') return searchIndex(partnerCenter, ctx, query, index);

  const field = query.kind === 'domain' ? 'Domain' : 'CompanyName';
  const page = await partnerCenter.searchCustomers(
    ctx,
    { field, prefix: query.prefix },
    { size: LOOKUP_PAGE_SIZE },
  );
  const [first] = page.items;
  if (!first) return { source: 'partnerCenter', kind: 'none' };
  if (page.items.length === 1 && !page.continuationToken) {
    // Search results are summaries; the single match is worth its full record (address, domains, delegated access).
    const customer = (await getCustomerOrNothing(partnerCenter, ctx, first.id)) ?? first;
    return { source: 'partnerCenter', kind: 'one', customer };
  }
  return {
    source: 'partnerCenter',
    kind: 'many',
    customers: page.items,
    continuationToken: page.continuationToken,
  };
}

async function searchIndex(
  partnerCenter: PartnerCenter,
  ctx: CallContext,
  query: Exclude<LookupQuery, { kind: 'tenantId' }>,
  index: CustomerIndex,
): Promise<CustomerSearchResult> {
  const { customers, more } = indexPage(index, query.text, 0, ctx.customerAccess?.scope);
  const [first] = customers;
  if (!first) return { source: 'index', kind: 'none' };
  if (customers.length === 1) {
    const customer = (await getCustomerOrNothing(partnerCenter, ctx, first.id)) ?? first;
    return { source: 'index', kind: 'one', customer };
  }
  return { source: 'index', kind: 'many', customers, moreInIndex: more };
}

/** One page of a lookup answered by the index, from `offset`, as customer summaries (within `scope`). */
export function indexPage(
  index: CustomerIndex,
  query: string,
  offset: number,
  scope?: CustomerScope,
): { customers: Customer[]; more: boolean } {
  const matches = index.search(query, scope).customers.slice(0, MAX_INDEX_MATCHES);
  const end = offset + LOOKUP_PAGE_SIZE;
  return { customers: matches.slice(offset, end).map(customerOf), more: matches.length > end };
}

/** A tenant id that Partner Center does not know is simply not found. */
export async function getCustomerOrNothing(
  partnerCenter: PartnerCenter,
  ctx: CallContext,
  customerId: string,
): Promise<Customer | undefined> {
  try {
    return await partnerCenter.getCustomer(ctx, customerId);
  } catch (error) {
    if (isAppError(error) && error.code === 'PC_NOT_FOUND') return undefined;
    throw error;
  }
}
