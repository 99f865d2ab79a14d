import type { Customer } from '../api/models';
import type { CallContext, PartnerCenter } from '../api/partner-center';
import { isAppError } from '../errors';
import type { LookupQuery } from './lookup-query';

/**
 * Finding customers for a lookup query through Partner Center: by id, or by `starts_with` on
 * the domain or company name, one page at a time.
 */

export const LOOKUP_PAGE_SIZE = 10;

export type CustomerSearchResult =
  | { kind: 'none' }
  | { kind: 'one'; customer: Customer }
  | { kind: 'many'; customers: Customer[]; continuationToken?: string };

export async function findCustomers(
  partnerCenter: PartnerCenter,
  ctx: CallContext,
  query: LookupQuery,
): Promise<CustomerSearchResult> {
  if (query.kind === 'tenantId') {
    const customer = await getCustomerOrNothing(partnerCenter, ctx, query.tenantId);
    return customer ? { kind: 'one', customer } : { kind: 'none' };
  }
  const field = query.kind === 'domain' ? 'Domain' : 'CompanyName';
  const page = await partnerCenter.searchCustomers(
    ctx,
    { field, prefix: query.prefix },
    { size: LOOKUP_PAGE_SIZE },
  );
  const [first] = page.items;
  if (!first) return { kind: 'none' };
  if (page.items.length === 1 && !page.continuationToken) {
    // Search results are summaries; the single match is worth its full record (address, domains, delegated access).
    return { kind: 'one', customer: (await getCustomerOrNothing(partnerCenter, ctx, first.id)) ?? first };
  }
  return { kind: 'many', customers: page.items, continuationToken: page.continuationToken };
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
