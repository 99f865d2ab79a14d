import type { CustomerData, CustomerRecord, SubscriptionRecord, UserRecord } from '../data/records';
import { settle } from '../domain/subscription-lifecycle';
import { purgeExpired } from '../domain/user-lifecycle';
import { errors } from '../protocol/errors';
import type { ApiRequest } from '../route';
import type { SimulatorState } from '../state';

/** Resolving path parameters to records, with the documented not-found errors. */
export function customerOf(state: SimulatorState, request: ApiRequest): CustomerRecord {
  const customer = state.store.findCustomer(request.params['customer-tenant-id'] ?? '');
  if (!customer) throw errors.tenantNotFound();
  return customer;
}

/** A customer's data with purged users removed and due provisioning completed, as of the request. */
export function customerDataOf(state: SimulatorState, customer: CustomerRecord, now: Date): CustomerData {
  const data = state.store.dataOf(customer);
  purgeExpired(data.users, now);
  for (const subscription of data.subscriptions.values()) {
    settle(subscription, now, state.config.provisioningFailures.has(subscription.id.toLowerCase()));
  }
  return data;
}

/** Any user not purged (active or inactive); unknown → 404 60002. */
export function userOf(
  state: SimulatorState,
  request: ApiRequest,
): { customer: CustomerRecord; user: UserRecord } {
  const customer = customerOf(state, request);
  const user = customerDataOf(state, customer, request.now).users.get(
    (request.params['user-id'] ?? '').toLowerCase(),
  );
  if (!user) throw errors.userNotFound();
  return { customer, user };
}

/** An active user; unknown, inactive or purged → 404 60002. */
export function activeUserOf(
  state: SimulatorState,
  request: ApiRequest,
): { customer: CustomerRecord; user: UserRecord } {
  const found = userOf(state, request);
  if (found.user.state !== 'active') throw errors.userNotFound();
  return found;
}

export function subscriptionOf(
  state: SimulatorState,
  request: ApiRequest,
): { customer: CustomerRecord; data: CustomerData; subscription: SubscriptionRecord } {
  const customer = customerOf(state, request);
  const data = customerDataOf(state, customer, request.now);
  const id = request.params['subscription-id'] ?? '';
  const subscription = data.subscriptions.get(id.toLowerCase());
  if (!subscription) throw errors.subscriptionNotFound(id);
  return { customer, data, subscription };
}
