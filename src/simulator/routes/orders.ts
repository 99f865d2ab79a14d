import type { CustomerData, CustomerRecord, OrderRecord } from '../data/records';
import { collection, link } from '../protocol/collections';
import { errors } from '../protocol/errors';
import { etagFor } from '../protocol/etags';
import type { ApiRoute } from '../route';
import type { SimulatorState } from '../state';
import { customerDataOf, customerOf } from './lookups';

/** C6 list and C7 get a customer's orders (read-only, reference §6). */
export function orderRoutes(state: SimulatorState): ApiRoute[] {
  const orders = '/v1/customers/{customer-tenant-id}/orders';
  return [
    {
      method: 'GET',
      template: orders,
      access: 'app-or-user',
      handle: (request) => {
        const customer = customerOf(state, request);
        const data = customerDataOf(state, customer, request.now);
        const items = [...data.orders.values()].map((order) => orderView(customer, data, order));
        return { status: 200, body: collection(items) };
      },
    },
    {
      method: 'GET',
      template: `${orders}/{order-id}`,
      access: 'app-or-user',
      handle: (request) => {
        const customer = customerOf(state, request);
        const data = customerDataOf(state, customer, request.now);
        const order = data.orders.get((request.params['order-id'] ?? '').toLowerCase());
        if (!order) throw errors.orderNotFound();
        return { status: 200, body: orderView(customer, data, order) };
      },
    },
  ];
}

function orderView(customer: CustomerRecord, data: CustomerData, order: OrderRecord) {
  const lineItems = order.subscriptionIds.map((subscriptionId, lineItemNumber) => {
    const subscription = data.subscriptions.get(subscriptionId.toLowerCase());
    return {
      lineItemNumber,
      offerId: subscription?.offerId,
      subscriptionId,
      parentSubscriptionId: subscription?.parentSubscriptionId,
      friendlyName: subscription?.friendlyName,
      quantity: subscription?.quantity,
      partnerIdOnRecord: subscription?.partnerId,
      links: { subscription: link(`/customers/${customer.id}/subscriptions/${subscriptionId}`) },
    };
  });
  return {
    id: order.id,
    referenceCustomerId: customer.id,
    billingCycle: order.billingCycle,
    lineItems,
    status: order.status,
    creationDate: order.creationDate,
    links: { self: link(`/customers/${customer.id}/orders/${order.id}`) },
    attributes: { etag: etagFor(order.id, 1), objectType: 'Order' },
  };
}
