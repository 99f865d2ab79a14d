import type { CustomerRecord, SubscriptionRecord } from '../data/records';
import { applyChange } from '../domain/subscription-lifecycle';
import { collection, link, selfLink } from '../protocol/collections';
import { errors } from '../protocol/errors';
import { assertEtag, etagFor } from '../protocol/etags';
import {
  enumValue,
  field,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
} from '../protocol/request-body';
import type { ApiReply, ApiRequest, ApiRoute } from '../route';
import type { SimulatorState } from '../state';
import { customerDataOf, customerOf, subscriptionOf } from './lookups';

/** C1 list, C2 get, C4 provisioning status, C5 PATCH (suspend, reactivate, rename) (reference §6). */
export function subscriptionRoutes(state: SimulatorState): ApiRoute[] {
  const subscriptions = '/v1/customers/{customer-tenant-id}/subscriptions';
  const subscription = `${subscriptions}/{subscription-id}`;
  return [
    {
      method: 'GET',
      template: subscriptions,
      access: 'app-or-user',
      handle: (request) => {
        const customer = customerOf(state, request);
        const all = [...customerDataOf(state, customer, request.now).subscriptions.values()];
        const items = all.map((item) => subscriptionView(customer, item));
        return { status: 200, body: collection(items, { self: selfLink(request) }) };
      },
    },
    {
      method: 'GET',
      template: subscription,
      access: 'app-or-user',
      handle: (request) => {
        const found = subscriptionOf(state, request);
        return { status: 200, body: subscriptionView(found.customer, found.subscription) };
      },
    },
    {
      method: 'GET',
      template: `${subscription}/provisioningstatus`,
      access: 'user-only',
      handle: (request) => provisioningStatus(state, request),
    },
    {
      method: 'PATCH',
      template: subscription,
      access: 'app-or-user',
      handle: (request) => patchSubscription(state, request),
    },
  ];
}

function provisioningStatus(state: SimulatorState, request: ApiRequest): ApiReply {
  const { customer, subscription } = subscriptionOf(state, request);
  if (!customer.allowDelegatedAccess) throw errors.accessDenied();
  if (subscription.status === 'deleted') throw errors.provisioningUnavailable();
  const { provisioning } = subscription;
  return {
    status: 200,
    body: {
      skuId: provisioning.skuId,
      status: provisioning.status,
      quantity: provisioning.quantity,
      endDate: subscription.commitmentEndDate,
      attributes: { objectType: 'SubscriptionProvisioningStatus' },
    },
  };
}

/** SDK SubscriptionStatus ordinals, plus the documented `pending`. */
const statuses = ['none', 'active', 'suspended', 'deleted', 'pending'] as const;

/** Full or partial body; only status, friendlyName, quantity and autoRenewEnabled are applied. */
function patchSubscription(state: SimulatorState, request: ApiRequest): ApiReply {
  const body = request.body;
  if (!body) throw errors.invalidInput('a JSON body is required');
  const statusValue = field(body, 'status');
  const status = statusValue === undefined ? undefined : enumValue(statusValue, statuses);
  if (statusValue !== undefined && status === undefined)
    throw errors.invalidProperty('status is not a subscription status');
  const quantity = optionalInteger(body, 'quantity');
  if (quantity !== undefined && quantity < 1) throw errors.invalidProperty('quantity must be at least 1');
  const change = {
    status,
    quantity,
    friendlyName: optionalString(body, 'friendlyName'),
    autoRenewEnabled: optionalBoolean(body, 'autoRenewEnabled'),
  };
  const bodyEtag = optionalString(optionalObject(body, 'attributes'), 'etag');

  const { customer, data, subscription } = subscriptionOf(state, request);
  if (subscription.status === 'deleted') throw errors.deletedSubscription(subscription.id);
  const ifMatch = request.headers['if-match'];
  assertEtag(etagOf(subscription), { ifMatch, bodyEtag }, state.config.etagMismatchStatus);

  const before = subscriptionView(customer, subscription);
  const parent = subscription.parentSubscriptionId
    ? data.subscriptions.get(subscription.parentSubscriptionId.toLowerCase())
    : undefined;
  const changed = applyChange(subscription, change, parent, request.now, state.config.provisioningDelayMs);
  const after = subscriptionView(customer, subscription);
  return {
    status: 200,
    body: after,
    audit: changed
      ? {
          customer,
          resourceType: 'subscription',
          operationType: 'update_subscription',
          oldValue: before,
          newValue: after,
          customizedData: [{ key: 'SubscriptionId', value: subscription.id }],
        }
      : undefined,
  };
}

function etagOf(subscription: SubscriptionRecord): string {
  return etagFor(subscription.id, subscription.version);
}

function subscriptionView(customer: CustomerRecord, subscription: SubscriptionRecord) {
  const base = `/customers/${customer.id}/subscriptions`;
  return {
    id: subscription.id,
    offerId: subscription.offerId,
    offerName: subscription.offerName,
    friendlyName: subscription.friendlyName,
    quantity: subscription.quantity,
    unitType: subscription.unitType,
    parentSubscriptionId: subscription.parentSubscriptionId,
    creationDate: subscription.creationDate,
    effectiveStartDate: subscription.effectiveStartDate,
    commitmentEndDate: subscription.commitmentEndDate,
    status: subscription.status,
    suspensionReasons: subscription.suspensionReasons,
    autoRenewEnabled: subscription.autoRenewEnabled,
    billingType: subscription.billingType,
    billingCycle: subscription.billingCycle,
    contractType: subscription.contractType,
    partnerId: subscription.partnerId,
    orderId: subscription.orderId,
    links: {
      offer: link(`/offers/${subscription.offerId}?country=${customer.address?.country ?? 'US'}`),
      parentSubscription: subscription.parentSubscriptionId
        ? link(`${base}/${subscription.parentSubscriptionId}`)
        : undefined,
      self: link(`${base}/${subscription.id}`),
    },
    attributes: { etag: etagOf(subscription), objectType: 'Subscription' },
  };
}
