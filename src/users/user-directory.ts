import type { Customer, CustomerUser } from '../api/models';
import type { CallContext, PartnerCenter } from '../api/partner-center';
import { isAppError } from '../errors';
import { ownersOfDomain, sameUpn, type UserPrincipalName } from './user-principal-name';

/**
 * Reading a customer's users through Partner Center, and finding a user by UPN across the customers that own
 * its domain. Partner Center lists users only by state, so a UPN is found by reading the list.
 */

export type UserListKind = 'active' | 'deleted';

/** Large page size the list endpoints allow (reference §2.6). */
const LIST_PAGE_SIZE = 500;
/** At most this many users are read for one answer; a larger tenant is searched in its first users only. */
export const MAX_LISTED_USERS = 2500;
/** Customers a domain search reads: more than enough for exact owners of one domain. */
const DOMAIN_SEARCH_SIZE = 20;

export interface UserList {
  users: CustomerUser[];
  /** True when the customer has more users than were read. */
  truncated: boolean;
}

export async function listAllUsers(
  partnerCenter: PartnerCenter,
  ctx: CallContext,
  customerId: string,
  kind: UserListKind,
): Promise<UserList> {
  const users: CustomerUser[] = [];
  let continuationToken: string | undefined;
  do {
    const page = { size: LIST_PAGE_SIZE, continuationToken };
    const result =
      kind === 'active'
        ? await partnerCenter.listUsers(ctx, customerId, page)
        : await partnerCenter.listDeletedUsers(ctx, customerId, page);
    users.push(...result.items);
    continuationToken = result.continuationToken;
  } while (continuationToken !== undefined && users.length < MAX_LISTED_USERS);
  return { users: users.slice(0, MAX_LISTED_USERS), truncated: continuationToken !== undefined };
}

export type UserLocation =
  | { kind: 'noCustomer'; domain: string }
  | { kind: 'notFound'; customers: Customer[] }
  | { kind: 'found'; customer: Customer; user: CustomerUser }
  | { kind: 'ambiguous'; matches: { customer: Customer; user: CustomerUser }[] };

/** The customer from the UPN's domain, then the user in that customer's active or deleted users. */
export async function locateUser(
  partnerCenter: PartnerCenter,
  ctx: CallContext,
  upn: UserPrincipalName,
  kind: UserListKind,
): Promise<UserLocation> {
  const found = await partnerCenter.searchCustomers(
    ctx,
    { field: 'Domain', prefix: upn.domain },
    { size: DOMAIN_SEARCH_SIZE },
  );
  const owners = ownersOfDomain(found.items, upn.domain);
  if (owners.length === 0) return { kind: 'noCustomer', domain: upn.domain };
  const matches: { customer: Customer; user: CustomerUser }[] = [];
  for (const customer of owners) {
    const { users } = await listAllUsers(partnerCenter, ctx, customer.id, kind);
    const user = users.find((candidate) => sameUpn(candidate.userPrincipalName, upn.upn));
    if (user) matches.push({ customer, user });
  }
  const [only] = matches;
  if (matches.length === 1 && only) return { kind: 'found', ...only };
  if (matches.length === 0) return { kind: 'notFound', customers: owners };
  return { kind: 'ambiguous', matches };
}

/** Partner Center's "not found" (unknown or purged id) as nothing; other failures propagate. */
export async function orNothing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === 'PC_NOT_FOUND') return undefined;
    throw error;
  }
}
