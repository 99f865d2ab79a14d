/**
 * The `Action.Execute` verbs the cards emit, and the data each one carries. Card data is untrusted: it holds
 * only opaque ids of server-side state, and the handler of each verb checks it (and the caller's role) again.
 */
export const cardVerbs = {
  customerUsers: 'customer.users',
  customerSubscriptions: 'customer.subscriptions',
  customerTickets: 'customer.tickets',
  customerRefresh: 'customer.refresh',
  customerSelect: 'customer.select',
  lookupMore: 'lookup.more',
  auditMore: 'audit.more',
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];

/** Data of `customer.users`, `customer.subscriptions`, `customer.tickets`, `customer.refresh`, `customer.select`. */
export interface CustomerActionData {
  customerId: string;
}

/** Data of `lookup.more`: the id of the search kept on the server. */
export interface LookupMoreData {
  searchId: string;
}

/** Data of `audit.more`: the opaque cursor of the next (older) page. */
export interface AuditMoreData {
  cursor: string;
}
